package dev.hpo.junit.engine;

import org.opentest4j.AssertionFailedError;

/**
 * A study run that produced nothing to judge: no trial of the run completed (they failed, or only pruned in a study
 * without a completed trial). The objective fails with it, so that surefire and the IDE show the study as failed;
 * it names its study, so that {@code hpo:optimize}, which judges every study it ran from the storage itself, can tell
 * it is the same verdict and report it once.
 */
public final class StudyWithoutResultException extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final String study;

    StudyWithoutResultException(String study, String message, Throwable cause) {
        super(message, cause);
        this.study = study;
    }

    /** The study's full name, prefix included. */
    public String study() {
        return study;
    }
}
