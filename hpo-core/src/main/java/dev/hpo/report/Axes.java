package dev.hpo.report;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Chooses the scale for a parameter or for values, and draws a pair of axes with ticks, grid and labels. */
final class Axes {

    private Axes() {
    }

    /**
     * The axis of a parameter over its whole range, in its internal representation: a log axis for a log
     * parameter, a category axis for a categorical one, a linear one otherwise.
     */
    static Scale forParam(Distribution d, double from, double to) {
        if (d instanceof CategoricalDistribution c) {
            List<String> labels = new ArrayList<>();
            for (Object choice : c.choices()) {
                labels.add(String.valueOf(choice));
            }
            return new CategoryScale(labels, from, to);
        }
        if (d instanceof FloatDistribution f) {
            return f.log() ? new LogScale(f.low(), f.high(), from, to) : new LinearScale(f.low(), f.high(), from, to, 5);
        }
        IntDistribution i = (IntDistribution) d;
        return i.log() ? new LogScale(i.low(), i.high(), from, to)
                : new LinearScale(i.low(), i.high(), from, to, 5, true);
    }

    /** A linear axis over the finite values given (a unit range when there are none). */
    /** The values and a threshold ({@code NaN}: none), so that a scale over them shows the threshold's line too. */
    static double[] withThreshold(double[] values, double threshold) {
        if (Double.isNaN(threshold)) {
            return values;
        }
        double[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = threshold;
        return all;
    }

    /**
     * A threshold's dashed line across the plot with its label, horizontal at {@code y} (from {@code x1} to {@code x2})
     * or, with {@code vertical}, at {@code x1} (from {@code y} to {@code x2}).
     */
    static void thresholdLine(SvgWriter svg, double x1, double y, double x2, boolean vertical, double threshold) {
        String label = "threshold " + Html.number(threshold);
        if (vertical) {
            svg.line(x1, y, x1, x2, "threshold-line").text(x1 + 4, x2 + 12, label, "start", "threshold-label", 0);
        } else {
            svg.line(x1, y, x2, y, "threshold-line").text(x2 - 4, y - 4, label, "end", "threshold-label", 0);
        }
    }

    static Scale forValues(double[] values, double from, double to, int ticks) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        return new LinearScale(min, max, from, to, ticks);
    }

    /** The value where a point sits on an axis: clamped to the axis' domain pixels. */
    static double clamp(double pixel, Scale s) {
        double lo = Math.min(s.rangeStart(), s.rangeEnd());
        double hi = Math.max(s.rangeStart(), s.rangeEnd());
        return Math.max(lo, Math.min(hi, pixel));
    }

    /** Draws the plot area's frame, grid lines, tick labels and axis labels. */
    static void draw(SvgWriter svg, Scale x, Scale y, String xLabel, String yLabel) {
        double left = Math.min(x.rangeStart(), x.rangeEnd());
        double right = Math.max(x.rangeStart(), x.rangeEnd());
        double top = Math.min(y.rangeStart(), y.rangeEnd());
        double bottom = Math.max(y.rangeStart(), y.rangeEnd());
        svg.rect(left, top, right - left, bottom - top, "frame", null);
        svg.startGroup("grid", null);
        for (Scale.Tick t : x.ticks()) {
            double px = x.toPixel(t.value());
            svg.line(px, top, px, bottom, null);
        }
        for (Scale.Tick t : y.ticks()) {
            double py = y.toPixel(t.value());
            svg.line(left, py, right, py, null);
        }
        svg.endGroup();
        svg.startGroup("tick", null);
        for (Scale.Tick t : x.ticks()) {
            double px = x.toPixel(t.value());
            svg.line(px, bottom, px, bottom + 4, null);
            svg.text(px, bottom + 16, t.label(), "middle", null, 0);
        }
        for (Scale.Tick t : y.ticks()) {
            double py = y.toPixel(t.value());
            svg.line(left - 4, py, left, py, null);
            svg.text(left - 7, py + 4, t.label(), "end", null, 0);
        }
        svg.endGroup();
        if (xLabel != null) {  // about 7 pixels a character of the labels' 12-pixel font
            svg.text((left + right) / 2, bottom + 34, Html.fit(xLabel, (int) ((right - left) / 7)), "middle",
                    "axis-label", 0);
        }
        if (yLabel != null) {
            svg.text(left - 46, (top + bottom) / 2, Html.fit(yLabel, (int) ((bottom - top) / 7)), "middle",
                    "axis-label", -90);
        }
    }
}
