package dev.hpo.report;

import java.nio.file.Path;

/** Writes a sample report to target/hpo/report-demo.html (run from the IDE or with exec:java on test scope). */
public final class ReportDemo {

    private ReportDemo() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/hpo/report-demo.html");
        HtmlReport.write(out, ReportFixtures.single(120), ReportFixtures.multi(150));
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
