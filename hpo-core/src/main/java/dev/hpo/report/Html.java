package dev.hpo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Escaping and number formatting shared by the HTML and SVG the report writes. Every string that comes
 * from a user (study, parameter and choice names, attributes, failure messages) passes through
 * {@link #escape} before it reaches the page.
 */
final class Html {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {
    }

    /** Text safe inside an element or a quoted attribute: {@code & < > " '} become entities. */
    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity == null && c < 0x20 && c != '\n' && c != '\t') {
                entity = " ";
            }
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(entity);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * What Jackson escapes, beyond JSON's own, in JSON that a page carries inside a {@code <script>} element:
     * {@code <} (so no {@code </script>} and no {@code <!--}), {@code >}, {@code &} and the line separators U+2028
     * and U+2029 become {@code \}{@code uXXXX} escapes. Outside strings JSON has none of these characters, and inside
     * strings an escape reads back as the same character, so {@code JSON.parse} of the element's text gives exactly
     * the data that was written.
     */
    static final CharacterEscapes IN_SCRIPT = new InScriptEscapes();

    private static final class InScriptEscapes extends CharacterEscapes {

        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii = standardAsciiEscapesForJSON();

        InScriptEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c == '\u2028' ? LINE_SEPARATOR : c == '\u2029' ? PARAGRAPH_SEPARATOR : null;
        }
    }

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    /**
     * A number as a person reads it: integers plainly, others with four significant digits and no trailing zeros,
     * scientific notation ({@code 1.5e-5}, {@code 2.5e+04}) outside [0.001, 10,000). What {@code %.4g} and
     * {@code %.3e} print, trimmed, without {@link String#format}: a report shows thousands of numbers and is
     * often drawn by a JVM that has not compiled the formatter's pattern parsing.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        // v ≈ ±digits · 10^(exponent - 3) with four significant digits, 1000 ≤ digits < 10,000
        int exponent = (int) Math.floor(Math.log10(a));
        long digits = fourDigits(a, exponent);
        if (digits < 0) {
            // Formatter rounds the shortest decimal form of the double half-up; BigDecimal.valueOf starts from it too.
            BigDecimal rounded = BigDecimal.valueOf(a).round(FOUR_DIGITS);
            exponent = rounded.precision() - rounded.scale() - 1;
            digits = rounded.unscaledValue().longValueExact();
            for (int p = rounded.precision(); p < 4; p++) {
                digits *= 10;
            }
        } else if (digits == 10_000) {
            digits = 1000;
            exponent++;
        }
        StringBuilder out = new StringBuilder(12);
        if (v < 0) {
            out.append('-');
        }
        if (a >= 1e-3 && a < 1e6 && exponent < 4) {
            return plain(out, digits, 3 - exponent);
        }
        String text = Long.toString(digits);
        out.append(text.charAt(0));
        if (a >= 1e-3 && a < 1e6) {  // %.4g keeps all four digits and a two-digit signed exponent
            return out.append('.').append(text, 1, 4).append(exponent < 0 ? "e-" : "e+")
                    .append(Math.abs(exponent) < 10 ? "0" : "").append(Math.abs(exponent)).toString();
        }
        int last = 4;
        while (last > 1 && text.charAt(last - 1) == '0') {
            last--;
        }
        if (last > 1) {
            out.append('.').append(text, 1, last);
        }
        return out.append('e').append(exponent).toString();
    }

    /**
     * An axis tick's label: as {@link #number}, except that whole numbers from a million on are written {@code 2e9}
     * or {@code 1.5e10}, which a tick has room for where {@code 2000000000} runs into its neighbours.
     */
    static String tick(double v) {
        if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) < 1e6) {
            return number(v);
        }
        BigDecimal b = BigDecimal.valueOf(v).round(FOUR_DIGITS).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        return b.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * a's four significant digits, rounded half up as {@code %.4g} rounds, in double arithmetic (10,000 when a
     * rounds up to the next power of ten), or -1 where it cannot be sure. a scaled by an exact power of ten is
     * off its exact value by about 1e-12, and the shortest decimal form that {@code %.4g} rounds by less still, so
     * the rounding goes the same way unless the scaled value is within 1e-6 of a tie. Worth it because
     * {@code Double.toString} and {@code BigDecimal} are slow in a JVM that has not compiled them, and a report of
     * a thousand trials formats thousands of numbers.
     */
    private static long fourDigits(double a, int exponent) {
        int shift = 3 - exponent;
        if (shift > 22 || shift < -22) {
            return -1;
        }
        double scaled = shift >= 0 ? a * POWERS_OF_TEN[shift] : a / POWERS_OF_TEN[-shift];
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (scaled < 1000 || scaled >= 10_000 || Math.abs(fraction - 0.5) < 1e-6) {
            return -1;
        }
        return (long) whole + (fraction > 0.5 ? 1 : 0);
    }

    /** digits · 10^-decimals without trailing zeros, after what {@code out} holds (a sign). */
    private static String plain(StringBuilder out, long digits, int decimals) {
        while (decimals > 0 && digits % 10 == 0) {
            digits /= 10;
            decimals--;
        }
        long unit = (long) POWERS_OF_TEN[decimals];
        out.append(digits / unit);
        if (decimals > 0) {
            out.append('.');
            String fractionDigits = Long.toString(digits % unit);
            for (int i = fractionDigits.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fractionDigits);
        }
        return out.toString();
    }

    /**
     * v rounded to {@code digits} significant digits, half up from its shortest decimal form: what parsing
     * {@code %.<digits>g} back gives, so that axis ticks such as 0.30000000000000004 read 0.3.
     */
    static double significant(double v, int digits) {
        return BigDecimal.valueOf(v).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
    }

    /** Attributes as JSON, where a string keeps its quotes and an empty one shows (Java's toString drops both). */
    static String json(Map<String, Object> attrs) {
        try {
            return JSON.writeValueAsString(attrs);
        } catch (JsonProcessingException e) {
            return String.valueOf(attrs);  // an attribute Jackson cannot write still shows as Java prints it
        }
    }

    /** The text cut to {@code max} characters with an ellipsis, for a label that has that much room. */
    static String fit(String text, int max) {
        int room = Math.max(2, max);
        return text.length() <= room ? text : text.substring(0, room - 1) + "…";
    }

    /** A pixel coordinate with one decimal, short. */
    static String px(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        if (Math.abs(tenths) >= 10_000_000) {  // where Double.toString turns to E notation
            return Double.toString(tenths / 10.0);
        }
        // what Double.toString(tenths / 10.0) gives, without its shortest-digit search
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }

    /** A parameter value as shown to users: numbers formatted, choices as they are. */
    static String param(Object value, Distribution d) {
        if (d instanceof CategoricalDistribution || !(value instanceof Number n)) {
            return String.valueOf(value);
        }
        return number(n.doubleValue());
    }
}
