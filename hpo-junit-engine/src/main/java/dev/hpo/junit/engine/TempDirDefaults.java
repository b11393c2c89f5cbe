package dev.hpo.junit.engine;

import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * What a {@code @TempDir} that names no cleanup mode, factory or deletion strategy of its own gets, from Jupiter's
 * configuration parameters, read as Jupiter reads them: a class name that cannot be loaded, or that is not the kind
 * the parameter names, is warned of and ignored (the standard factory or strategy is used).
 *
 * @param cleanup {@value #CLEANUP}: {@code ALWAYS} when not set
 * @param factory {@value #FACTORY}: a {@code TempDirFactory} class, or null for Jupiter's standard one
 * @param deletionStrategy {@value #DELETION_STRATEGY}: a {@code TempDirDeletionStrategy} class, or null for the
 *        standard one
 */
record TempDirDefaults(String cleanup, Class<?> factory, Class<?> deletionStrategy) {

    static final String CLEANUP = "junit.jupiter.tempdir.cleanup.mode.default";
    static final String FACTORY = "junit.jupiter.tempdir.factory.default";
    static final String DELETION_STRATEGY = "junit.jupiter.tempdir.deletion.strategy.default";
    private static final String IO = "org.junit.jupiter.api.io.";
    private static final Logger LOG = Logger.getLogger(TempDirDefaults.class.getName());

    /** The defaults as {@code parameter} gives them, their classes loaded by {@code loader} (the test class's). */
    static TempDirDefaults of(Function<String, String> parameter, ClassLoader loader) {
        String cleanup = parameter.apply(CLEANUP);
        return new TempDirDefaults(cleanup == null ? "ALWAYS" : cleanup.strip().toUpperCase(Locale.ROOT),
                load(parameter.apply(FACTORY), FACTORY, "TempDirFactory", loader),
                load(parameter.apply(DELETION_STRATEGY), DELETION_STRATEGY, "TempDirDeletionStrategy", loader));
    }

    /**
     * Whether the configuration names a factory or deletion strategy that is not Jupiter's own: those are called
     * with an {@code ExtensionContext}, so every objective then runs in extension contexts.
     */
    static boolean namesOwnClasses(Function<String, String> parameter) {
        for (String key : new String[] {FACTORY, DELETION_STRATEGY}) {
            String name = parameter.apply(key);
            if (name != null && !name.isBlank() && !name.strip().startsWith(IO)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String name, String key, String kind, ClassLoader loader) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Class<?> type = Class.forName(name.strip(), false, loader);
            Class<?> expected = Class.forName(IO + kind, false, loader);
            if (!expected.isAssignableFrom(type) || type.isInterface()) {
                LOG.warning(() -> "ignoring " + key + " = " + name + ": it is not a class implementing " + kind);
                return null;
            }
            return type;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.warning(() -> "ignoring " + key + " = " + name + ": " + e);
            return null;
        }
    }
}
