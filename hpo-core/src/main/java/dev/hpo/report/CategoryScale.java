package dev.hpo.report;

import java.util.ArrayList;
import java.util.List;

/** An axis of choices: choice {@code i} sits in the middle of the {@code i}-th of equal bands. */
final class CategoryScale implements Scale {

    private final List<String> labels;
    private final double from;
    private final double to;

    CategoryScale(List<String> labels, double from, double to) {
        this.labels = List.copyOf(labels);
        this.from = from;
        this.to = to;
    }

    /** The width of one band in pixels (signed like the axis). */
    double band() {
        return (to - from) / labels.size();
    }

    @Override
    public double toPixel(double index) {
        return from + (index + 0.5) * band();
    }

    @Override
    public List<Tick> ticks() {
        List<Tick> out = new ArrayList<>();
        int stride = Math.max(1, labels.size() / 12);
        // a horizontal axis has its bands' width for a label, a vertical one the margin left of the plot
        int room = to < from ? 9 : (int) Math.min(11, Math.abs(band()) * stride / 6.5);
        for (int i = 0; i < labels.size(); i += stride) {
            out.add(new Tick(i, Html.fit(labels.get(i), room)));
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
