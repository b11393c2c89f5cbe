package dev.hpo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sampler or pruner named in configuration, where only text can go ({@code hpo.sampler}, {@code hpo.pruner},
 * {@code @Objective}): {@code name} or {@code name:key=value,key=value}, for example {@code tpe:startup=20} or
 * {@code hyperband:max-resource=81}. Each factory takes the options it knows; an option it does not know, a missing
 * one or a malformed value is an error naming the thing, the option and the value.
 */
public final class NamedOptions {

    private final String kind;
    private final String text;
    private final String name;
    private final Map<String, String> options = new LinkedHashMap<>();

    /**
     * @param kind what is named, for messages ({@code sampler}, {@code pruner})
     * @param text the configured text; null or blank names the default
     */
    public NamedOptions(String kind, String text) {
        this.kind = kind;
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
                    throw new IllegalArgumentException(kind + " '" + text + "': option '" + pair.trim()
                            + "' is not of the form key=value");
                }
                options.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), pair.substring(eq + 1).trim());
            }
        }
    }

    /** The name before the options, lower case; empty for the default. */
    public String name() {
        return name;
    }

    /** Throws when an option other than {@code known} was given. */
    public void allowOnly(List<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(kind + " '" + text + "': unknown option '" + key + "'; "
                        + (known.isEmpty() ? name + " takes no options" : "options of " + name + ": "
                                + String.join(", ", known)));
            }
        }
    }

    public boolean has(String key) {
        return options.containsKey(key);
    }

    public int intOption(String key, int defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + " '" + text + "': option " + key + " must be an integer, got '"
                    + v + "'", e);
        }
    }

    /** An integer option that may also be {@code auto} ({@code null}). */
    public Integer intOrAuto(String key) {
        String v = options.get(key);
        return v == null || v.equalsIgnoreCase("auto") ? null : intOption(key, 0);
    }

    public double doubleOption(String key, double defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + " '" + text + "': option " + key + " must be a number, got '"
                    + v + "'", e);
        }
    }

    /** {@code true} or {@code false}, any case; anything else is an error. */
    public boolean booleanOption(String key, boolean defaultValue) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(kind + " '" + text + "': option " + key + " must be true or false, got '"
                + v + "'");
    }
}
