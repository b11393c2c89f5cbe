package dev.hpo.space;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A parameter that takes one of a list of choices: strings, numbers, booleans, enum constants or null (any other
 * object only in memory: the persistent storages write choices as JSON, as Optuna does).
 * The internal representation is the index of the choice.
 *
 * <p>Two distributions are equal when their choices are once written to a storage and read back: {@code 1L} and
 * {@code 1}, {@code 'a'} and {@code "a"}, an enum constant and its name, {@code 0.1f} and {@code 0.1}. A study
 * reads its earlier trials' choices back in JSON's types, and those must still be the same parameter.
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("choices must not be empty");
        }
        if (new HashSet<>(stored(choices)).size() != choices.size()) {
            throw new IllegalArgumentException("choices must be distinct, got " + choices
                    + (new HashSet<>(choices).size() == choices.size() ? " (equal once stored as JSON)" : ""));
        }
        choices = Collections.unmodifiableList(new ArrayList<>(choices));
    }

    /** A choice as a storage writes it and reads it back: integers as long, floats as the double they print as. */
    static Object stored(Object choice) {
        if (choice instanceof Enum<?> e) {
            return e.name();
        }
        if (choice instanceof Character c) {
            return c.toString();
        }
        if (choice instanceof Byte || choice instanceof Short || choice instanceof Integer || choice instanceof Long) {
            return ((Number) choice).longValue();
        }
        if (choice instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (choice instanceof Float f) {
            return Double.valueOf(Float.toString(f));
        }
        return choice;
    }

    private static List<Object> stored(List<Object> choices) {
        List<Object> out = new ArrayList<>(choices.size());
        for (Object c : choices) {
            out.add(stored(c));
        }
        return out;
    }

    /** Whether every choice is one a storage can write as a JSON scalar. */
    public boolean storable() {
        for (Object c : choices) {
            Object s = stored(c);
            if (s != null && !(s instanceof String) && !(s instanceof Boolean) && !(s instanceof Long)
                    && !(s instanceof Double) && !(s instanceof BigInteger) && !(s instanceof BigDecimal)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalDistribution c && (choices.equals(c.choices)
                || stored(choices).equals(stored(c.choices)));
    }

    /** The stored choices' {@code List.hashCode}, without making the list: storages look this up per write. */
    @Override
    public int hashCode() {
        int h = 1;
        for (Object c : choices) {
            h = 31 * h + Objects.hashCode(stored(c));
        }
        return h;
    }

    public static CategoricalDistribution of(List<?> choices) {
        return new CategoricalDistribution(choices == null ? null : new ArrayList<>(choices));
    }

    public int size() {
        return choices.size();
    }

    /** The index of a choice, matching numbers by value (a stored 1.0 finds the choice 1); -1 when absent. */
    public int indexOf(Object external) {
        int i = choices.indexOf(external);
        if (i >= 0 || !(external instanceof Number n)) {
            return i;
        }
        for (int k = 0; k < choices.size(); k++) {
            if (choices.get(k) instanceof Number c && c.doubleValue() == n.doubleValue()) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public double toInternal(Object external) {
        Object value = external instanceof Enum<?> e && !choices.contains(e) ? e.name() : external;
        int i = indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("value " + Objects.toString(external) + " is not one of " + choices);
        }
        return i;
    }

    @Override
    public Object toExternal(double internal) {
        return choices.get((int) internal);
    }

    @Override
    public boolean contains(double v) {
        return v >= 0 && v < choices.size() && v == Math.rint(v);
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    @Override
    public String kindName() {
        return "CategoricalDistribution";
    }

    @Override
    public String toString() {
        return "categorical " + choices;
    }
}
