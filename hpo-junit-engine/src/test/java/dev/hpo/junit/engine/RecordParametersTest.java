package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.records.MalformedRecords;
import dev.hpo.junit.engine.fixtures.records.RecordTuning;
import dev.hpo.junit.engine.fixtures.records.RecordTuning.Forest;
import dev.hpo.junit.engine.fixtures.records.RecordTuning.Schedule;
import dev.hpo.junit.engine.fixtures.records.RecordTuning.Split;
import dev.hpo.junit.engine.fixtures.records.RecordTuning.Window;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A record parameter whose components carry the ranges: each component is a parameter of the study. */
class RecordParametersTest {

    private final Storage storage = new InMemoryStorage();

    @BeforeEach
    void clear() {
        RecordTuning.SEEN.clear();
    }

    private List<FrozenTrial> trials(String study) {
        return storage.trials(storage.findStudy(study).orElseThrow());
    }

    @Test
    void everyComponentIsAParameterOfTheStudyAndTheTrialGetsTheRecordOfItsValues() {
        Engines.study(storage).selectors(selectMethod(RecordTuning.class, "fit",
                "dev.hpo.junit.engine.fixtures.records.RecordTuning$Forest, int")).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(7));
        List<FrozenTrial> trials = trials("RecordTuning.fit");
        assertEquals(6, trials.size());
        assertEquals(Map.of("trees", 100, "subsample", 0.5, "split", "ENTROPY", "bootstrap", true, "rate", 0.01,
                "warmup", 2, "depth", 3), trials.get(0).params(), "the enqueued configuration names the components");
        assertEquals(new Forest(100, 0.5, Split.ENTROPY, true, new Schedule(0.01, 2)), RecordTuning.SEEN.get(0));
        for (int i = 0; i < trials.size(); i++) {
            Map<String, Object> p = trials.get(i).params();
            Forest expected = new Forest((Integer) p.get("trees"), (Double) p.get("subsample"),
                    Split.valueOf((String) p.get("split")), (Boolean) p.get("bootstrap"),
                    new Schedule((Double) p.get("rate"), (Integer) p.get("warmup")));
            assertEquals(expected, RecordTuning.SEEN.get(i), "trial " + i);
        }
    }

    @Test
    void anExplicitCanonicalConstructorTakesTheRangesOfTheComponents() {
        Engines.study(storage).selectors(selectMethod(RecordTuning.class, "window",
                "dev.hpo.junit.engine.fixtures.records.RecordTuning$Window")).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(5));
        List<FrozenTrial> trials = trials("RecordTuning.window");
        assertEquals(4, trials.size());
        assertEquals(Map.of("width", 2, "overlap", 0.9), trials.get(0).params());
        assertEquals(new Window(2, 0.5), RecordTuning.SEEN.get(0), "the trial gets what the constructor made");
        assertEquals(Map.of("width", IntDistribution.of(1, 9), "overlap", FloatDistribution.of(0, 1)),
                trials.get(3).distributions());
    }

    @Test
    void aCombinationTheRecordsConstructorRefusesFailsThatTrialSayingWhy() {
        Engines.study(storage).selectors(selectMethod(RecordTuning.class, "pair",
                "dev.hpo.junit.engine.fixtures.records.RecordTuning$Pair")).execute();
        List<FrozenTrial> trials = trials("RecordTuning.pair");
        assertEquals(5, trials.size());
        assertEquals(TrialState.FAIL, trials.get(0).state());
        assertTrue(String.valueOf(trials.get(0).systemAttrs()).contains("a and b must differ, both are 1"),
                trials.get(0).systemAttrs().toString());
        assertEquals(TrialState.COMPLETE, trials.get(1).state());
        assertEquals(-2.0, trials.get(1).value());
    }

    @Test
    void aSmokeRunBuildsTheRecordToo() {
        hpo().selectors(selectMethod(RecordTuning.class, "fit",
                "dev.hpo.junit.engine.fixtures.records.RecordTuning$Forest, int")).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(1));
        assertEquals(new Forest(100, 0.5, Split.ENTROPY, true, new Schedule(0.01, 2)), RecordTuning.SEEN.get(0),
                "the smoke run starts at the enqueued configuration");
    }

    @Test
    void recordsThatCannotHoldParametersAreMalformedNamingTheComponent() {
        assertTrue(Engines.malformed(MalformedRecords.class, "clash").contains("two tuned parameters are named"
                + " 'depth'"));
        String trial = Engines.malformed(MalformedRecords.class, "trialInside");
        assertTrue(trial.contains("component 'trial' of record WithTrial is not a tuned value"), trial);
        assertTrue(Engines.malformed(MalformedRecords.class, "ranged").contains("is a record; put the range"
                + " annotations on its components"));
        assertTrue(Engines.malformed(MalformedRecords.class, "loop").contains("record Loop contains itself"));
        String disagreeing = Engines.malformed(MalformedRecords.class, "disagreeing");
        assertTrue(disagreeing.contains("component 'depth' of record Disagreeing has")
                && disagreeing.contains("max=8") && disagreeing.contains("max=4")
                && disagreeing.contains("keep the component's"), disagreeing);
        String backwards = Engines.malformed(MalformedRecords.class, "backwards");
        assertTrue(backwards.contains("component 'a' of record Backwards") && backwards.contains("min"), backwards);
    }
}
