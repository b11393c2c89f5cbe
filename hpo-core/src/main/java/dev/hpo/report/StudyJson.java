package dev.hpo.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactMeta;
import dev.hpo.artifact.Artifacts;
import dev.hpo.terminator.Terminator;
import dev.hpo.terminator.TerminatorCallback;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A study as JSON ({@code target/hpo/<study>.json}): name, directions, trial counts, best trial(s), the thresholds
 * and whether they are reached, the terminator's
 * judgements when it ran with one, and every trial with state, values, parameters, intermediate values, attributes
 * and times. Non-finite numbers are
 * written as the strings {@code "Infinity"}, {@code "-Infinity"} and {@code "NaN"}, which JSON lacks.
 *
 * <p>Written token by token, indented as databind's {@code INDENT_OUTPUT} does: the goal writes this file in a JVM
 * that has not compiled databind's tree code, where building a thousand trials' tree first cost as much as
 * writing it.
 */
public final class StudyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StudyJson() {
    }

    public static void write(Path file, Study study) {
        OutputFile.write(file, render(study), StandardCharsets.UTF_8, "study " + study.name() + " as JSON");
    }

    public static String render(Study study) {
        StringWriter out = new StringWriter(1 << 14);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            study(g, study);
        } catch (IOException e) {
            throw new IllegalStateException("study " + study.name() + " cannot be written as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void study(JsonGenerator g, Study study) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", study.name());
        g.writeArrayFieldStart("directions");
        for (var d : study.directions()) {
            g.writeString(d.name());
        }
        g.writeEndArray();
        List<String> metricNames = study.metricNames();
        if (!metricNames.isEmpty()) {
            g.writeArrayFieldStart("metricNames");
            for (String m : metricNames) {
                g.writeString(m);
            }
            g.writeEndArray();
        }
        List<FrozenTrial> trials = study.trials();
        long[] counts = new long[TrialState.values().length];
        for (FrozenTrial t : trials) {
            counts[t.state().ordinal()]++;
        }
        g.writeObjectFieldStart("counts");
        for (TrialState s : TrialState.values()) {
            g.writeNumberField(s.name(), counts[s.ordinal()]);
        }
        g.writeEndObject();
        boolean anyComplete = !study.trials(EnumSet.of(TrialState.COMPLETE)).isEmpty();
        boolean anyFeasible = study.trials(EnumSet.of(TrialState.COMPLETE)).stream().anyMatch(FrozenTrial::isFeasible);
        if (anyFeasible && study.directions().size() == 1) {
            FrozenTrial best = study.bestTrial();
            g.writeNumberField("bestTrial", best.number());
            g.writeFieldName("bestValue");
            number(g, best.value());
            g.writeFieldName("bestParams");
            params(g, best.params());
        }
        g.writeArrayFieldStart("bestTrials");
        if (anyComplete) {
            for (FrozenTrial t : study.bestTrials()) {
                g.writeNumber(t.number());
            }
        }
        g.writeEndArray();
        thresholds(g, study, anyComplete);
        g.writeFieldName("userAttrs");
        attrs(g, study.userAttrs());
        SortedMap<Integer, Terminator.Evaluation> judged = TerminatorCallback.evaluations(study.systemAttrs());
        if (!judged.isEmpty()) {
            g.writeArrayFieldStart("terminator");
            for (Map.Entry<Integer, Terminator.Evaluation> e : judged.entrySet()) {
                g.writeStartObject();
                g.writeNumberField("afterTrial", e.getKey());
                g.writeNumberField("completeTrials", e.getValue().completeTrials());
                g.writeNumberField("improvement", e.getValue().improvement());
                g.writeNumberField("error", e.getValue().error());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("trials");
        for (FrozenTrial t : trials) {
            trial(g, t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The gate's thresholds (null where an objective has none) and whether the best trial, or for several objectives
     * one trial of the Pareto front, reaches them all: what a CI job needs to decide for itself from this file.
     */
    private static void thresholds(JsonGenerator g, Study study, boolean anyComplete) throws IOException {
        List<Double> thresholds;
        try {
            thresholds = Thresholds.of(study.name(), study.userAttrs(), study.systemAttrs());
        } catch (IllegalStateException notANumber) {
            return;  // the goal's gate reports it; the export leaves the thresholds out
        }
        if (thresholds.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("thresholds");
        for (double t : thresholds) {
            if (Double.isNaN(t)) {
                g.writeNull();
            } else {
                number(g, t);
            }
        }
        g.writeEndArray();
        g.writeBooleanField("thresholdsReached", anyComplete && study.bestTrials().stream()
                .anyMatch(t -> Thresholds.reached(thresholds, study.directions(), t.values())));
    }

    private static void trial(JsonGenerator g, FrozenTrial t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("number", t.number());
        g.writeStringField("state", t.state().name());
        g.writeFieldName("values");
        if (t.values() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (double v : t.values()) {
                number(g, v);
            }
            g.writeEndArray();
        }
        g.writeFieldName("params");
        params(g, t.params());
        g.writeObjectFieldStart("distributions");
        for (var d : t.distributions().entrySet()) {
            g.writeStringField(d.getKey(), d.getValue().toString());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("intermediateValues");
        for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
            g.writeFieldName(Integer.toString(e.getKey()));
            number(g, e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName("userAttrs");
        attrs(g, t.userAttrs());
        List<ArtifactMeta> artifacts = Artifacts.list(t);
        if (!artifacts.isEmpty()) {
            g.writeArrayFieldStart("artifacts");
            for (ArtifactMeta a : artifacts) {
                g.writeStartObject();
                g.writeStringField("id", a.artifactId());
                g.writeStringField("filename", a.filename());
                g.writeStringField("mimetype", a.mimetype());
                g.writeStringField("encoding", a.encoding());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        Object reason = t.systemAttrs().get(Study.FAIL_REASON_ATTR);
        if (reason != null) {
            g.writeStringField("failReason", String.valueOf(reason));
        }
        g.writeStringField("start", t.start() == null ? null : t.start().toString());
        g.writeStringField("complete", t.complete() == null ? null : t.complete().toString());
        if (t.duration() != null) {
            g.writeNumberField("durationSeconds", t.duration().toNanos() / 1e9);
        }
        g.writeEndObject();
    }

    private static void params(JsonGenerator g, Map<String, Object> params) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> p : params.entrySet()) {
            g.writeFieldName(p.getKey());
            value(g, p.getValue());
        }
        g.writeEndObject();
    }

    private static void attrs(JsonGenerator g, Map<String, Object> attrs) throws IOException {
        if (attrs.isEmpty()) {
            g.writeStartObject();
            g.writeEndObject();
        } else {
            MAPPER.writeValue(g, attrs);
        }
    }

    /**
     * A parameter value as databind would write it; the common kinds directly, since databind's serializer lookup
     * is slow in a JVM that has not compiled it.
     */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof String text) {
            g.writeString(text);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v == null) {
            g.writeNull();
        } else {
            MAPPER.writeValue(g, v);
        }
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeString(Double.toString(v));
        }
    }
}
