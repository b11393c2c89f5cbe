package dev.hpo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.Direction;
import dev.hpo.space.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The five problems of {@code problems.json} (a copy of {@code shared/bench/problems.json} on the classpath):
 * bounds, types and optima come from the file, the formulas are written here exactly as the file states them,
 * with the file's constants.
 */
public final class Problems {

    private Problems() {
    }

    /** Every problem of the file, in its order. */
    public static List<Problem> load() {
        JsonNode root = read();
        List<Problem> out = new ArrayList<>();
        for (JsonNode p : root.get("problems")) {
            out.add(problem(p));
        }
        return out;
    }

    private static JsonNode read() {
        try (InputStream in = Problems.class.getResourceAsStream("/problems.json")) {
            if (in == null) {
                throw new IllegalStateException("problems.json is missing from the classpath of hpo-bench");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read problems.json", e);
        }
    }

    private static Problem problem(JsonNode p) {
        String name = p.get("name").asText();
        Map<String, Distribution> params = new LinkedHashMap<>();
        for (JsonNode q : p.get("parameters")) {
            List<Object> choices = new ArrayList<>();
            if (q.has("choices")) {
                q.get("choices").forEach(c -> choices.add(c.asText()));
            }
            params.put(q.get("name").asText(), Problem.distribution(q.get("type").asText(),
                    q.path("low").asDouble(), q.path("high").asDouble(), q.path("log").asBoolean(false),
                    q.has("step") ? q.get("step").asInt() : null, choices));
        }
        Direction direction = "maximize".equals(p.get("direction").asText()) ? Direction.MAXIMIZE : Direction.MINIMIZE;
        return new Problem(name, direction, params, function(name, p.get("constants")),
                p.get("optimum_value").asDouble());
    }

    private static ToDoubleFunction<Map<String, Object>> function(String name, JsonNode constants) {
        return switch (name) {
            case "branin" -> v -> branin(x(v, 0), x(v, 1));
            case "hartmann6" -> hartmann6(constants);
            case "rosenbrock4" -> Problems::rosenbrock;
            case "ackley5" -> Problems::ackley;
            case "lr_valley6" -> lrValley(constants);
            default -> throw new IllegalArgumentException("problems.json names a problem '" + name
                    + "' that hpo-bench has no formula for");
        };
    }

    private static double x(Map<String, Object> v, int i) {
        return ((Number) new ArrayList<>(v.values()).get(i)).doubleValue();
    }

    private static double[] xs(Map<String, Object> v) {
        return v.values().stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    static double branin(double x1, double x2) {
        double a = 1;
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double r = 6;
        double s = 10;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - r;
        return a * u * u + s * (1 - t) * Math.cos(x1) + s;
    }

    private static ToDoubleFunction<Map<String, Object>> hartmann6(JsonNode constants) {
        double[] alpha = vector(constants.get("alpha"));
        double[][] a = matrix(constants.get("A"));
        double[][] p = matrix(constants.get("P"));
        return v -> {
            double[] x = xs(v);
            double f = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x[j] - p[i][j];
                    inner += a[i][j] * d * d;
                }
                f -= alpha[i] * Math.exp(-inner);
            }
            return f;
        };
    }

    static double rosenbrock(Map<String, Object> v) {
        double[] x = xs(v);
        double f = 0;
        for (int i = 0; i < 3; i++) {
            double d = x[i + 1] - x[i] * x[i];
            f += 100 * d * d + (x[i] - 1) * (x[i] - 1);
        }
        return f;
    }

    static double ackley(Map<String, Object> v) {
        double[] x = xs(v);
        double sq = 0;
        double cos = 0;
        for (double xi : x) {
            sq += xi * xi;
            cos += Math.cos(2 * Math.PI * xi);
        }
        return -20 * Math.exp(-0.2 * Math.sqrt(sq / 5)) - Math.exp(cos / 5) + 20 + Math.E;
    }

    private static ToDoubleFunction<Map<String, Object>> lrValley(JsonNode constants) {
        JsonNode base = constants.get("base");
        JsonNode lrOpt = constants.get("lr_opt_log10");
        return v -> {
            double lr = ((Number) v.get("lr")).doubleValue();
            double wd = ((Number) v.get("weight_decay")).doubleValue();
            double layers = ((Number) v.get("layers")).doubleValue();
            double units = ((Number) v.get("units")).doubleValue();
            String opt = (String) v.get("optimizer");
            double dropout = ((Number) v.get("dropout")).doubleValue();
            double a = Math.log10(lr) - lrOpt.get(opt).asDouble();
            double b = Math.log10(wd) + 4;
            double c = layers * (Math.log(units) / Math.log(2)) - 36;
            double d = layers - 4;
            double e = dropout - 0.0625 * layers;
            return 0.1 + base.get(opt).asDouble() + 0.08 * a * a + 0.03 * b * b + 0.004 * c * c + 0.01 * d * d
                    + 2.0 * e * e;
        };
    }

    private static double[] vector(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static double[][] matrix(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(n.get(i));
        }
        return out;
    }
}
