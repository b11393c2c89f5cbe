package dev.hpo.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distributions in Optuna's JSON form ({@code {"name": "FloatDistribution", "attributes": {...}}}), the form
 * every storage writes so that studies move between hpo and Optuna. Reads the legacy names of older Optuna
 * versions too.
 */
public final class DistributionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Studies use a handful of distributions, and every parameter a storage writes or reads converts one, so both
     * directions are remembered (distributions are immutable values). Cleared when it grows past this size, which
     * only a study with thousands of distinct distributions reaches.
     */
    private static final int CACHE_LIMIT = 4096;
    private static final Map<Distribution, String> JSON = new ConcurrentHashMap<>();
    private static final Map<String, Distribution> PARSED = new ConcurrentHashMap<>();

    private DistributionJson() {
    }

    /** The distribution as a JSON tree. */
    public static ObjectNode toTree(Distribution distribution) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", distribution.kindName());
        ObjectNode a = root.putObject("attributes");
        if (distribution instanceof FloatDistribution f) {
            if (f.step() == null) {
                a.putNull("step");
            } else {
                a.put("step", f.step());
            }
            a.put("low", f.low());
            a.put("high", f.high());
            a.put("log", f.log());
        } else if (distribution instanceof IntDistribution i) {
            a.put("log", i.log());
            a.put("step", i.step());
            a.put("low", i.low());
            a.put("high", i.high());
        } else if (distribution instanceof CategoricalDistribution c) {
            ArrayNode choices = a.putArray("choices");
            for (Object choice : c.choices()) {
                choices.add(MAPPER.valueToTree(choice instanceof Enum<?> e ? e.name() : choice));
            }
        }
        return root;
    }

    /** The distribution as a JSON string, written with Python's default separators as Optuna does. */
    public static String toJson(Distribution distribution) {
        String known = JSON.get(distribution);
        if (known != null) {
            return known;
        }
        String json = writeJson(distribution);
        remember(JSON, distribution, json);
        return json;
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private static String writeJson(Distribution distribution) {
        if (distribution instanceof CategoricalDistribution c && !c.storable()) {
            Object odd = c.choices().stream().filter(x -> !new CategoricalDistribution(List.of(x)).storable())
                    .findFirst().orElseThrow();
            throw new IllegalArgumentException("the choice " + odd + " (a " + odd.getClass().getName() + ") of " + c
                    + " cannot be stored: a storage writes choices as JSON, so they must be null, booleans, numbers,"
                    + " strings or enum constants, as in Optuna; suggest a name or an index and map it to the object");
        }
        JsonNode tree = toTree(distribution);
        StringBuilder out = new StringBuilder();
        appendPythonStyle(tree, out);
        return out.toString();
    }

    /** Reads a distribution from its JSON string; throws {@link IllegalArgumentException} naming the text. */
    public static Distribution fromJson(String json) {
        Distribution known = PARSED.get(json);
        if (known != null) {
            return known;
        }
        try {
            Distribution d = fromTree(MAPPER.readTree(json));
            remember(PARSED, json, d);
            return d;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a distribution in JSON: " + json, e);
        }
    }

    /** Reads a distribution from a JSON tree. */
    public static Distribution fromTree(JsonNode node) {
        String name = node.path("name").asText("");
        JsonNode a = node.path("attributes");
        return switch (name) {
            case "FloatDistribution" -> new FloatDistribution(a.path("low").asDouble(), a.path("high").asDouble(),
                    a.path("log").asBoolean(false), a.hasNonNull("step") ? a.get("step").asDouble() : null);
            case "UniformDistribution" -> FloatDistribution.of(a.path("low").asDouble(), a.path("high").asDouble());
            case "LogUniformDistribution" -> FloatDistribution.log(a.path("low").asDouble(), a.path("high").asDouble());
            case "DiscreteUniformDistribution" -> FloatDistribution.stepped(a.path("low").asDouble(),
                    a.path("high").asDouble(), a.path("q").asDouble());
            case "IntDistribution" -> new IntDistribution(a.path("low").asLong(), a.path("high").asLong(),
                    a.path("log").asBoolean(false), a.path("step").asLong(1));
            case "IntUniformDistribution" -> IntDistribution.stepped(a.path("low").asLong(), a.path("high").asLong(),
                    a.path("step").asLong(1));
            case "IntLogUniformDistribution" -> IntDistribution.log(a.path("low").asLong(), a.path("high").asLong());
            case "CategoricalDistribution" -> {
                List<Object> choices = new ArrayList<>();
                for (JsonNode c : a.path("choices")) {
                    choices.add(scalar(c));
                }
                yield new CategoricalDistribution(choices);
            }
            default -> throw new IllegalArgumentException("unknown distribution '" + name + "' in " + node);
        };
    }

    /** A JSON scalar as the Java value a user would write: String, Integer/Long, Double, Boolean or null. */
    public static Object scalar(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isBoolean()) {
            return c.asBoolean();
        }
        if (c.isInt()) {
            return c.asInt();
        }
        if (c.isIntegralNumber()) {
            return c.asLong();
        }
        if (c.isNumber()) {
            return c.asDouble();
        }
        return c.toString();
    }

    private static void appendPythonStyle(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            var fields = node.fields();
            boolean first = true;
            while (fields.hasNext()) {
                var e = fields.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(MAPPER.getNodeFactory().textNode(e.getKey()).toString()).append(": ");
                appendPythonStyle(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendPythonStyle(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
