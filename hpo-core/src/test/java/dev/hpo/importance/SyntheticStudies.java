package dev.hpo.importance;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.sampler.RandomSampler;
import java.util.List;

/** Studies on objectives whose important parameters are known. */
final class SyntheticStudies {

    private SyntheticStudies() {
    }

    /**
     * 100 random trials of six parameters where {@code x} dominates, {@code kernel} matters a little and the
     * rest are noise-free but irrelevant.
     */
    static Study dominantX(int trials, Direction direction) {
        Study study = Study.builder().name("dominant-x").direction(direction).sampler(new RandomSampler(7)).build();
        double sign = direction == Direction.MINIMIZE ? 1 : -1;
        study.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            double lr = t.suggestFloat("lr", 1e-4, 1, true);
            int depth = t.suggestInt("depth", 1, 10);
            String kernel = t.suggestCategorical("kernel", List.of("rbf", "linear", "poly"));
            double y = t.suggestFloat("y", 0, 1);
            t.suggestFloat("unused", 0, 1, 0.1);
            double value = x * x * 10 + (kernel.equals("poly") ? 1 : 0) + 0.01 * y + 0.001 * depth
                    + 0.001 * Math.log(lr);
            return sign * value;
        }, trials);
        return study;
    }
}
