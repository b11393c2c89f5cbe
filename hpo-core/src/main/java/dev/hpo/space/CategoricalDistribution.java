package dev.hpo.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A parameter that takes one of a list of choices: strings, numbers, booleans, enum constants or null.
 * The internal representation is the index of the choice.
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("choices must not be empty");
        }
        if (new HashSet<>(choices).size() != choices.size()) {
            throw new IllegalArgumentException("choices must be distinct, got " + choices);
        }
        choices = Collections.unmodifiableList(new ArrayList<>(choices));
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
