package dev.hpo.junit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hpo.FrozenTrial;
import dev.hpo.NamedOptions;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.components.LowestSampler;
import dev.hpo.junit.engine.fixtures.components.OwnComponents;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Samplers and pruners named by their class: a project's own implementations of the extension points. */
class ComponentClassesTest {

    private final Storage storage = new InMemoryStorage();

    private List<FrozenTrial> trials(String study) {
        return storage.trials(storage.findStudy(study).orElseThrow());
    }

    @Test
    void aSamplerClassIsMadeWithTheSeedAndDrawsEveryTrial() {
        LowestSampler.SEEDS.clear();
        Engines.study(storage).selectors(selectMethod(OwnComponents.class, "sampled", "double")).execute()
                .testEvents().assertStatistics(s -> s.failed(0).succeeded(4));
        assertEquals(List.of(11L), LowestSampler.SEEDS);
        assertEquals(List.of(0.0, 1.0, 2.0), trials("OwnComponents.sampled").stream().map(t -> t.params().get("x"))
                .toList());
    }

    @Test
    void aPrunerClassJudgesTheTrials() {
        Engines.study(storage).selectors(selectMethod(OwnComponents.class, "pruned", "double, dev.hpo.Trial"))
                .execute();
        assertEquals(List.of(TrialState.PRUNED, TrialState.PRUNED), trials("OwnComponents.pruned").stream()
                .map(FrozenTrial::state).toList());
    }

    @Test
    void aClassThatIsNotASamplerOrIsMissingFailsTheObjectiveSayingSo() {
        EngineExecutionResults results = Engines.study(storage).selectors(
                selectMethod(OwnComponents.class, "notASampler", "double"),
                selectMethod(OwnComponents.class, "missing", "double")).execute();
        List<String> messages = results.testEvents().failed().stream()
                .map(e -> Engines.throwable(e).getMessage()).sorted().toList();
        String owner = OwnComponents.class.getName();
        assertEquals(List.of(owner + ".missing: sampler 'com.example.NoSuchSampler' is neither a sampler name nor a"
                        + " class on the test class path (java.lang.ClassNotFoundException: com.example.NoSuchSampler);"
                        + " give a built-in name or the full name of a class that implements dev.hpo.sampler.Sampler",
                owner + ".notASampler: sampler class java.lang.String does not implement dev.hpo.sampler.Sampler"),
                messages);
        assertTrue(results.testEvents().failed().stream()
                .allMatch(e -> Engines.throwable(e) instanceof InvalidObjectiveException), "malformed, no crash");
    }

    @Test
    void onlyQualifiedNamesAreClassNames() {
        assertTrue(NamedOptions.namesClass("com.acme.Sampler$Inner"));
        for (String name : List.of("tpe", "tpe:prior-weight=0.5", "percentile:percentile=25.0", "gp", "")) {
            assertFalse(NamedOptions.namesClass(name), name);
        }
    }
}
