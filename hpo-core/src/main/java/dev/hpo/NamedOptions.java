package dev.hpo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A sampler or pruner named in configuration, where only text can go ({@code hpo.sampler}, {@code hpo.pruner},
 * {@code @Objective}): {@code name} or {@code name:key=value,key=value}, for example {@code tpe:startup=20} or
 * {@code hyperband:max-resource=81}. Each factory takes the options it knows; an option it does not know, a missing
 * one or a malformed value is an error naming the thing, the option and the value.
 */
public final class NamedOptions {

    private static final Pattern CLASS_NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)+");

    private final String kind;
    private final String text;
    private final String name;
    private final Map<String, String> options = new LinkedHashMap<>();

    /**
     * Whether the configured text is a qualified class name ({@code com.acme.BanditSampler}) rather than a built-in name
     * with options: the JUnit engine then loads a project's own implementation, which only it can see.
     */
    public static boolean namesClass(String text) {
        return text != null && CLASS_NAME.matcher(text.strip()).matches();
    }

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
        Integer v = parsed(key, Integer::valueOf, "an integer");
        return v == null ? defaultValue : v;
    }

    /** An integer option that may also be {@code auto} ({@code null}). */
    public Integer intOrAuto(String key) {
        String v = options.get(key);
        return v == null || v.equalsIgnoreCase("auto") ? null : intOption(key, 0);
    }

    public double doubleOption(String key, double defaultValue) {
        Double v = parsed(key, Double::valueOf, "a number");
        return v == null ? defaultValue : v;
    }

    /** {@code true} or {@code false}, any case; anything else is an error. */
    public boolean booleanOption(String key, boolean defaultValue) {
        Boolean v = parsed(key, NamedOptions::strictBoolean, "true or false");
        return v == null ? defaultValue : v;
    }

    /**
     * Builds the named thing, so that a value its builder or constructor refuses (a negative count, say) is reported
     * with the configured text, as the options' own errors are: {@code sampler 'tpe:startup=-1': ...}.
     */
    public <T> T build(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            String prefix = kind + " '" + text + "': ";
            if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
                throw e;
            }
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
    }

    /** Hands the integer option to {@code set} when it was given: for a builder's setter. */
    public void applyInt(String key, IntConsumer set) {
        if (has(key)) {
            set.accept(intOption(key, 0));
        }
    }

    /** Hands the number option to {@code set} when it was given. */
    public void applyDouble(String key, DoubleConsumer set) {
        if (has(key)) {
            set.accept(doubleOption(key, 0));
        }
    }

    /** Hands the boolean option to {@code set} when it was given. */
    public void applyBoolean(String key, Consumer<Boolean> set) {
        if (has(key)) {
            set.accept(booleanOption(key, false));
        }
    }

    /** The option parsed, null when not given; a value that does not parse is an error saying what it must be. */
    private <T> T parsed(String key, Function<String, T> parse, String what) {
        String v = options.get(key);
        if (v == null) {
            return null;
        }
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind + " '" + text + "': option " + key + " must be " + what + ", got '"
                    + v + "'", e);
        }
    }

    private static Boolean strictBoolean(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.valueOf(v);
        }
        throw new IllegalArgumentException("not a boolean: " + v);
    }
}
