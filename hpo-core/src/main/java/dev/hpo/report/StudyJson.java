package dev.hpo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A study as JSON ({@code target/hpo/<study>.json}): name, directions, trial counts, best trial(s) and every
 * trial with state, values, parameters, intermediate values, attributes and times. Non-finite numbers are
 * written as the strings {@code "Infinity"}, {@code "-Infinity"} and {@code "NaN"}, which JSON lacks.
 */
public final class StudyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyJson() {
    }

    public static void write(Path file, Study study) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(study), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write study " + study.name() + " as JSON to " + file + ": "
                    + e.getMessage(), e);
        }
    }

    public static String render(Study study) {
        try {
            return MAPPER.writeValueAsString(tree(study));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("study " + study.name() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** The JSON tree of a study. */
    public static ObjectNode tree(Study study) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", study.name());
        ArrayNode dirs = root.putArray("directions");
        study.directions().forEach(d -> dirs.add(d.name()));
        List<FrozenTrial> trials = study.trials();
        ObjectNode counts = root.putObject("counts");
        for (TrialState s : TrialState.values()) {
            counts.put(s.name(), trials.stream().filter(t -> t.state() == s).count());
        }
        boolean anyComplete = !study.trials(EnumSet.of(TrialState.COMPLETE)).isEmpty();
        if (anyComplete && study.directions().size() == 1) {
            FrozenTrial best = study.bestTrial();
            root.put("bestTrial", best.number());
            number(root, "bestValue", best.value());
            root.set("bestParams", params(best.params()));
        }
        ArrayNode front = root.putArray("bestTrials");
        if (anyComplete) {
            study.bestTrials().forEach(t -> front.add(t.number()));
        }
        root.set("userAttrs", attrs(study.userAttrs()));
        ArrayNode out = root.putArray("trials");
        for (FrozenTrial t : trials) {
            out.add(trial(t));
        }
        return root;
    }

    private static ObjectNode trial(FrozenTrial t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("number", t.number());
        n.put("state", t.state().name());
        if (t.values() == null) {
            n.putNull("values");
        } else {
            ArrayNode values = n.putArray("values");
            t.values().forEach(v -> addNumber(values, v));
        }
        n.set("params", params(t.params()));
        ObjectNode dists = n.putObject("distributions");
        t.distributions().forEach((k, d) -> dists.put(k, d.toString()));
        ObjectNode iv = n.putObject("intermediateValues");
        for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
            number(iv, Integer.toString(e.getKey()), e.getValue());
        }
        n.set("userAttrs", attrs(t.userAttrs()));
        Object reason = t.systemAttrs().get(Study.FAIL_REASON_ATTR);
        if (reason != null) {
            n.put("failReason", String.valueOf(reason));
        }
        n.put("start", t.start() == null ? null : t.start().toString());
        n.put("complete", t.complete() == null ? null : t.complete().toString());
        if (t.duration() != null) {
            n.put("durationSeconds", t.duration().toNanos() / 1e9);
        }
        return n;
    }

    private static ObjectNode params(Map<String, Object> params) {
        ObjectNode node = MAPPER.createObjectNode();
        params.forEach((k, v) -> node.set(k, value(v)));
        return node;
    }

    private static JsonNode attrs(Map<String, Object> attrs) {
        return attrs.isEmpty() ? MAPPER.createObjectNode() : MAPPER.valueToTree(attrs);
    }

    /**
     * A parameter value as databind would write it; the common kinds are made directly, since {@code valueToTree}
     * costs a serializer lookup per trial in a JVM that has not compiled it.
     */
    private static JsonNode value(Object v) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        if (v instanceof Double d) {
            return nodes.numberNode(d);
        }
        if (v instanceof Integer i) {
            return nodes.numberNode(i);
        }
        if (v instanceof Long l) {
            return nodes.numberNode(l);
        }
        if (v instanceof String text) {
            return nodes.textNode(text);
        }
        if (v instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        return v == null ? nodes.nullNode() : MAPPER.valueToTree(v);
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, Double.toString(v));
        }
    }

    private static void addNumber(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.add(Double.toString(v));
        }
    }
}
