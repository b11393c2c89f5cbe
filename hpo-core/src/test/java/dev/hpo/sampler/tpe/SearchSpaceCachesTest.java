package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.IncrementalIntersection;
import dev.hpo.sampler.IntersectionSearchSpace;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSpaceCachesTest {

    private static double conditional(Trial t) {
        double x = t.suggestFloat("x", 0, 1);
        String branch = t.suggestCategorical("branch", List.of("p", "q", "r"));
        if (branch.equals("p")) {
            return x + t.suggestFloat("p1", 0, 1) + t.suggestInt("p2", 0, 3);
        }
        if (branch.equals("q")) {
            return x + t.suggestFloat("q1", 0, 1);
        }
        return x;
    }

    private static Study conditionalStudy(int trials) {
        Study s = Study.builder().sampler(new RandomSampler(4)).pruner(new NopPruner()).build();
        s.optimize(SearchSpaceCachesTest::conditional, trials);
        return s;
    }

    private static List<FrozenTrial> finished(Study s) {
        return s.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED));
    }

    @Test
    void incrementalIntersectionEqualsTheFullRecomputation() {
        Study s = conditionalStudy(1);
        IncrementalIntersection incremental = new IncrementalIntersection();
        for (int round = 0; round < 8; round++) {
            assertEquals(IntersectionSearchSpace.of(s, true), incremental.update(finished(s)), "round " + round);
            s.optimize(SearchSpaceCachesTest::conditional, 1);
        }
        Study bigger = conditionalStudy(30);
        IncrementalIntersection fresh = new IncrementalIntersection();
        List<FrozenTrial> all = finished(bigger);
        fresh.update(all.subList(0, 10));
        assertEquals(IntersectionSearchSpace.of(bigger, true), fresh.update(all));
        assertEquals(Set.of("branch", "x"), fresh.update(all).keySet());
        assertTrue(fresh.conditional(), "the branches' own parameters lie outside the intersection");
    }

    @Test
    void groupsAreParametersThatAlwaysOccurTogether() {
        Study s = conditionalStudy(40);
        GroupDecomposedSearchSpace groups = new GroupDecomposedSearchSpace();
        groups.update(finished(s));
        List<Set<String>> names = new ArrayList<>();
        for (Map<String, Distribution> g : groups.groups()) {
            names.add(g.keySet());
        }
        assertEquals(Set.of(Set.of("branch", "x"), Set.of("p1", "p2"), Set.of("q1")), Set.copyOf(names));
    }
}
