package dev.hpo.junit.engine;

import dev.hpo.junit.Enqueue;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.IntDistribution;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An objective's {@link Enqueue} annotations read at discovery into the parameter maps its study enqueues, each value
 * already of its distribution's kind ({@code Double}, {@code Integer} or {@code Long}, the choice itself), so that a
 * name or value that does not fit is a malformed objective rather than a failed trial in the middle of a study.
 */
final class EnqueuedTrials {

    private EnqueuedTrials() {
    }

    /**
     * The configurations in declaration order. {@code defineByRun}: the objective takes a {@code Trial}, so a name
     * that is not a declared parameter may be one it suggests itself.
     */
    static List<Map<String, Object>> of(Method method, List<TunedParameter> tuned, boolean defineByRun, String where) {
        Map<String, TunedParameter> byName = new LinkedHashMap<>();
        tuned.forEach(p -> byName.put(p.name(), p));
        List<Map<String, Object>> all = new ArrayList<>();
        for (Enqueue enqueue : method.getAnnotationsByType(Enqueue.class)) {
            all.add(parse(enqueue.value(), byName, defineByRun, where + ": @Enqueue(\"" + enqueue.value() + "\")"));
        }
        return List.copyOf(all);
    }

    static Map<String, Object> parse(String text, Map<String, TunedParameter> tuned, boolean defineByRun,
            String what) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : split(text, what)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidObjectiveException(what + ": '" + pair + "' is not name=value; write the parameters"
                        + " as \"name=value, name=value\"");
            }
            String name = pair.substring(0, eq).strip();
            String value = unquote(pair.substring(eq + 1).strip());
            if (params.containsKey(name)) {
                throw new InvalidObjectiveException(what + " gives '" + name + "' twice; keep one value");
            }
            TunedParameter parameter = tuned.get(name);
            if (parameter != null) {
                params.put(name, value(parameter.distribution(), value, what + ", parameter '" + name + "'"));
            } else if (defineByRun) {
                params.put(name, literal(value));
            } else {
                throw new InvalidObjectiveException(what + " names '" + name + "', which is not a tuned parameter of"
                        + " the objective; its parameters are " + tuned.keySet());
            }
        }
        if (params.isEmpty()) {
            throw new InvalidObjectiveException(what + " names no parameter; write \"name=value, name=value\"");
        }
        return params;
    }

    /** The pairs of the text, split at commas outside single quotes. */
    static List<String> split(String text, String what) {
        List<String> pairs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                pairs.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new InvalidObjectiveException(what + " has a quote that is not closed; close it with '");
        }
        pairs.add(current.toString().strip());
        pairs.removeIf(String::isEmpty);
        return pairs;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The value of the distribution's kind, as {@code Trial.suggest} would return it; an error naming the range. */
    private static Object value(Distribution distribution, String text, String what) {
        Object value;
        try {
            value = distribution instanceof CategoricalDistribution c ? choice(c, text, what)
                    : distribution instanceof IntDistribution ? (Object) Long.parseLong(text)
                    : (Object) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidObjectiveException(what + ": '" + text + "' is not " + (distribution
                    instanceof IntDistribution ? "an integer" : "a number") + "; give a value of " + distribution);
        }
        try {
            return distribution.toExternal(distribution.toInternal(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectiveException(what + ": " + text + " is outside " + distribution
                    + "; give a value inside the range, or widen the range");
        }
    }

    private static Object choice(CategoricalDistribution distribution, String text, String what) {
        for (Object choice : distribution.choices()) {
            if (String.valueOf(choice).equals(text)) {
                return choice;
            }
        }
        throw new InvalidObjectiveException(what + ": '" + text + "' is not one of the choices "
                + distribution.choices());
    }

    /** A value for a parameter the objective suggests itself: a boolean, a whole number, a number or text. */
    private static Object literal(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            long n = Long.parseLong(text);
            return n == (int) n ? (Object) (int) n : (Object) n;
        } catch (NumberFormatException notWhole) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }
}
