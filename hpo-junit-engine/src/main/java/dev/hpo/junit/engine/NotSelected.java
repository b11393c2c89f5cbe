package dev.hpo.junit.engine;

import java.util.List;

/**
 * The reason an objective is skipped when {@code hpo.objectives} does not name its study, worded and recognised in
 * this one place. The forked launcher ({@code dev.hpo.junit.launch}) recognises it to tell this skip, a filter the
 * build chose, from a {@code @Disabled} objective or one that another condition turns off, whose reasons are
 * Jupiter's own words ({@link JupiterConditions}) or an extension's, and so carry no mark of hpo's. The filter is
 * the build's choice of objectives, as a discovery filter (surefire's {@code -Dtest}) is a choice of tests, and comes
 * first: an objective it leaves out asks no condition and makes no extension, as Jupiter asks nothing of a test a
 * filter removed, so it is reported with this reason even when a condition would also disable it.
 */
public final class NotSelected {

    private static final String PREFIX = "study ";
    private static final String AMONG = " is not among " + HpoConfiguration.OBJECTIVES + " = ";

    private NotSelected() {
    }

    /** {@code study A.b is not among hpo.objectives = C.d,E.*}: the full study name and the filter as configured. */
    static String reason(String study, List<String> objectives) {
        return PREFIX + study + AMONG + String.join(",", objectives);
    }

    /** Whether a skipped test's reason is this filter's, rather than a condition's. */
    public static boolean isReason(String reason) {
        return reason.startsWith(PREFIX) && reason.contains(AMONG);
    }
}
