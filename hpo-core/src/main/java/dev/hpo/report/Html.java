package dev.hpo.report;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import java.util.Locale;

/**
 * Escaping and number formatting shared by the HTML and SVG the report writes. Every string that comes
 * from a user (study, parameter and choice names, attributes, failure messages) passes through
 * {@link #escape} before it reaches the page.
 */
final class Html {

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

    /** A number as a person reads it: integers plainly, others with four significant digits. */
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
        if (a >= 1e-3 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains("e")) {
                return s;
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        String[] parts = String.format(Locale.ROOT, "%.3e", v).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** A pixel coordinate with one decimal, short. */
    static String px(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }

    /** A parameter value as shown to users: numbers formatted, choices as they are. */
    static String param(Object value, Distribution d) {
        if (d instanceof CategoricalDistribution || !(value instanceof Number n)) {
            return String.valueOf(value);
        }
        return number(n.doubleValue());
    }
}
