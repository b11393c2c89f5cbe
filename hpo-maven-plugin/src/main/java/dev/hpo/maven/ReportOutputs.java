package dev.hpo.maven;

import dev.hpo.Study;
import dev.hpo.report.BestParamsProperties;
import dev.hpo.report.HtmlReport;
import dev.hpo.report.StudyJson;
import dev.hpo.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The goal's one call into the report module ({@code dev.hpo.report}): loads the studies from the storage and
 * writes {@code best-params.properties}, {@code report.html} and one {@code <study>.json} per study. Both goals
 * write their outputs only through here.
 */
final class ReportOutputs {

    private ReportOutputs() {
    }

    /**
     * The report is drawn on a second thread while this one writes the properties and the JSON files: the build
     * waits for both, and a fresh Maven JVM spends most of that time compiling, which two cores do side by side.
     */
    static void write(Storage storage, List<String> studies, Path propertiesFile, Path reportFile, Path jsonDirectory) {
        List<Study> loaded = studies.stream().map(name -> Study.load(storage, name)).toList();
        FutureTask<Void> report = new FutureTask<>(() -> HtmlReport.write(reportFile, loaded), null);
        Thread drawing = new Thread(report, "hpo-report");
        drawing.start();
        try {
            BestParamsProperties.write(propertiesFile, loaded);
            for (Study study : loaded) {
                StudyJson.write(jsonDirectory.resolve(fileName(study.name()) + ".json"), study);
            }
        } finally {
            awaitReport(report);
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
