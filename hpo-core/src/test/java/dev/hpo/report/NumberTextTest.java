package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    /**
     * What the report printed with {@link String#format} before, the rule {@link Html#number} keeps for finite
     * numbers that are not integers below 1e15.
     */
    private static String formatted(double v) {
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

    @Test
    void numbersReadAsFormatterPrintedThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            double magnitude = Math.pow(10, random.nextDouble(-12, 18));
            double v = (random.nextBoolean() ? -1 : 1) * magnitude;
            if (i % 5 == 0) {
                v = Math.round(v * 1e4) / 1e4;  // short decimals, where half-up ties happen
            }
            if (v != Math.rint(v) || Math.abs(v) >= 1e15) {
                assertEquals(formatted(v), Html.number(v), "value " + v);
            }
        }
    }

    @Test
    void edgesReadAsFormatterPrintedThem() {
        double[] edges = {0.5, -0.5, 0.001, 0.0009999, 0.00099996, 9999.5, 9999.4, 999999.5, 1e6 + 0.5, 100.04,
                12.345, 12.355, 1.0005, 2.5e-5, 1.5e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1e15 + 0.5, 1e16,
                -1e-7, 0.1 + 0.2};
        for (double v : edges) {
            assertEquals(formatted(v), Html.number(v), "value " + v);
        }
    }

    @Test
    void fourDigitNumbersNearTiesReadAsFormatterPrintedThem() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 20_000; i++) {
            int exponent = random.nextInt(-15, 21);
            // five significant digits ending in 5 (a tie at four), or a hair off one
            double v = (random.nextInt(10_000, 100_000) / 10 * 10 + 5) * Math.pow(10, exponent - 4);
            v += random.nextInt(-1, 2) * Math.ulp(v) * random.nextInt(0, 3);
            if (v != Math.rint(v)) {
                assertEquals(formatted(v), Html.number(v), "value " + v);
                assertEquals(formatted(-v), Html.number(-v), "value " + -v);
            }
        }
    }

    @Test
    void pixelsHaveOneDecimalAsDoubleToStringPrintsIt() {
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextDouble(-3, 8));
            long tenths = Math.round(v * 10);
            String old = tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
            assertEquals(old, Html.px(v), "value " + v);
        }
    }

    @Test
    void integersAndNonFiniteNumbersArePlain() {
        assertEquals("0", Html.number(-0.0));
        assertEquals("-42", Html.number(-42));
        assertEquals("123456789012345", Html.number(123456789012345.0));
        assertEquals("NaN", Html.number(Double.NaN));
        assertEquals("∞", Html.number(Double.POSITIVE_INFINITY));
        assertEquals("-∞", Html.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void largeWholeTicksAreShortAndTheRestAsNumbers() {
        assertEquals("2e9", Html.tick(2_000_000_000));
        assertEquals("1.5e10", Html.tick(15_000_000_000.0));
        assertEquals("-2.5e6", Html.tick(-2_500_000));
        assertEquals("1e6", Html.tick(1_000_000));
        assertEquals("999999", Html.tick(999_999));
        assertEquals("0.25", Html.tick(0.25));
        assertEquals("∞", Html.tick(Double.POSITIVE_INFINITY));
    }

    @Test
    void ticksRoundAsParsingTheFormattedNumberBack() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextBoolean() ? -1 : 1) * random.nextDouble() * Math.pow(10, random.nextInt(-8, 9));
            if (i % 3 == 0) {
                v = random.nextInt(-50, 50) * 0.1;  // 0.30000000000000004 and its kind
            }
            for (int digits : new int[] {6, 12}) {
                assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "g", v)),
                        Html.significant(v, digits), "value " + v + ", " + digits + " digits");
            }
        }
    }

    @Test
    void coloursKeepTheirLeadingZeros() {
        assertEquals("#440154", ColorScale.at(0));  // viridis ends and a middle stop
        assertEquals("#3b528b", ColorScale.at(0.25));
        assertEquals("#fde725", ColorScale.at(1));
    }
}
