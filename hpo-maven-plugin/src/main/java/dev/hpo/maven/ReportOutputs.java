package dev.hpo.maven;

import dev.hpo.Study;
import dev.hpo.report.BestParamsProperties;
import dev.hpo.report.HtmlReport;
import dev.hpo.report.StudyJson;
import dev.hpo.storage.Storage;
import java.nio.file.Path;
import java.util.List;

/**
 * The goal's one call into the report module ({@code dev.hpo.report}): loads the studies from the storage and
 * writes {@code best-params.properties}, {@code report.html} and one {@code <study>.json} per study. Both goals
 * write their outputs only through here.
 */
final class ReportOutputs {

    private ReportOutputs() {
    }

    static void write(Storage storage, List<String> studies, Path propertiesFile, Path reportFile, Path jsonDirectory) {
        List<Study> loaded = studies.stream().map(name -> Study.load(storage, name)).toList();
        BestParamsProperties.write(propertiesFile, loaded);
        HtmlReport.write(reportFile, loaded);
        for (Study study : loaded) {
            StudyJson.write(jsonDirectory.resolve(fileName(study.name()) + ".json"), study);
        }
    }

    /** The study name as a file name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String fileName(String study) {
        return study.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
