package dev.hpo.junit.engine;

import dev.hpo.storage.Storage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What the objectives of one engine execution share: the configuration parameters, the reporter of trial events
 * and the storage, opened on first use (discovery never opens it) and closed when the engine finishes, so that all
 * studies of a run, one {@code memory:} storage included, live in one place.
 */
final class HpoExecutionContext implements EngineExecutionContext {

    private final ConfigurationParameters parameters;
    private final TrialEvents events;
    private final Function<String, Storage> storages;
    private Storage storage;
    private String storageUrl;
    private JupiterExtensionContext extensionRoot;
    private final Map<ClassLoader, TempDirDefaults> tempDirDefaults = new ConcurrentHashMap<>();

    HpoExecutionContext(ConfigurationParameters parameters, TrialEvents events, Function<String, Storage> storages) {
        this.parameters = parameters;
        this.events = events;
        this.storages = storages;
    }

    /** The configuration, parsed anew on every call: cheap, and a bad value fails every objective alike. */
    HpoConfiguration configuration() {
        return HpoConfiguration.from(parameters);
    }

    /** A configuration parameter other than hpo's own, such as Jupiter's, or null when it is not set. */
    String parameter(String key) {
        return parameters.get(key).orElse(null);
    }

    /** The {@code @TempDir} defaults of the configuration, their classes as the test class's loader sees them. */
    TempDirDefaults tempDirDefaults(Class<?> testClass) {
        return tempDirDefaults.computeIfAbsent(testClass.getClassLoader(),
                loader -> TempDirDefaults.of(this::parameter, loader));
    }

    TrialEvents events() {
        return events;
    }

    /** The storage at this URL, opened once per engine execution. */
    synchronized Storage storage(String url) {
        if (storage == null) {
            storage = storages.apply(url);
            storageUrl = url;
        } else if (!storageUrl.equals(url)) {
            throw new IllegalStateException("storage " + storageUrl + " is open; cannot switch to " + url
                    + " within one run");
        }
        return storage;
    }

    /** The root of the run's Jupiter extension contexts, made on first use, its descriptor the engine's. */
    synchronized JupiterExtensionContext extensionRoot(TestDescriptor engine) {
        if (extensionRoot == null) {
            extensionRoot = JupiterExtensionContext.root(engine, this);
        }
        return extensionRoot;
    }

    /** Closes the root extension context's store, if one was made; returns what closing threw, or null. */
    synchronized Throwable closeExtensionRoot() {
        Throwable failure = extensionRoot == null ? null : extensionRoot.close(null);
        extensionRoot = null;
        return failure;
    }

    synchronized void closeStorage() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
