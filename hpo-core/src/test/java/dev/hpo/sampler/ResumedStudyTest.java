package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build that resumes a study builds its sampler anew with the same seed, as {@code hpo:optimize} does every
 * build: the new sampler must draw new points, not the previous build's start-up trials again.
 */
class ResumedStudyTest {

    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        int k = t.suggestInt("k", 0, 1000);
        double lr = t.suggestFloat("lr", 1e-5, 1, true);
        return x * x + k * 1e-3 + Math.abs(Math.log10(lr) + 2);
    }

    private static Study build(Storage storage, String sampler) {
        return Study.builder().name("resumed").storage(storage).loadIfExists(true)
                .sampler(Samplers.byName(sampler, List.of(Direction.MINIMIZE), 5L)).build();
    }

    private static List<Map<String, Object>> params(Study study, int from) {
        return study.trials().stream().skip(from).map(FrozenTrial::params).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "tpe", "gp", "auto", "cmaes", "qmc"})
    void aResumedStudyDrawsNewPoints(String sampler) {
        Storage storage = new InMemoryStorage();
        build(storage, sampler).optimize(ResumedStudyTest::objective, 8);
        Study resumed = build(storage, sampler);
        resumed.optimize(ResumedStudyTest::objective, 8);
        Set<Map<String, Object>> first = new HashSet<>(params(resumed, 0).subList(0, 8));
        for (Map<String, Object> p : params(resumed, 8)) {
            assertTrue(!first.contains(p), sampler + ": the resumed build drew " + p + " again");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "tpe", "gp"})
    void aResumedStudyIsReproducibleFromTheSameStoredTrials(String sampler) {
        Storage a = new InMemoryStorage();
        Storage b = new InMemoryStorage();
        build(a, sampler).optimize(ResumedStudyTest::objective, 8);
        build(b, sampler).optimize(ResumedStudyTest::objective, 8);
        Study ra = build(a, sampler);
        Study rb = build(b, sampler);
        ra.optimize(ResumedStudyTest::objective, 6);
        rb.optimize(ResumedStudyTest::objective, 6);
        assertEquals(params(ra, 0), params(rb, 0));
    }
}
