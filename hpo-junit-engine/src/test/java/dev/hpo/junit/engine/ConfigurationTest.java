package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.Bowl;
import dev.hpo.junit.engine.fixtures.TimedBowl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ConfigurationTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hpo.mode        | everything | smoke or study
            hpo.trials      | many       | a number of trials >= 1, or -1 for no limit (with a timeout)
            hpo.trials      | 0          | a number of trials >= 1, or -1 for no limit (with a timeout)
            hpo.trials      | -5         | a number of trials >= 1, or -1 for no limit (with a timeout)
            hpo.timeout     | soon       | seconds >= 0 (0 for none)
            hpo.seed        | 1.5        | an integer (long)
            hpo.parallelism | 0          | a number of threads >= 1, or -1 for one per processor
            hpo.parallelism | -2         | a number of threads >= 1, or -1 for one per processor
            hpo.heartbeat   | 0          | seconds >= 1
            hpo.patience    | -1         | a number of trials >= 0 (0 for none)
            hpo.terminator  | gp         | 'cv', 'median', 'emmr', the objective's error as a number >= 0, or 'none'
            hpo.parallelism | 9999999999 | a number of threads >= 1, or -1 for one per processor
            hpo.announceTrials | yes    | true or false
            hpo.trialTimeout | 0         | seconds >= 1
            """)
    void valueThatDoesNotParseFailsTheObjectiveNamingTheKey(String key, String value, String expected) {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class))
                .configurationParameter(key, value).execute();
        String message = throwable(results.allEvents().failed().list().get(0)).getMessage();
        assertEquals("configuration parameter " + key + " = '" + value + "' is not valid; expected " + expected,
                message);
    }

    /** A bad name or option fails the study when it starts, naming the objective, with the registry's own message. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hpo.sampler | simulated-annealing | unknown sampler 'simulated-annealing'
            hpo.pruner  | guillotine          | unknown pruner 'guillotine'
            hpo.sampler | tpe:stratup=20      | sampler 'tpe:stratup=20': unknown option 'stratup'; options of tpe:
            """)
    void unknownSamplerOrPrunerFailsTheStudyNamingIt(String key, String value, String expected) {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class))
                .configurationParameter("hpo.mode", "study").configurationParameter(key, value).execute();
        String message = throwable(results.allEvents().failed().list().get(0)).getMessage();
        assertEquals(true, message.startsWith(Bowl.class.getName() + ".bowl: " + expected), message);
    }

    /** As {@code hpo:optimize} refuses {@code trials=0}: a study run of no trials would pass, running nothing. */
    @Test
    void zeroTrialsFailsTheStudyInsteadOfPassingWithoutATrial() {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class))
                .configurationParameter("hpo.mode", "study").configurationParameter("hpo.trials", "0").execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        assertEquals("configuration parameter hpo.trials = '0' is not valid; expected a number of trials >= 1, or -1"
                + " for no limit (with a timeout)", throwable(results.testEvents().failed().list().get(0)).getMessage());
    }

    /** Optuna's {@code n_jobs=-1}: as many threads as processors. */
    @Test
    void parallelismMinusOneRunsTheStudyOnEveryProcessor() {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class))
                .configurationParameter("hpo.mode", "study").configurationParameter("hpo.parallelism", "-1")
                .configurationParameter("hpo.sampler", "random").execute();
        assertEquals(List.of(), results.allEvents().failed().stream().map(e -> throwable(e).getMessage()).toList());
        assertEquals(true, results.testEvents().succeeded().count() > 0);
    }

    /** What {@code mvn hpo:optimize -Dhpo.trials=-1} passes on: the objective's own timeout bounds the study. */
    @Test
    void noTrialLimitRunsUntilTheObjectivesOwnTimeout() {
        EngineExecutionResults results = hpo().selectors(selectClass(TimedBowl.class))
                .configurationParameter("hpo.mode", "study").configurationParameter("hpo.trials", "-1")
                .configurationParameter("hpo.sampler", "random").execute();
        assertEquals(0, results.allEvents().failed().count());
        assertEquals(true, results.testEvents().succeeded().count() > 5, "more trials than the annotation's 5");
    }

    @Test
    void noTrialLimitWithoutAnyTimeoutFailsTheObjectiveNamingIt() {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class))
                .configurationParameter("hpo.mode", "study").configurationParameter("hpo.trials", "-1").execute();
        assertEquals(Bowl.class.getName() + ".bowl: trials = -1 (no limit) needs a timeout; set @Objective(timeout"
                + " = ...) or the configuration parameter hpo.timeout",
                throwable(results.allEvents().failed().list().get(0)).getMessage());
    }

    @Test
    void aSamplerWithOptionsRunsTheStudy() {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class))
                .configurationParameter("hpo.mode", "study").configurationParameter("hpo.trials", "12")
                .configurationParameter("hpo.sampler", "tpe:startup=3,constant-liar=true").execute();
        assertEquals(0, results.allEvents().failed().count());
        assertEquals(true, results.allEvents().succeeded().count() > 0);
    }
}
