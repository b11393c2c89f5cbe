package dev.hpo.junit.engine;

import java.util.Locale;
import java.util.logging.Logger;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The Jupiter configuration parameters that change what discovery finds an objective to be, read once per discovery
 * (from the launcher, system properties and {@code junit-platform.properties}, as Jupiter reads them).
 *
 * @param autodetection {@value JupiterExtensions#AUTODETECTION}: extensions registered through
 *        {@code ServiceLoader} run around every objective, so every objective runs in extension contexts
 * @param perClassLifecycle {@value #LIFECYCLE_DEFAULT} is {@code per_class}: a class without {@code @TestInstance}
 *        gets one instance for all its objectives' trials, and its {@code @BeforeAll}/{@code @AfterAll} methods may be
 *        instance methods (a setting Kotlin projects often make)
 * @param ownTempDirDefaults the configuration names a {@code @TempDir} factory or deletion strategy of the user's
 *        own ({@link TempDirDefaults}), called with an {@code ExtensionContext}, so every objective runs in extension
 *        contexts
 * @param timeouts Jupiter's timeout configuration ({@link TimeoutDefaults}) for lifecycle methods: its mode, the
 *        default limits of those without {@code @Timeout}, the thread dump (a trial's time limit reads the
 *        configuration when it runs, {@link HpoConfiguration})
 * @param displayNames the classes' and objectives' display names, with {@value JupiterDisplayNames#GENERATOR_DEFAULT}
 */
record JupiterDefaults(boolean autodetection, boolean perClassLifecycle, boolean ownTempDirDefaults,
        TimeoutDefaults timeouts, JupiterDisplayNames displayNames) {

    static final String LIFECYCLE_DEFAULT = "junit.jupiter.testinstance.lifecycle.default";
    private static final Logger LOG = Logger.getLogger(JupiterDefaults.class.getName());

    static JupiterDefaults of(ConfigurationParameters parameters) {
        return new JupiterDefaults(JupiterExtensions.autodetects(parameters),
                parameters.get(LIFECYCLE_DEFAULT).map(JupiterDefaults::perClass).orElse(false),
                TempDirDefaults.namesOwnClasses(key -> parameters.get(key).orElse(null)),
                TimeoutDefaults.of(parameters),
                new JupiterDisplayNames(parameters.get(JupiterDisplayNames.GENERATOR_DEFAULT).orElse(null)));
    }

    /** Whether every objective runs in extension contexts, whatever it registers itself. */
    boolean contexts() {
        return autodetection || ownTempDirDefaults;
    }

    /** As Jupiter reads the value: either constant's name in any case; anything else is warned of and ignored. */
    private static boolean perClass(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (!name.equals("PER_CLASS") && !name.equals("PER_METHOD")) {
            LOG.warning(() -> "ignoring " + LIFECYCLE_DEFAULT + " = '" + value + "': use per_class or per_method");
            return false;
        }
        return name.equals("PER_CLASS");
    }
}
