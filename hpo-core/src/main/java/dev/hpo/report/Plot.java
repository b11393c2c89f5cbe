package dev.hpo.report;

import java.util.List;

/**
 * One picture of a study in the report. A plot computes its data from {@link StudyData} (each plot has a
 * static {@code data} method that tests use) and draws it as SVG; {@link HtmlReport} puts every plot that
 * {@link #appliesTo} a study into that study's section.
 */
public interface Plot {

    /** A stable identifier, used as an HTML id and CSS hook ({@code history}, {@code contour}, ...). */
    String id();

    /** The heading above the picture. */
    String title();

    /** False when the plot has nothing to say about this study (no intermediate values, one objective, ...). */
    boolean appliesTo(StudyData data);

    /**
     * Whether the plot draws completed trials' values: a study with none yet (every trial failed or was pruned) shows
     * a note in place of such plots rather than empty axes over a made-up range.
     */
    default boolean needsCompletedTrials() {
        return true;
    }

    /** One sentence under the title saying how to read the picture. */
    default String caption() {
        return "";
    }

    /** Draws the plot; sets the writer's size. */
    void render(StudyData data, SvgWriter svg);

    /** Every plot of the report, in page order. */
    static List<Plot> all() {
        return List.of(new OptimizationHistoryPlot(), new ParetoFrontPlot(), new HypervolumeHistoryPlot(),
                new TerminatorPlot(), new ImportancePlot(), new SlicePlot(), new ContourPlot(), new RankPlot(),
                new ParallelCoordinatePlot(), new IntermediateValuesPlot(), new EdfPlot(), new TimelinePlot());
    }
}
