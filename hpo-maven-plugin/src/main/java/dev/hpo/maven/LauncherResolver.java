package dev.hpo.maven;

import java.util.List;

/**
 * Resolves {@code junit-platform-launcher} at a given version with its dependencies. The goal does not bundle
 * the launcher: it must match the project's own JUnit Platform, which only the project's test classpath tells.
 */
@FunctionalInterface
public interface LauncherResolver {

    /**
     * The launcher jar of that version and its transitive runtime dependencies.
     *
     * @throws LauncherResolutionException when the repositories do not have it
     */
    List<Jar> resolveLauncher(String version);

    /** The launcher could not be resolved; the message says which version from where. */
    final class LauncherResolutionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LauncherResolutionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
