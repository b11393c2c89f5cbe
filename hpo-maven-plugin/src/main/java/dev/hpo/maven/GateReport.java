package dev.hpo.maven;

import dev.hpo.FrozenTrial;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The build's verdict on its studies as a JUnit XML report ({@code TEST-hpo.xml}, the format surefire and failsafe
 * write), so that a CI server shows the threshold gate beside the tests: one test case per study this build ran,
 * failed when the study missed its threshold, in error when it produced nothing to judge, skipped when an assumption
 * skipped its run (as surefire writes a test whose assumption failed), and one test case in error
 * per objective the engine could not run (a malformed one). The trials themselves are not test cases: a failed or
 * pruned trial is part of a healthy study, and would mark a build unstable where it is not.
 */
final class GateReport {

    static final String FILE_NAME = "TEST-hpo.xml";
    private static final String SUITE = "hpo:optimize";

    private GateReport() {
    }

    /**
     * Writes the report into {@code directory}, replacing the previous build's.
     *
     * @param failures what the forked run reported failing outside any study
     */
    static Path write(Path directory, List<StudyOutcome> outcomes, List<ForkRun.Failure> failures) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        int failed = 0;
        int errors = failures.size();
        int skipped = 0;
        Duration total = Duration.ZERO;
        for (StudyOutcome o : outcomes) {
            if (o.skippedBy() != null) {
                skipped++;
            } else if (ThresholdGate.broken(o) != null) {
                errors++;
            } else if (ThresholdGate.miss(o) != null) {
                failed++;
            }
            total = total.plus(runTime(o));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", Integer.toString(outcomes.size() + failures.size()));
            xml.writeAttribute("failures", Integer.toString(failed));
            xml.writeAttribute("errors", Integer.toString(errors));
            xml.writeAttribute("skipped", Integer.toString(skipped));
            xml.writeAttribute("time", seconds(total));
            xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            for (StudyOutcome o : outcomes) {
                writeStudy(xml, o);
            }
            for (ForkRun.Failure f : failures) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                // as surefire files a test: under its class, by the name it gives a method's test case (depth(int)),
                // else by the test's own name, the last of its path's display names
                xml.writeAttribute("classname", f.testClass() != null ? f.testClass() : "hpo");
                xml.writeAttribute("name", f.caseName() != null ? f.caseName()
                        : f.testClass() != null ? ownName(f.test()) : f.test());
                xml.writeAttribute("time", "0");
                problem(xml, "error", f.message(), "objective not run");
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void writeStudy(XMLStreamWriter xml, StudyOutcome o) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className(o));
        xml.writeAttribute("name", o.name());
        xml.writeAttribute("time", seconds(runTime(o)));
        String broken = ThresholdGate.broken(o);
        String miss = ThresholdGate.miss(o);
        if (o.skippedBy() != null) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", "an assumption failed in " + o.skippedBy());
        } else if (broken != null) {
            problem(xml, "error", broken, "no result");
        } else if (miss != null) {
            problem(xml, "failure", miss, "threshold missed");
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(summary(o));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** A test's own name, the last of its path's display names: {@code setUp} of {@code hpo > Tuning > setUp}. */
    private static String ownName(String path) {
        int cut = path.lastIndexOf(" > ");
        return cut < 0 ? path : path.substring(cut + 3);
    }

    private static void problem(XMLStreamWriter xml, String element, String message, String type)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", type);
        xml.writeCharacters(message);
        xml.writeEndElement();
    }

    /** The objective's class, where CI servers group the case; {@code hpo} for a study of unknown origin. */
    private static String className(StudyOutcome o) {
        String objective = o.objective();
        int dot = objective == null ? -1 : objective.lastIndexOf('.');
        return dot > 0 ? objective.substring(0, dot) : "hpo";
    }

    /** What the summary table says of the study, as one paragraph. */
    private static String summary(StudyOutcome o) {
        StringBuilder s = new StringBuilder();
        FrozenTrial best = o.best();
        if (best != null) {
            s.append("best ").append(Numbers.format(best.value())).append(" at trial #").append(best.number());
            if (!best.params().isEmpty()) {
                s.append(" (").append(SummaryTable.parameters(best.params())).append(')');
            }
        } else if (!o.singleObjective()) {
            s.append(Numbers.count(o.paretoSize(), "Pareto-optimal trial"));
        } else {
            s.append("no completed trial");
        }
        s.append("; ").append(Numbers.count(o.runTrials().size(), "trial")).append(" this build, ")
                .append(o.complete() + o.pruned() + o.failed()).append(" in the study (").append(o.complete())
                .append(" complete, ").append(o.pruned()).append(" pruned, ").append(o.failed()).append(" failed)");
        if (o.threshold() != null) {
            s.append("; threshold ").append(Numbers.format(o.threshold())).append(" (")
                    .append(o.directions().get(0).name().toLowerCase(Locale.ROOT)).append(')');
        } else if (o.gatesSeveral()) {
            s.append("; thresholds ").append(o.thresholdsText());
        }
        return s.toString();
    }

    private static Duration runTime(StudyOutcome o) {
        Duration d = Duration.ZERO;
        for (FrozenTrial t : o.runTrials()) {
            if (t.duration() != null) {
                d = d.plus(t.duration());
            }
        }
        return d;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
