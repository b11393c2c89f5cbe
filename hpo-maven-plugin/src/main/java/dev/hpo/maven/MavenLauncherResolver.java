package dev.hpo.maven;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** Resolves the launcher through Maven's resolver, from the project's remote repositories. */
final class MavenLauncherResolver implements LauncherResolver {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    MavenLauncherResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
    }

    @Override
    public List<Jar> resolveLauncher(String version) {
        Artifact launcher = new DefaultArtifact(ForkClasspath.PLATFORM_GROUP, "junit-platform-launcher", "jar", version);
        CollectRequest collect = new CollectRequest(new Dependency(launcher, "runtime"), repositories);
        try {
            List<Jar> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults()) {
                Artifact a = r.getArtifact();
                jars.add(new Jar(a.getGroupId(), a.getArtifactId(), a.getVersion(), a.getFile().toPath()));
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new LauncherResolutionException("cannot resolve " + launcher + " (the launcher at the project's JUnit"
                    + " Platform version " + version + ") from " + repositories + ": " + e.getMessage(), e);
        }
    }
}
