package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.pruner.NopPruner;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static final List<Direction> ONE = List.of(Direction.MINIMIZE);
    private static final List<Direction> TWO = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);

    @Test
    void everyKnownNameBuildsASampler() {
        for (String name : Samplers.NAMES) {
            assertInstanceOf(Sampler.class, Samplers.byName(name, ONE, 1L), name);
            assertInstanceOf(Sampler.class, Samplers.byName(name, ONE, null), name);
        }
    }

    @Test
    void defaultIsAutoForOneObjectiveAndTpeForSeveral() {
        assertInstanceOf(AutoSampler.class, Samplers.createDefault(ONE, 1L));
        assertInstanceOf(TpeSampler.class, Samplers.createDefault(TWO, 1L));
        assertInstanceOf(TpeSampler.class, Samplers.createDefault(TWO, null));
        assertInstanceOf(AutoSampler.class, Samplers.byName("auto", ONE, null));
    }

    @Test
    void tpeNamesAreKnown() {
        assertInstanceOf(TpeSampler.class, Samplers.byName("tpe", ONE, 3L));
        assertInstanceOf(TpeSampler.class, Samplers.byName("TPE-Independent", ONE, 3L));
    }

    @Test
    void qmcNamesPickTheSequence() {
        assertEquals(QmcSampler.Type.SOBOL, ((QmcSampler) Samplers.byName("qmc", ONE, 1L)).type());
        assertEquals(QmcSampler.Type.SOBOL, ((QmcSampler) Samplers.byName("Sobol", ONE, 1L)).type());
        assertEquals(QmcSampler.Type.HALTON, ((QmcSampler) Samplers.byName("halton", ONE, 1L)).type());
        assertInstanceOf(BruteForceSampler.class, Samplers.byName("brute-force", ONE, 1L));
        assertInstanceOf(BruteForceSampler.class, Samplers.byName("bruteforce", ONE, 1L));
    }

    @Test
    void unknownNameIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("grid", ONE, 1L));
        assertTrue(e.getMessage().contains("'grid'") && e.getMessage().contains("halton")
                && e.getMessage().contains("tpe-independent"), e.getMessage());
    }

    private static long trials(Sampler sampler, int n) {
        Study study = Study.builder().sampler(sampler).pruner(new NopPruner()).build();
        study.optimize(t -> Math.pow(t.suggestFloat("x", -3, 3) - 1, 2) + Math.pow(t.suggestFloat("y", -3, 3), 2), n);
        return TpeSamplerFingerprintTest.fingerprint(study.trials());
    }

    @Test
    void aNameWithoutOptionsBuildsTheSamplersDefaultsAndOptionsChangeWhatItDoes() {
        assertEquals(trials(new TpeSampler(4), 15), trials(Samplers.byName("tpe", ONE, 4L), 15));
        assertEquals(trials(new TpeSampler(4), 15), trials(Samplers.byName("tpe:multivariate=true", ONE, 4L), 15));
        assertEquals(trials(TpeSampler.builder().seed(4).optunaDefaults().build(), 15),
                trials(Samplers.byName("tpe:optuna=true", ONE, 4L), 15));
        assertEquals(trials(new GpSampler(4), 14), trials(Samplers.byName("gp", ONE, 4L), 14));
        assertEquals(trials(new CmaEsSampler(4), 20), trials(Samplers.byName("cmaes", ONE, 4L), 20));
        for (String configured : List.of("tpe:startup=3", "tpe:candidates=64", "tpe:optuna-clip=true",
                "tpe:improvement-weights=false", "tpe:optuna=true", "tpe:multivariate=false",
                "tpe-independent:prior-weight=2", "gp:deterministic=true", "gp:startup=4", "cmaes:popsize=12",
                "cmaes:sigma0=0.05", "cmaes:lr-adapt=true", "qmc:scramble=false")) {
            String plain = configured.substring(0, configured.indexOf(':'));
            assertNotEquals(trials(Samplers.byName(plain, ONE, 4L), 15), trials(Samplers.byName(configured, ONE, 4L), 15),
                    configured);
        }
        for (String configured : List.of("nsga2:population=10", "nsga3:population=10,divisions=2")) {
            String plain = configured.substring(0, configured.indexOf(':'));
            assertNotEquals(twoObjectiveTrials(Samplers.byName(plain, TWO, 4L)),
                    twoObjectiveTrials(Samplers.byName(configured, TWO, 4L)), configured);
        }
    }

    private static long twoObjectiveTrials(Sampler sampler) {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(sampler).build();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {x + y, x * y};
        }, 30);
        return TpeSamplerFingerprintTest.fingerprint(study.trials());
    }

    @Test
    void aBadOptionNamesTheSamplerTheOptionAndWhatIsAccepted() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("tpe:stratup=20", ONE, 1L));
        assertTrue(typo.getMessage().contains("sampler 'tpe:stratup=20'") && typo.getMessage().contains("'stratup'")
                && typo.getMessage().contains("startup"), typo.getMessage());
        IllegalArgumentException notBoolean = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("gp:deterministic=yes", ONE, 1L));
        assertTrue(notBoolean.getMessage().contains("true or false"), notBoolean.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("random:startup=3", ONE, 1L));
        assertTrue(none.getMessage().contains("random takes no options"), none.getMessage());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("tpe:startup=-1", ONE, 1L));
        assertTrue(refused.getMessage().startsWith("sampler 'tpe:startup=-1': ") && refused.getMessage().contains("-1"),
                refused.getMessage());
    }
}
