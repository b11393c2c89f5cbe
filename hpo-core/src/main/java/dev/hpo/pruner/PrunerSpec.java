package dev.hpo.pruner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pruner named in configuration: {@code name} or {@code name:key=value,key=value} (for example
 * {@code threshold:upper=1.0} or {@code hyperband:max-resource=81}). Each factory takes the options it knows; an
 * option it does not know, a missing one or a malformed value is an error naming the pruner, the option and the
 * value.
 */
final class PrunerSpec {

    private final String text;
    private final String name;
    private final Map<String, String> options = new LinkedHashMap<>();

    PrunerSpec(String text) {
        this.text = text;
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        this.name = (colon < 0 ? t : t.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        if (colon >= 0) {
            for (String pair : t.substring(colon + 1).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("pruner '" + text + "': option '" + pair.trim()
                            + "' is not of the form key=value");
                }
                options.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), pair.substring(eq + 1).trim());
            }
        }
    }

    String name() {
        return name;
    }

    /** Throws when an option other than {@code known} was given. */
    void allowOnly(List<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("pruner '" + text + "': unknown option '" + key + "'; "
                        + (known.isEmpty() ? name + " takes no options" : "options of " + name + ": "
                                + String.join(", ", known)));
            }
        }
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    int intOption(String key, int defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pruner '" + text + "': option " + key + " must be an integer, got '"
                    + v + "'", e);
        }
    }

    /** An integer option that may also be {@code auto} ({@code null}). */
    Integer intOrAuto(String key) {
        String v = options.get(key);
        return v == null || v.equalsIgnoreCase("auto") ? null : intOption(key, 0);
    }

    double doubleOption(String key, double defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pruner '" + text + "': option " + key + " must be a number, got '"
                    + v + "'", e);
        }
    }
}
