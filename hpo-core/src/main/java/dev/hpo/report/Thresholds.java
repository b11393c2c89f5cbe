package dev.hpo.report;

import dev.hpo.Direction;
import java.util.List;
import java.util.Map;

/**
 * The gate a study is built to pass, as the JUnit engine stores it from {@code @Objective(threshold)} or
 * {@code thresholds}: the study attribute {@value #ATTR}, one number for a single objective or a list with one entry
 * per objective ({@code "none"} where a value is free, since JSON has no NaN). A user attribute of that name wins over
 * the system attribute, so a team can move the gate of a stored study without running it again. The Maven goal judges
 * the study by it and the report draws it.
 */
public final class Thresholds {

    /** The study attribute that holds the thresholds. */
    public static final String ATTR = "hpo.threshold";

    private Thresholds() {
    }

    /** Whether the values reach every threshold ({@code NaN}: free) at once, each in its objective's direction. */
    public static boolean reached(List<Double> thresholds, List<Direction> directions, List<Double> values) {
        for (int i = 0; i < thresholds.size() && i < values.size(); i++) {
            double t = thresholds.get(i);
            double v = values.get(i);
            if (!Double.isNaN(t) && !(directions.get(i) == Direction.MINIMIZE ? v <= t : v >= t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One threshold per objective ({@code NaN} where there is none), or an empty list when the study has none.
     *
     * @throws IllegalStateException for a threshold given as text that is no number, naming the study
     */
    public static List<Double> of(String study, Map<String, Object> userAttrs, Map<String, Object> systemAttrs) {
        Object v = userAttrs.containsKey(ATTR) ? userAttrs.get(ATTR) : systemAttrs.get(ATTR);
        if (v instanceof List<?> values) {
            List<Double> thresholds = values.stream().map(t -> t instanceof Number n ? n.doubleValue() : Double.NaN)
                    .toList();
            return thresholds.stream().allMatch(t -> t.isNaN()) ? List.of() : thresholds;
        }
        Double single = null;
        if (v instanceof Number n) {
            single = n.doubleValue();
        } else if (v instanceof String s && !s.isBlank()) {
            try {
                single = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("study " + study + " has a non-numeric " + ATTR + " user attribute '"
                        + s + "'", e);
            }
        }
        return single == null || single.isNaN() ? List.of() : List.of(single);
    }
}
