package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.pruner.NopPruner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** A mixed search space and the checks every sampler must pass on it, shared by the sampler tests. */
final class SamplerProperties {

    static final List<String> KINDS = List.of("a", "b", "c");

    private SamplerProperties() {
    }

    /** Every kind of parameter: linear, log and stepped floats and ints, and a categorical. */
    static double mixed(Trial t) {
        double f = t.suggestFloat("f", -3.0, 7.0);
        double lf = t.suggestFloat("lf", 1e-4, 10.0, true);
        double sf = t.suggestFloat("sf", -1.0, 1.0, 0.25);
        int i = t.suggestInt("i", -5, 5);
        int li = t.suggestInt("li", 1, 1000, true);
        int si = t.suggestInt("si", 0, 20, 4);
        String k = t.suggestCategorical("k", KINDS);
        return (f - 1) * (f - 1) + Math.abs(Math.log10(lf) + 2) + sf * sf + Math.abs(i - 2) + Math.abs(li - 100) / 100.0
                + si / 10.0 + KINDS.indexOf(k);
    }

    static Study run(Sampler sampler, int trials) {
        Study study = Study.builder().sampler(sampler).pruner(new NopPruner()).build();
        study.optimize(SamplerProperties::mixed, trials);
        return study;
    }

    /** Bounds, grids, integer values and categorical choices of every trial of a {@link #mixed} study. */
    static void assertInSpace(Study study) {
        for (FrozenTrial t : study.trials()) {
            assertEquals(TrialState.COMPLETE, t.state(), () -> "trial " + t.number());
            Map<String, Object> p = t.params();
            double f = (Double) p.get("f");
            assertTrue(f >= -3.0 && f <= 7.0, () -> "f " + f);
            double lf = (Double) p.get("lf");
            assertTrue(lf >= 1e-4 && lf <= 10.0, () -> "lf " + lf);
            double sf = (Double) p.get("sf");
            assertTrue(sf >= -1.0 && sf <= 1.0, () -> "sf " + sf);
            double k = (sf + 1.0) / 0.25;
            assertEquals(Math.rint(k), k, 1e-9, () -> "sf off grid " + sf);
            int i = (Integer) p.get("i");
            assertTrue(i >= -5 && i <= 5, () -> "i " + i);
            int li = (Integer) p.get("li");
            assertTrue(li >= 1 && li <= 1000, () -> "li " + li);
            int si = (Integer) p.get("si");
            assertTrue(si >= 0 && si <= 20 && si % 4 == 0, () -> "si " + si);
            assertTrue(KINDS.contains(p.get("k")), () -> "k " + p.get("k"));
        }
    }

    /** The parameters of every trial, for comparing two runs. */
    static List<Map<String, Object>> params(Study study) {
        List<Map<String, Object>> out = new ArrayList<>();
        study.trials().forEach(t -> out.add(t.params()));
        return out;
    }

    /** Same seed, same trials; another seed, other trials. */
    static void assertReproducible(LongFunction<Sampler> sampler, int trials) {
        for (long seed : new long[] {0, 1, 42}) {
            assertEquals(params(run(sampler.apply(seed), trials)), params(run(sampler.apply(seed), trials)),
                    "seed " + seed);
        }
        assertTrue(!params(run(sampler.apply(1), trials)).equals(params(run(sampler.apply(2), trials))));
    }

    /** Share of the values of a log-scaled parameter below the geometric middle of its range. */
    static double shareBelowGeometricMiddle(Study study, String name, double low, double high) {
        double middle = Math.sqrt(low * high);
        long below = study.trials().stream().filter(t -> ((Number) t.params().get(name)).doubleValue() < middle).count();
        return below / (double) study.trials().size();
    }
}
