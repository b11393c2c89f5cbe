package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One case of a fixture written by {@code hpo-bench/optuna/importance_cases.py}: a study written out trial by trial,
 * what was asked (evaluator options, params, a named target) and what Optuna 5.0.0's {@code get_param_importances}
 * answered with {@code normalize=True} and {@code normalize=False}, or the error it raised.
 *
 * @param normalized Optuna's importances in its order, or {@code null} when it raised {@code normalizedError}
 * @param raw the same with {@code normalize=False}
 */
record OptunaImportanceFixture(String name, String evaluator, JsonNode options, List<String> params, String target,
        Study study, Map<String, Double> normalized, String normalizedError, Map<String, Double> raw,
        String rawError) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Every case of a fixture under {@code dev/hpo/importance/} on the test classpath. */
    static List<OptunaImportanceFixture> read(String resource) {
        try (InputStream in = OptunaImportanceFixture.class.getResourceAsStream(resource)) {
            JsonNode root = JSON.readTree(in);
            assertEquals("5.0.0", root.get("optuna").asText());
            List<OptunaImportanceFixture> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                List<String> params = null;
                if (!c.get("params").isNull()) {
                    params = new ArrayList<>();
                    for (JsonNode p : c.get("params")) {
                        params.add(p.asText());
                    }
                }
                out.add(new OptunaImportanceFixture(c.get("name").asText(), c.get("evaluator").asText(),
                        c.get("options"), params, c.get("target").isNull() ? null : c.get("target").asText(),
                        study(c.get("study")), importances(c.get("normalized")), error(c.get("normalized")),
                        importances(c.get("raw")), error(c.get("raw"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The target the fixture names: {@code null}, {@code values[0]} or {@code user_attrs[u]}. */
    ToDoubleFunction<FrozenTrial> targetFunction() {
        if (target == null) {
            return null;
        }
        return switch (target) {
            case "values[0]" -> t -> t.values().get(0);
            case "user_attrs[u]" -> t -> ((Number) t.userAttrs().get("u")).doubleValue();
            default -> throw new IllegalArgumentException("unknown target in the fixture: " + target);
        };
    }

    /** What hpo answers to the same question, normalized or raw. */
    Map<String, Double> ask(ImportanceEvaluator evaluator, boolean normalize) {
        return Importances.of(study, evaluator, params, targetFunction(), normalize);
    }

    @Override
    public String toString() {
        return name + (params == null ? "" : " " + params) + (options.isEmpty() ? "" : " " + options);
    }

    /**
     * Asserts that hpo refuses what Optuna refused, with an error that names the parameters asked for (or, without
     * any, says that a target is needed).
     */
    void assertRefused(ImportanceEvaluator evaluator, boolean normalize) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ask(evaluator, normalize),
                () -> "Optuna raised " + (normalize ? normalizedError : rawError));
        if (params == null) {
            assertTrue(e.getMessage().contains("target"), e.getMessage());
        } else {
            params.forEach(p -> assertTrue(e.getMessage().contains(p), e.getMessage()));
        }
    }

    /** Optuna's answer's parameters in the order hpo gives them: descending, ties by name. */
    static List<String> hpoOrder(Map<String, Double> optuna) {
        return optuna.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Double> importances(JsonNode answer) {
        if (!answer.has("importances")) {
            return null;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode pair : answer.get("importances")) {
            out.put(pair.get(0).asText(), pair.get(1).asDouble());
        }
        return out;
    }

    private static String error(JsonNode answer) {
        return answer.has("error") ? answer.get("error").asText() : null;
    }

    private static Study study(JsonNode json) {
        List<Direction> directions = new ArrayList<>();
        json.get("directions").forEach(d -> directions.add(Direction.valueOf(d.asText().toUpperCase())));
        Study study = Study.builder().directions(directions.toArray(new Direction[0])).build();
        for (JsonNode t : json.get("trials")) {
            FrozenTrial.Builder trial = FrozenTrial.builder().state(TrialState.valueOf(t.get("state").asText()));
            if (!t.get("values").isNull()) {
                trial.values(doubles(t.get("values")));
            }
            t.get("params").fields().forEachRemaining(p -> {
                Distribution d = distribution(p.getValue().get("distribution"));
                JsonNode v = p.getValue().get("value");
                Object value = d instanceof CategoricalDistribution ? v.asText()
                        : d instanceof IntDistribution ? (Object) v.asLong() : (Object) v.asDouble();
                trial.param(p.getKey(), value, d);
            });
            t.get("user_attrs").fields().forEachRemaining(a -> trial.userAttr(a.getKey(), a.getValue().asDouble()));
            study.addTrial(trial.build());
        }
        return study;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static Distribution distribution(JsonNode d) {
        String type = d.get("type").asText();
        if (type.equals("categorical")) {
            List<String> choices = new ArrayList<>();
            d.get("choices").forEach(c -> choices.add(c.asText()));
            return CategoricalDistribution.of(choices);
        }
        boolean log = d.get("log").asBoolean();
        JsonNode step = d.get("step");
        if (type.equals("int")) {
            long low = d.get("low").asLong();
            long high = d.get("high").asLong();
            return log ? IntDistribution.log(low, high) : step.asLong() != 1 ? IntDistribution.stepped(low, high,
                    step.asLong()) : IntDistribution.of(low, high);
        }
        double low = d.get("low").asDouble();
        double high = d.get("high").asDouble();
        return log ? FloatDistribution.log(low, high) : step.isNull() ? FloatDistribution.of(low, high)
                : FloatDistribution.stepped(low, high, step.asDouble());
    }
}
