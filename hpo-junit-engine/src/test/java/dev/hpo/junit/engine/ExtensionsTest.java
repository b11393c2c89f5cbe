package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.study;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactMeta;
import dev.hpo.artifact.Artifacts;
import dev.hpo.artifact.FileSystemArtifactStore;
import dev.hpo.junit.engine.fixtures.extension.Composed;
import dev.hpo.junit.engine.fixtures.extension.Conditioned;
import dev.hpo.junit.engine.fixtures.extension.Extended;
import dev.hpo.junit.engine.fixtures.extension.Factored;
import dev.hpo.junit.engine.fixtures.extension.Failing;
import dev.hpo.junit.engine.fixtures.extension.Handling;
import dev.hpo.junit.engine.fixtures.extension.InspectedA;
import dev.hpo.junit.engine.fixtures.extension.InspectedB;
import dev.hpo.junit.engine.fixtures.extension.Intercepted;
import dev.hpo.junit.engine.fixtures.extension.Interrupted;
import dev.hpo.junit.engine.fixtures.extension.Invoking;
import dev.hpo.junit.engine.fixtures.extension.Log;
import dev.hpo.junit.engine.fixtures.extension.Mocked;
import dev.hpo.junit.engine.fixtures.extension.NotAnExtension;
import dev.hpo.junit.engine.fixtures.extension.Plain;
import dev.hpo.junit.engine.fixtures.extension.Registered;
import dev.hpo.junit.engine.fixtures.extension.SeededObjective;
import dev.hpo.junit.engine.fixtures.extension.Skipping;
import dev.hpo.junit.engine.fixtures.extension.SpringConstructed;
import dev.hpo.junit.engine.fixtures.extension.SpringTuned;
import dev.hpo.junit.engine.fixtures.extension.Templated;
import dev.hpo.junit.engine.fixtures.extension.Unresolved;
import dev.hpo.junit.engine.fixtures.extension.Watched;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Jupiter extensions registered on objective classes and methods ({@code @ExtendWith}, {@code @RegisterExtension}). */
class ExtensionsTest {

    private final Storage storage = new InMemoryStorage();

    @BeforeEach
    void clearLog() {
        Log.EVENTS.clear();
    }

