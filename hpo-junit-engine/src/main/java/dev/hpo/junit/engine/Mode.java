package dev.hpo.junit.engine;

import java.util.Locale;

/** What running an objective means, chosen with the configuration parameter {@code hpo.mode}. */
enum Mode {
    /**
     * One trial, at the best parameters the configured storage knows for the study, else at the middle of every
     * range; it passes when the method returns a finite number. The default, so that {@code mvn test} and the
     * IDE prove quickly that every objective runs.
     */
    SMOKE,
    /** The whole study: {@code trials} more trials, each a dynamic child test (what {@code hpo:optimize} sets). */
    STUDY;

    static Mode parse(String value) {
        return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
