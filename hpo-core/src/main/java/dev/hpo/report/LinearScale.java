package dev.hpo.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis whose domain is widened to "nice" round numbers (1, 2, 2.5 or 5 times a power of ten,
 * Heckbert's "Nice numbers for graph labels", Graphics Gems 1990), so that ticks fall on values people read.
 */
final class LinearScale implements Scale {

    private final double low;
    private final double high;
    private final double step;
    /** The lowest tick: {@link #low}, unless the domain was kept as given ({@link #wholeNumbers}). */
    private final double firstTick;
    private final double from;
    private final double to;

    /** A scale for values in [min, max] onto pixels [from, to] (to may be below from, for a y axis). */
    LinearScale(double min, double max, double from, double to, int ticks) {
        this(min, max, from, to, ticks, false);
    }

    /** As above; with {@code integers} the ticks fall on whole numbers only. */
    LinearScale(double min, double max, double from, double to, int ticks, boolean integers) {
        if (!(max > min)) {
            double pad = min == 0 || !Double.isFinite(min) ? 1 : Math.abs(min) * 0.1;
            min = Double.isFinite(min) ? min - pad : -1;
            max = Double.isFinite(max) ? max + pad : 1;
        }
        double nice = niceStep((max - min) / Math.max(1, ticks - 1));
        this.step = integers ? (nice < 1 ? 1 : nice == 2.5 ? 2 : nice) : nice;
        this.low = Math.floor(min / step) * step;
        this.high = Math.ceil(max / step) * step;
        this.firstTick = low;
        this.from = from;
        this.to = to;
    }

    private LinearScale(double low, double high, double step, double from, double to) {
        this.low = low;
        this.high = high;
        this.step = step;
        this.firstTick = Math.ceil(low / step) * step;
        this.from = from;
        this.to = to;
    }

    /**
     * A scale over exactly [min, max], ticks on the whole numbers inside it: for items drawn as bands centred on whole
     * numbers (trials), given half a band beyond the first and the last so that theirs are whole, where widening to
     * round numbers would label numbers no item has (a lone trial 0 on an axis from 0 to 1).
     */
    static LinearScale wholeNumbers(double min, double max, double from, double to, int ticks) {
        double nice = niceStep((max - min) / Math.max(1, ticks - 1));
        return new LinearScale(min, max, nice < 1 ? 1 : nice == 2.5 ? 2 : nice, from, to);
    }

    /** The nice step nearest to a raw step: 1, 2, 2.5 or 5 × 10^k. */
    static double niceStep(double raw) {
        double exponent = Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        double nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10;
        return nice * Math.pow(10, exponent);
    }

    double low() {
        return low;
    }

    double high() {
        return high;
    }

    /** Infinite values (an objective may return them) sit at the end of the axis they point to. */
    @Override
    public double toPixel(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? to : from;
        }
        return from + (value - low) / (high - low) * (to - from);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> out = new ArrayList<>();
        long n = (long) Math.floor((high - firstTick) / step + 1e-9);
        for (long k = 0; k <= n; k++) {
            double v = firstTick + k * step;
            if (Math.abs(v) < step * 1e-9) {
                v = 0;
            }
            out.add(new Tick(v, Html.tick(Html.significant(v, 12))));
        }
        return out;
    }

    @Override
    public double rangeStart() {
        return from;
    }

    @Override
    public double rangeEnd() {
        return to;
    }
}