    @Test
    void extensionPointsRunAroundTheLifecycleMethodsAndEveryTrialInJupitersOrder(@TempDir Path store)
            throws IOException {
        study(storage).selectors(selectClass(Extended.class)).configurationParameter("hpo.artifacts", store.toString())
                .execute()
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));  // the objective and its two trials
        List<String> expected = new ArrayList<>(List.of("ext beforeAll Extended", "@BeforeAll offset 100"));
        for (int trial = 0; trial < 2; trial++) {
            FrozenTrial t = storage.trials(storage.findStudy("Extended.score").orElseThrow()).get(trial);
            expected.addAll(List.of("ext postProcess Extended", "ext beforeEach score on Extended", "@BeforeEach",
                    "ext beforeTestExecution score()[" + trial + "] i=" + t.params().get("i"),
                    "objective recorded by ext", "ext afterTestExecution", "@AfterEach", "ext afterEach ok",
                    "ext preDestroy"));
            assertEquals(TrialState.COMPLETE, t.state());
            assertEquals(100 + (Integer) t.params().get("i"), t.value(), "the resolved parameter from the store");
            ArtifactMeta published = Artifacts.list(t).get(0);
            assertEquals("ext.txt", published.filename());
            Path copy = store.resolve("copy-" + trial);
            Artifacts.download(new FileSystemArtifactStore(store), published.artifactId(), copy);
            assertEquals("published by ext", Files.readString(copy), "a file the trial's context published");
        }
        expected.addAll(List.of("@AfterAll", "ext afterAll", "ext closed"));
        assertEquals(expected, Log.EVENTS);
    }

    @Test
    void smokeModeRunsTheSameExtensionPoints() {
        hpo().selectors(selectClass(Extended.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertEquals(List.of("ext beforeAll Extended", "@BeforeAll offset 100", "ext postProcess Extended",
                "ext beforeEach score on Extended", "@BeforeEach", "ext beforeTestExecution score(int, Offset)",
                "objective recorded by ext", "ext afterTestExecution", "@AfterEach", "ext afterEach ok",
                "ext preDestroy", "@AfterAll", "ext afterAll", "ext closed"), Log.EVENTS);
    }

    @Test
    void aComposedAnnotationOnTheMethodRegistersItsExtension() {
        study(storage).selectors(selectClass(Composed.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        // registered on the method, the extension's beforeAll never runs: its store has no offset
        FrozenTrial t = storage.trials(storage.findStudy("Composed.score").orElseThrow()).get(0);
        assertEquals(-1 + (Integer) t.params().get("i"), t.value());
        assertTrue(Log.EVENTS.contains("ext beforeTestExecution score()[0] i=" + t.params().get("i")),
                Log.EVENTS::toString);
    }

    @Test
    void staticFieldsRegisterForTheClassAndInstanceFieldsForEachInstance() {
        study(storage).selectors(selectClass(Registered.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertEquals(List.of("static beforeAll Registered", "static postProcess Registered",
                "static beforeEach score on Registered", "instance beforeEach score on Registered",
                "static beforeTestExecution score()[0] i=" + storage.trials(storage.findStudy("Registered.score")
                        .orElseThrow()).get(0).params().get("i"),
                "instance beforeTestExecution score()[0] i=" + storage.trials(storage.findStudy("Registered.score")
                        .orElseThrow()).get(0).params().get("i"),
                "objective", "instance afterTestExecution", "static afterTestExecution", "instance afterEach ok",
                "static afterEach ok", "instance preDestroy", "static preDestroy", "static afterAll", "static closed"),
                Log.EVENTS);
    }

    @Test
    void anExtensionsConditionDisablesAnObjectiveWithItsReason() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Conditioned.class)).execute();
        results.allEvents().assertThatEvents().haveExactly(1,
                event(skippedWithReason("skipMe is skipped by name")));
        assertEquals(List.of("runMe ran"), Log.EVENTS);
    }

    @Test
    void deactivatedConditionsAreNotAsked() {
        study(storage).configurationParameter(JupiterConditions.DEACTIVATE, "*SkipByName")
                .selectors(selectClass(Conditioned.class)).execute()
                .testEvents().assertStatistics(s -> s.skipped(0).failed(0));
        assertEquals(List.of("runMe ran", "skipMe ran"), Log.EVENTS.stream().sorted().toList());
    }

    @Test
    void contextsNestAsRunClassObjectiveAndTrialAndTheRunsStoreIsShared() {
        study(storage).selectors(selectClass(InspectedA.class), selectClass(InspectedB.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (String name : List.of("InspectedA", "InspectedB")) {
            String tag = name.endsWith("A") ? "inspected" : "second";
            expected.addAll(List.of("classes so far " + ++n,
                    "trial score()[0] i=1 [" + tag + "] PER_METHOD SAME_THREAD mode=study element=true",
                    "objective score(int) score instance=false", "class " + name + " method=false root=true true",
                    "ExtensionContextException"));
        }
        assertEquals(expected, Log.EVENTS);
    }

    @Test
    void anExtensionPointTheEngineDoesNotRunMakesTheObjectiveMalformed() {
        EngineExecutionResults results = hpo().selectors(selectClass(Templated.class)).execute();
        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = throwable(results.testEvents().failed().list().get(0)).getMessage();
        assertTrue(message.contains("extension " + Templated.Provider.class.getName()
                + " implements TestTemplateInvocationContextProvider, which the hpo engine does not run"), message);
    }

    @Test
    void aParameterNoExtensionResolvesFailsTheTrialSayingSo() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Unresolved.class)).execute();
        Throwable failure = throwable(results.testEvents().failed().list().get(0));
        assertTrue(failure instanceof ParameterResolutionException, failure::toString);
        assertTrue(failure.getMessage().startsWith("No ParameterResolver registered for parameter"
                + " [java.lang.StringBuilder arg1] in method [double " + Unresolved.class.getName()
                + ".score(int,java.lang.StringBuilder)]"), failure.getMessage());
        assertEquals(List.of(TrialState.FAIL), storage.trials(storage.findStudy("Unresolved.score").orElseThrow())
                .stream().map(FrozenTrial::state).toList());
    }

    @Test
    void mockitosExtensionGivesEveryTrialFreshMocksInFieldsAndParameters() {
        study(storage).selectors(selectClass(Mocked.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        for (FrozenTrial t : storage.trials(storage.findStudy("Mocked.score").orElseThrow())) {
            assertEquals(10.0 * (Integer) t.params().get("i"), t.value());
        }
        assertEquals(3, Log.EVENTS.stream().distinct().count(), "a new mock per trial: " + Log.EVENTS);
    }

    @Test
    void springsExtensionInjectsBeansFromOneApplicationContextIntoEveryTrial() {
        int before = SpringTuned.Scorer.created;
        study(storage).selectors(selectClass(SpringTuned.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        for (FrozenTrial t : storage.trials(storage.findStudy("SpringTuned.score").orElseThrow())) {
            assertEquals(2.0 * (Integer) t.params().get("i"), t.value());
        }
        assertEquals(before + 1, SpringTuned.Scorer.created, "Spring's context cache kept one context for the trials");
    }

    @Test
    void theOnlyConstructorGetsWhatTheExtensionsResolve() {
        study(storage).selectors(selectClass(SpringConstructed.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        for (FrozenTrial t : storage.trials(storage.findStudy("SpringConstructed.score").orElseThrow())) {
            assertEquals(2.0 * (Integer) t.params().get("i") + 1, t.value());
        }
    }

    /** As Jupiter tells a test's watchers how it ended before it reports the test finished to the listeners. */
    @Test
    void watchersHearOfATrialBeforeTheListenersHearItFinished() {
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                Log.EVENTS.add("finished " + test.getDisplayName());
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Watched.class))
                .filters(EngineFilter.includeEngines(HpoTestEngine.ENGINE_ID))
                .configurationParameter("hpo.mode", "study").build(), listener);
        List<String> events = List.copyOf(Log.EVENTS);
        List<String> trials = events.stream().filter(e -> e.startsWith("finished score()["))
                .map(e -> e.substring("finished ".length())).toList();
        assertEquals(3, trials.size(), events.toString());
        for (String trial : trials) {
            int watched = events.stream().filter(e -> !e.startsWith("finished ") && e.contains(" " + trial))
                    .findFirst().map(events::indexOf).orElse(-1);
            assertTrue(watched >= 0 && watched < events.indexOf("finished " + trial), events.toString());
        }
    }

    @Test
    void watchersLearnHowEachTrialEndedAndWhyAnObjectiveIsDisabled() {
        study(storage).selectors(selectClass(Watched.class)).execute();
        List<FrozenTrial> trials = storage.trials(storage.findStudy("Watched.score").orElseThrow());
        assertEquals(List.of("disabled off(int): not today",
                "successful score()[0] i=" + trials.get(0).params().get("i"),
                "aborted score()[1] i=" + trials.get(1).params().get("i") + ": trial 1 of study Watched.score pruned"
                        + " before reporting any step",
                "failed score()[2] i=" + trials.get(2).params().get("i") + ": broken").stream().sorted().toList(),
                Log.EVENTS.stream().sorted().toList());
    }

    @Test
    void interceptorsWrapTheConstructorTheLifecycleMethodsAndEachTrialsCallTheFirstOutermost() {
        study(storage).selectors(selectClass(Intercepted.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertEquals(List.of("outer constructor", "inner constructor", "outer setUp", "inner setUp", "@BeforeEach",
                "outer before score [1] on Intercepted", "inner before score [1] on Intercepted", "objective",
                "inner after", "outer after"), Log.EVENTS);
    }

    @Test
    void anInterceptorThatSkipsTheObjectiveFailsTheTrial() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Skipping.class)).execute();
        assertEquals("an InvocationInterceptor skipped " + Skipping.class.getName() + ".score, so the trial has no"
                + " score", throwable(results.testEvents().failed().list().get(0)).getMessage());
        assertEquals(List.of(), Log.EVENTS);
    }

    @Test
    void exceptionHandlersTranslateOrSwallowWhatObjectivesAndLifecycleMethodsThrow() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Handling.class)).execute();
        assertEquals("translated: bad", throwable(results.testEvents().failed()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("translated")).findFirst()
                .orElseThrow()).getMessage());
        assertEquals("a TestExecutionExceptionHandler swallowed what " + Handling.class.getName() + ".swallowed"
                + " threw, but an objective must return its score", throwable(results.testEvents().failed()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("swallowed")).findFirst()
                .orElseThrow()).getMessage());
        assertEquals(List.of(TrialState.COMPLETE), storage.trials(storage.findStudy("Handling.fine").orElseThrow())
                .stream().map(FrozenTrial::state).toList(), "the swallowed @BeforeEach failure let the trial run");
        assertTrue(Log.EVENTS.containsAll(List.of("translator saw bad", "swallower saw translated: bad",
                "translator saw unsupported", "swallower saw unsupported")), Log.EVENTS::toString);
        assertEquals(3, Log.EVENTS.stream().filter(e -> e.equals("swallowed @BeforeEach no set-up today")).count());
    }

    @Test
    void aFactoryMakesTheInstancesAfterThePreConstructCallbacks() {
        study(storage).selectors(selectClass(Factored.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        for (FrozenTrial t : storage.trials(storage.findStudy("Factored.score").orElseThrow())) {
            assertEquals(40.0 + (Integer) t.params().get("i"), t.value());
        }
        assertEquals(List.of("about to make a Factored", "about to make a Factored"), Log.EVENTS);
    }

    @Test
    void extensionsDeclaredOnFieldsAndParametersRegisterToo() {
        study(storage).selectors(selectClass(SeededObjective.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));  // one Seeder, declared twice
        assertEquals(List.of("field " + new Random(7).nextInt(1000) + " parameter " + new Random(42).nextInt(1000)),
                Log.EVENTS);
    }

    @Test
    void autoDetectedExtensionsRunAroundEveryObjectiveWhenJupitersSwitchIsOn() {
        study(storage).selectors(selectClass(Plain.class)).execute();
        assertEquals(List.of(), Log.EVENTS, "off by default, as in Jupiter");
        study(storage).configurationParameter(JupiterExtensions.AUTODETECTION, "true")
                .selectors(selectClass(Plain.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertEquals(List.of("auto-detected score()[1] i=1"), Log.EVENTS);
        Log.EVENTS.clear();
        study(storage).configurationParameter(JupiterExtensions.AUTODETECTION, "true")
                .configurationParameter("junit.jupiter.extensions.autodetection.exclude", "*.Autodetected")
                .selectors(selectClass(Plain.class)).execute();
        assertEquals(List.of(), Log.EVENTS, "excluded by its name");
    }

    @Test
    void parallelTrialsEachGetTheirOwnContextAndInstance() {
        study(storage).configurationParameter("hpo.parallelism", "2").configurationParameter("hpo.trials", "12")
                .selectors(selectClass(Extended.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(13).failed(0));
        for (String event : List.of("ext postProcess Extended", "ext afterEach ok", "ext preDestroy",
                "objective recorded by ext")) {
            assertEquals(12, Log.EVENTS.stream().filter(event::equals).count(), event);
        }
        assertEquals(1, Log.EVENTS.stream().filter("ext closed"::equals).count(), "the class's store closed once");
    }

    @Test
    void preInterruptCallbacksHearOfATimeoutBeforeTheTrialsThreadIsInterrupted() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Interrupted.class)).execute();
        assertTrue(throwable(results.testEvents().failed().list().get(0)) instanceof TimeoutException);
        String thread = Log.EVENTS.get(0).substring("running on ".length());
        assertEquals(List.of("running on " + thread, "interrupting " + thread + " in slow()[0] i=1"), Log.EVENTS);
    }

    @Test
    void aFailingBeforeEachCallbackFailsItsTrialSkipsTheMethodsAndStillRunsTheAfterEachCallbacks() {
        study(storage).selectors(selectClass(Failing.EachFails.class)).execute();
        assertEquals(List.of(TrialState.FAIL, TrialState.FAIL), storage.trials(storage.findStudy("EachFails.score")
                .orElseThrow()).stream().map(FrozenTrial::state).toList(), "the study went on after the first");
        assertEquals(List.of("afterEach after no connection", "afterEach after no connection"), Log.EVENTS);
    }

    @Test
    void aFailingBeforeAllCallbackFailsTheClassRunsNoTrialAndStillRunsTheAfterAllCallbacks() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Failing.AllFails.class)).execute();
        assertEquals("no database", throwable(results.containerEvents().failed().list().get(0)).getMessage());
        assertEquals(List.of("afterAll"), Log.EVENTS);
    }

    @Test
    void theExecutableInvokerResolvesAMethodsAndAnInnerClassConstructorsParameters() {
        study(storage).selectors(selectClass(Invoking.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertTrue(Log.EVENTS.containsAll(List.of("note 100", "helper of Invoking 100")), Log.EVENTS::toString);
    }

    @Test
    void aRegisterExtensionFieldThatHoldsNoExtensionFailsNamingTheFieldAndWhatItHolds() {
        EngineExecutionResults results = study(storage).selectors(selectClass(NotAnExtension.class)).execute();
        assertEquals("@RegisterExtension field " + NotAnExtension.class.getName() + ".NAME holds a java.lang.String,"
                + " which is not a Jupiter Extension; register an extension, or drop the annotation",
                throwable(results.allEvents().failed().list().get(0)).getMessage());
    }
}
