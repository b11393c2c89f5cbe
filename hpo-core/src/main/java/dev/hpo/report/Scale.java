package dev.hpo.report;

import java.util.List;

/**
 * Maps data values to pixels along one axis and says where its ticks go. Numeric values map linearly or
 * logarithmically; categorical values are choice indices placed in the middle of equal bands.
 */
interface Scale {

    /** The pixel of a value. */
    double toPixel(double value);

    /** Tick positions with their labels, inside the domain. */
    List<Tick> ticks();

    /** The lowest and highest pixel of the axis. */
    double rangeStart();

    double rangeEnd();

    /** A tick: a value and its label. */
    record Tick(double value, String label) {
    }
}
