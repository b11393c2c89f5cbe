package dev.hpo.maven;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactNotFoundException;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.report.BestParamsProperties;
import dev.hpo.report.HtmlReport;
import dev.hpo.report.StudyJson;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The goal's one call into the report module ({@code dev.hpo.report}): loads the studies from the storage and
 * writes {@code best-params.properties}, {@code report.html}, one {@code <study>.json} per study and, for a
 * study whose best trial (or Pareto-optimal trials) uploaded artifacts, those files under {@code best/<study>/}.
 * Both goals write their outputs only through here.
 */
final class ReportOutputs {

    private ReportOutputs() {
    }

    /**
     * The report is drawn on a second thread while this one writes the properties and the JSON files: the build
     * waits for both, and a fresh Maven JVM spends most of that time compiling, which two cores do side by side.
     */
    static List<BestArtifacts> write(Storage storage, List<String> studies, Path propertiesFile, Path reportFile,
            Path outputDirectory, String artifacts) {
        List<Study> loaded = studies.stream().map(name -> Study.load(storage, name)).toList();
        FutureTask<Void> report = new FutureTask<>(() -> HtmlReport.write(reportFile, loaded), null);
        Thread drawing = new Thread(report, "hpo-report");
        drawing.start();
        List<BestArtifacts> exported = new ArrayList<>();
        try {
            BestParamsProperties.write(propertiesFile, loaded);
            for (Study study : loaded) {
                StudyJson.write(outputDirectory.resolve(fileName(study.name()) + ".json"), study);
                bestArtifacts(study, artifacts, outputDirectory.resolve("best")).ifPresent(exported::add);
            }
        } finally {
            awaitReport(report);
        }
        return exported;
    }

    /**
     * Copies the best trial's artifacts to {@code best/<study>/} (a multi-objective study's: each Pareto-optimal
     * trial's to {@code best/<study>/trial-<number>/}), replacing what an earlier best left there; nothing when those
     * trials uploaded none. A store that lacks a file is reported, not thrown: the other outputs stand.
     */
    private static Optional<BestArtifacts> bestArtifacts(Study study, String artifacts, Path bestDirectory) {
        if (study.trials(EnumSet.of(TrialState.COMPLETE)).stream().noneMatch(FrozenTrial::isFeasible)) {
            return Optional.empty();
        }
        boolean front = study.directions().size() > 1;
        List<FrozenTrial> best = (front ? study.bestTrials() : List.of(study.bestTrial())).stream()
                .filter(t -> !Artifacts.list(t).isEmpty()).toList();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Path target = bestDirectory.resolve(fileName(study.name()));
        List<Integer> numbers = best.stream().map(FrozenTrial::number).toList();
        try {
            deleteTree(target);
            Files.createDirectories(target);
            int files = 0;
            try (ArtifactStore store = ArtifactStore.of(artifacts)) {
                for (FrozenTrial t : best) {
                    Path into = front ? Files.createDirectories(target.resolve("trial-" + t.number())) : target;
                    files += Artifacts.downloadAll(t, store, into).size();
                }
            }
            return Optional.of(new BestArtifacts(study.name(), numbers, front, target, files, null));
        } catch (ArtifactNotFoundException e) {
            return Optional.of(new BestArtifacts(study.name(), numbers, front, target, 0, e.getMessage()
                    + " (a storage kept beyond mvn clean needs its artifacts kept there too: set artifacts, or"
                    + " hpo.artifacts, to a directory beside the storage or to its JDBC URL)"));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new BestArtifacts(study.name(), numbers, front, target, 0, e.toString()));
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void awaitReport(FutureTask<Void> report) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    report.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;  // the report thread finishes on its own; the flag is restored below
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("drawing the report failed: " + e.getCause(), e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The study name as a file name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String fileName(String study) {
        return study.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
