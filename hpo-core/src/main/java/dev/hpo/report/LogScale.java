package dev.hpo.report;

import java.util.ArrayList;
import java.util.List;

/** A base-10 logarithmic axis for log-scaled parameters, with ticks at 1, 2 and 5 × 10^k or at powers of ten. */
final class LogScale implements Scale {

    private final double low;
    private final double high;
    private final double from;
    private final double to;

    LogScale(double min, double max, double from, double to) {
        if (!(min > 0)) {
            throw new IllegalArgumentException("a log axis needs positive values, got minimum " + min);
        }
        this.low = Math.log10(min);
        this.high = max > min ? Math.log10(max) : low + 1;
        this.from = from;
        this.to = to;
    }

    @Override
    public double toPixel(double value) {
        return from + (Math.log10(value) - low) / (high - low) * (to - from);
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> out = new ArrayList<>();
        // about one label per 20 pixels: a narrow panel (a slice) gets powers of ten where a wide axis gets 1, 2, 5
        int room = Math.max(2, (int) (Math.abs(to - from) / 20));
        double decades = high - low;
        double[] mantissas = decades <= 3 && 3 * (decades + 1) <= room ? new double[] {1, 2, 5} : new double[] {1};
        int stride = (int) Math.max(1, Math.ceil(decades / Math.min(8, room)));
        for (int e = (int) Math.floor(low); e <= (int) Math.ceil(high); e += stride) {
            for (double m : mantissas) {
                double v = m * Math.pow(10, e);
                double lv = Math.log10(v);
                if (lv >= low - 1e-9 && lv <= high + 1e-9) {
                    out.add(new Tick(v, Html.tick(Html.significant(v, 6))));
                }
            }
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
