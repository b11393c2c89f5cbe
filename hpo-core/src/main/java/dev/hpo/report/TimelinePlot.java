package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When each trial ran: a bar from its start to its end (to now, for a running one) per trial, coloured by
 * state. Shows parallelism, slow trials and where failures cluster.
 */
public final class TimelinePlot implements Plot {

    private static final int MAX_BARS = 600;
    private static final double W = 760;
    private static final double H = 380;

    /** A trial's bar in seconds since the study's first start. */
    public record Bar(FrozenTrial trial, double startSeconds, double endSeconds) {
    }

    public static List<Bar> data(StudyData study) {
        Instant origin = null;
        Instant latest = null;
        for (FrozenTrial t : study.trials()) {
            if (t.start() != null && (origin == null || t.start().isBefore(origin))) {
                origin = t.start();
            }
            Instant end = t.complete() != null ? t.complete() : t.start();
            if (end != null && (latest == null || end.isAfter(latest))) {
                latest = end;
            }
        }
        List<Bar> out = new ArrayList<>();
        if (origin == null) {
            return out;
        }
        for (FrozenTrial t : study.trials()) {
            if (t.start() == null) {
                continue;
            }
            Instant end = t.complete() != null ? t.complete() : latest;
            out.add(new Bar(t, seconds(origin, t.start()), seconds(origin, end)));
        }
        return out;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    @Override
    public String id() {
        return "timeline";
    }

    @Override
    public String title() {
        return "Timeline";
    }

    @Override
    public boolean needsCompletedTrials() {
        return false;
    }

    @Override
    public String caption() {
        return "When each trial ran, coloured by state.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return data.trials().stream().anyMatch(t -> t.start() != null);
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        List<Bar> bars = data(study);
        double end = bars.stream().mapToDouble(Bar::endSeconds).max().orElse(1);
        int lastTrial = bars.stream().mapToInt(b -> b.trial().number()).max().orElse(0);
        Scale x = new LinearScale(0, Math.max(end, 1e-3), 70, W - 130, 8);
        Scale y = LinearScale.wholeNumbers(-0.5, lastTrial + 0.5, 14, H - 50, 6);
        Axes.draw(svg, x, y, "seconds since the first trial started", "trial");
        // failed and pruned trials are the ones people look for: keep them first when thinning
        List<Bar> shown = Thinning.keepBest(bars, MAX_BARS,
                b -> b.trial().state() == TrialState.COMPLETE ? 1 : 0);
        double h = Math.max(1, Math.min(10, (H - 64) / Math.max(1, bars.size())));
        for (Bar b : shown) {
            double x0 = x.toPixel(b.startSeconds());
            double x1 = Math.max(x0 + 1, x.toPixel(b.endSeconds()));
            FrozenTrial t = b.trial();
            // half a trial lies between the frame and the first or last trial; a bar never crosses the frame
            double top = Math.max(14, y.toPixel(t.number()) - h / 2);
            double bottom = Math.min(H - 50, y.toPixel(t.number()) + h / 2);
            svg.rect(x0, top, x1 - x0, bottom - top,
                    "st-" + t.state().name().toLowerCase(Locale.ROOT),
                    "trial " + t.number() + " " + t.state() + ", " + Html.number(b.endSeconds() - b.startSeconds()) + " s");
        }
        StateLegend.draw(svg, W - 115, 24, bars.stream().map(b -> b.trial().state()).toList());
    }
}
