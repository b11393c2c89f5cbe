package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.hpo.FrozenTrial;
import dev.hpo.junit.engine.fixtures.inheritance.AbstractTuning;
import dev.hpo.junit.engine.fixtures.inheritance.ConcreteTuning;
import dev.hpo.junit.engine.fixtures.inheritance.TuningContract;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Objectives declared in an abstract class or an interface, as Jupiter treats tests there: the type is no objective
 * class of its own, and its objectives run in each concrete class that inherits them.
 */
class InheritedObjectivesTest {

    private final Storage storage = new InMemoryStorage();

    /** The study names of the objectives discovered, in discovery order. */
    private static List<String> studies(EngineTestKit.Builder kit) {
        List<String> found = new ArrayList<>();
        kit.discover().getEngineDescriptor().accept(d -> {
            if (d instanceof ObjectiveDescriptor o) {
                found.add(o.studyName());
            }
        });
        return found;
    }

    @Test
    void anAbstractClassOrAnInterfaceIsNeitherDiscoveredNorFailedOnItsOwn() {
        for (Class<?> type : List.of(AbstractTuning.class, TuningContract.class)) {
            assertEquals(List.of(), studies(hpo().selectors(selectClass(type))), type.getName());
            hpo().selectors(selectClass(type)).execute().allEvents()
                    .assertStatistics(s -> s.started(1).failed(0));  // the engine alone
        }
    }

    @Test
    void aPackageRunsTheInheritedObjectivesInTheConcreteClassOnly() {
        assertEquals(List.of("ConcreteTuning.contract", "ConcreteTuning.score"),
                studies(hpo().selectors(selectPackage(ConcreteTuning.class.getPackageName()))).stream().sorted()
                        .toList());
        hpo().selectors(selectPackage(ConcreteTuning.class.getPackageName())).execute().testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void aMethodSelectedInTheAbstractTypeSelectsNothingAsInJupiterAndInTheConcreteClassItsObjective() {
        assertEquals(List.of(), studies(hpo().selectors(selectMethod(AbstractTuning.class, "score", "int"),
                selectMethod(TuningContract.class, "contract", "int"))));
        assertEquals(List.of(), studies(hpo().selectors(selectUniqueId(UniqueId.forEngine("hpo")
                .append("class", AbstractTuning.class.getName()).append("objective", "score(int)")))));
        assertEquals(List.of("ConcreteTuning.score"), studies(hpo().selectors(
                selectMethod(ConcreteTuning.class, "score", "int"))));
    }

    @Test
    void anInheritedObjectiveRunsOnInstancesOfTheConcreteClass() {
        study(storage).selectors(selectClass(ConcreteTuning.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(2 * (1 + 2)).failed(0));
        for (FrozenTrial t : storage.trials(storage.findStudy("ConcreteTuning.score").orElseThrow())) {
            assertEquals(100 + (Integer) t.params().get("i"), t.value());
        }
    }
}
