package dev.hpo.report;

/**
 * A sequential colour scale (the viridis palette, perceptually uniform and readable in grey) that maps
 * values in [min, max] to colours, with a legend bar. Where a direction is known, the best values get the
 * bright yellow end.
 */
final class ColorScale {

    private static final int[][] STOPS = {
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private final double min;
    private final double max;
    private final boolean reversed;

    /** @param reversed true when low values should be bright (minimization) */
    ColorScale(double min, double max, boolean reversed) {
        this.min = min;
        this.max = max > min ? max : min + 1;
        this.reversed = reversed;
    }

    static ColorScale of(double[] values, boolean reversed) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new ColorScale(0, 1, reversed) : new ColorScale(lo, hi, reversed);
    }

    /** The colour of a value as {@code #rrggbb}. */
    String color(double value) {
        double t = Math.max(0, Math.min(1, (value - min) / (max - min)));
        return at(reversed ? 1 - t : t);
    }

    static String at(double t) {
        double scaled = t * (STOPS.length - 1);
        int i = (int) Math.min(STOPS.length - 2, Math.floor(scaled));
        double f = scaled - i;
        int[] a = STOPS[i];
        int[] b = STOPS[i + 1];
        int rgb = mix(a[0], b[0], f) << 16 | mix(a[1], b[1], f) << 8 | mix(a[2], b[2], f);
        String hex = Integer.toHexString(rgb | 1 << 24);  // the leading 1 keeps the zeros of a dark red
        return "#" + hex.substring(1);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** A vertical legend bar at (x, y) of the given height, labelled with the ends of the range. */
    void legend(SvgWriter svg, double x, double y, double height, String label) {
        bar(svg, x, y, height);
        svg.text(x + 16, y + 9, Html.number(max), "start", "legend", 0);
        svg.text(x + 16, y + height, Html.number(min), "start", "legend", 0);
        if (label != null) {
            svg.text(x + 6, y - 8, label, "middle", "legend", 0);
        }
    }

    /** The bar of a legend, unlabelled: the maximum at the top (y), the minimum at the bottom. */
    void bar(SvgWriter svg, double x, double y, double height) {
        int bands = 24;
        double h = height / bands;
        for (int k = 0; k < bands; k++) {
            double value = max - (max - min) * (k + 0.5) / bands;
            svg.rect(x, y + k * h, 12, h + 0.5, color(value), null);
        }
    }
}
