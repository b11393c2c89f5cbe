package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * Which pairs of parameters the pair plots ({@link ContourPlot}, {@link RankPlot}) draw: every pair of the few
 * most important parameters, so that a study of many parameters gets a handful of panels, not a matrix of them.
 */
final class ParamPairs {

    private static final int MAX_PARAMS = 4;
    /** Completed trials that must have both parameters of a pair for its picture to say anything. */
    private static final int MIN_SHARED = 2;

    private ParamPairs() {
    }

    /**
     * Every pair of the (up to four) most important parameters that can take more than one value; in a conditional
     * space, where two parameters may never be in one trial, only pairs that at least {@value #MIN_SHARED} completed
     * trials have, the next most important parameters taking the place of the others, up to as many pairs.
     */
    static List<String[]> mostImportant(StudyData study) {
        // a parameter of one possible value (a single choice, low = high) would only draw empty panels
        List<String> params = study.paramsByImportance().stream().filter(p -> !study.params().get(p).isSingle())
                .toList();
        int wanted = MAX_PARAMS * (MAX_PARAMS - 1) / 2;
        List<String[]> out = new ArrayList<>();
        for (int k = Math.min(MAX_PARAMS, params.size()); k <= params.size(); k++) {
            out.clear();
            for (int a = 0; a < k && out.size() < wanted; a++) {
                for (int b = a + 1; b < k && out.size() < wanted; b++) {
                    if (shared(study, params.get(a), params.get(b)) >= MIN_SHARED) {
                        out.add(new String[] {params.get(a), params.get(b)});
                    }
                }
            }
            if (out.size() >= wanted) {
                break;
            }
        }
        return out;
    }

    /**
     * True when the trial has both parameters with the distributions the report draws them on (the first seen):
     * a trial that drew one from another range would land off its axis.
     */
    static boolean hasBoth(StudyData study, FrozenTrial t, String xp, String yp) {
        return study.params().get(xp).equals(t.distributions().get(xp))
                && study.params().get(yp).equals(t.distributions().get(yp));
    }

    private static int shared(StudyData study, String xp, String yp) {
        int n = 0;
        for (FrozenTrial t : study.complete()) {
            if (hasBoth(study, t, xp, yp)) {
                n++;
            }
        }
        return n;
    }
}
