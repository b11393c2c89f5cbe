package dev.hpo.maven;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the goal prints numbers: objective values with at most six significant digits, always with a decimal point
 * (as Java prints a double: {@code 2.0}, {@code 0.441}), scientific notation for tiny or huge magnitudes; counts with
 * their noun in the right number.
 */
final class Numbers {

    private Numbers() {
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0.0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            String plain = new BigDecimal(Double.toString(v)).round(new MathContext(6)).stripTrailingZeros()
                    .toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return String.format(Locale.ROOT, "%.5e", v);
    }

    /** A count with its noun, singular for one: {@code 1 trial}, {@code 4 trials}, {@code 2 studies}. */
    static String count(long n, String noun) {
        if (n == 1) {
            return n + " " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
