package dev.hpo.report;

import dev.hpo.TrialState;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;

/** The legend of trial-state colours (classes {@code st-complete}, {@code st-pruned}, ...). */
final class StateLegend {

    private StateLegend() {
    }

    /** The colours of the states the plot shows, in the enum's order. */
    static void draw(SvgWriter svg, double x, double y, Collection<TrialState> shown) {
        EnumSet<TrialState> present = shown.isEmpty() ? EnumSet.noneOf(TrialState.class) : EnumSet.copyOf(shown);
        int k = 0;
        for (TrialState s : present) {
            String name = s.name().toLowerCase(Locale.ROOT);
            svg.rect(x, y + k * 18 - 9, 12, 10, "st-" + name, null);
            svg.text(x + 18, y + k * 18, name, "start", "legend", 0);
            k++;
        }
    }
}
