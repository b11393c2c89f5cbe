package dev.hpo.maven;

import java.math.BigInteger;
import java.util.function.LongPredicate;

/**
 * A goal parameter that takes a whole number (a count of trials, seconds, a seed), with the values it allows, read
 * from the text the user wrote. The goals declare such parameters as {@code String}s rather than {@code int}s so that
 * the text reaches this class and not Maven's converter, whose {@code Cannot convert '0.5' to int} names neither the
 * {@code hpo.} property nor the values allowed: here any bad value, from the POM or from {@code -D}, fails with one
 * sentence that names the parameter, its property, the value and what is allowed ({@link InvalidParameterException}).
 * {@link OptimizeParameters} checks its typed values against the same definitions, so each range is written once.
 *
 * <p>The user property of the parameter is {@code hpo.<name>}.
 */
final class WholeNumberParameter {

    private final String name;
    private final LongPredicate allows;
    private final long max;
    private final String allowed;

    /**
     * @param name the parameter's name in the POM
     * @param allows which values within the parameter's Java type the goal can use
     * @param max the largest value of the parameter's Java type ({@link Integer#MAX_VALUE} for an {@code int})
     * @param allowed what is allowed, as the error message says it after {@code allowed is}
     */
    WholeNumberParameter(String name, LongPredicate allows, long max, String allowed) {
        this.name = name;
        this.allows = allows;
        this.max = max;
        this.allowed = allowed;
    }

    /** An {@code int} parameter allowing every value from {@code min} up. */
    static WholeNumberParameter atLeast(String name, int min, String allowed) {
        return new WholeNumberParameter(name, n -> n >= min, Integer.MAX_VALUE, allowed);
    }

    String name() {
        return name;
    }

    String property() {
        return "hpo." + name;
    }

    /**
     * The number {@code text} says (surrounding white space ignored, as Maven trims POM values), or {@code null} when
     * the parameter is not set.
     *
     * @throws InvalidParameterException for text that is not a whole number (empty, a word, a fraction) or a number
     *         the parameter does not allow
     */
    Long parse(String text) {
        if (text == null) {
            return null;
        }
        BigInteger value;
        try {
            value = new BigInteger(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, property(), text, allowed);
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw InvalidParameterException.because(name, property(), text, "the largest allowed is " + max);
        }
        if (value.bitLength() > Long.SIZE - 1 || !allows.test(value.longValue())) {
            throw new InvalidParameterException(name, property(), text, allowed);
        }
        return value.longValue();
    }

    /** {@link #parse} for a parameter whose Java type is {@code int}. */
    Integer parseInt(String text) {
        Long value = parse(text);
        return value == null ? null : Math.toIntExact(value);
    }

    /**
     * Checks a value given as a number (by a caller of {@link OptimizeParameters}); {@code null}, not set, passes.
     *
     * @throws InvalidParameterException when the parameter does not allow it
     */
    void check(Number value) {
        if (value != null && (value.longValue() > max || !allows.test(value.longValue()))) {
            throw new InvalidParameterException(name, property(), value.toString(), allowed);
        }
    }
}
