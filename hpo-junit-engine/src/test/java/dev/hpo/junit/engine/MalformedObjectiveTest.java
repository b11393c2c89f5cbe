package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.hpo.junit.engine.fixtures.duplicate.FirstShared;
import dev.hpo.junit.engine.fixtures.malformed.BadPatience;
import dev.hpo.junit.engine.fixtures.malformed.BadTerminator;
import dev.hpo.junit.engine.fixtures.malformed.BadTrials;
import dev.hpo.junit.engine.fixtures.malformed.Malformed;
import dev.hpo.junit.engine.fixtures.malformed.NoDefaultConstructor;
import dev.hpo.junit.engine.fixtures.malformed.TwoConstructors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class MalformedObjectiveTest {

    private static String failureOf(Class<?> type, String method) {
        return Engines.malformed(type, method);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            minAboveMax       | parameter 'depth'  | min 30 > max 2
            floatMinAboveMax  | parameter 'rate'   | min 1.5 > max 0.5
            emptyChoice       | parameter 'rule'   | @Choice is empty
            unknownEnumChoice | parameter 'unit'   | 'RBF' is not a constant of TimeUnit
            unannotated       | parameter 'words'  | of type List has no range
            logIncludesZero   | parameter 'rate'   | @LogFloat min = 0.0
            intLogIncludesZero| parameter 'trees'  | @IntRange(log = true) min = 0
            wrongType         | parameter 'k'      | is a double; @IntRange fits int and long
            intForFloat       | parameter 'k'      | is an int; @FloatRange fits double and float
            stepDoesNotDivide | parameter 'k'      | step 3 does not divide the range [0, 10]
            """)
    void malformedParameterFailsNamingClassMethodParameterAndValue(String method, String parameter, String bad) {
        String message = failureOf(Malformed.class, method);
        assertTrue(message.contains(Malformed.class.getName() + "." + method), message);
        assertTrue(message.contains(parameter), message);
        assertTrue(message.contains(bad), message);
    }

    @Test
    void negativePatienceFailsNamingTheValue() {
        String message = failureOf(BadPatience.class, "negativePatience");
        assertTrue(message.contains(BadPatience.class.getName() + ".negativePatience: @Objective patience = -3"), message);
    }

    /** As {@code -Dhpo.trials=0} is refused: a study of no trials would pass the build without running anything. */
    @ParameterizedTest(name = "trials = {1}")
    @CsvSource({"noTrials, 0", "negativeTrials, -5"})
    void trialsBelowOneOtherThanNoLimitFailNamingTheValueAndWhatIsAllowed(String method, int trials) {
        assertEquals(BadTrials.class.getName() + "." + method + ": @Objective trials = " + trials + "; use a count of"
                + " at least 1, or -1 (no limit) together with a timeout", failureOf(BadTrials.class, method));
    }

    @Test
    void unknownTerminatorFailsNamingTheValueAndWhatIsAccepted() {
        String message = failureOf(BadTerminator.class, "unknownTerminator");
        assertTrue(message.contains(BadTerminator.class.getName() + ".unknownTerminator: @Objective terminator:"
                + " unknown terminator 'gaussian': use 'cv'"), message);
    }

    @Test
    void voidReturnFailsNamingTheReturnType() {
        String message = failureOf(Malformed.class, "returnsNothing");
        assertTrue(message.contains(Malformed.class.getName() + ".returnsNothing returns void"), message);
    }

    @Test
    void nonNumericReturnFails() {
        String message = failureOf(Malformed.class, "returnsText");
        assertTrue(message.contains("returns String; an objective returns its score as double"), message);
    }

    @Test
    void privateMethodFails() {
        String message = failureOf(Malformed.class, "hidden");
        assertTrue(message.contains(Malformed.class.getName() + ".hidden is private"), message);
    }

    @Test
    void instanceMethodWithoutNoArgumentConstructorFails() {
        String message = failureOf(NoDefaultConstructor.class, "shifted");
        assertTrue(message.contains("has no constructor without arguments"), message);
    }

    /** Jupiter's "Class [...] must declare a single constructor", even when one of them takes no arguments. */
    @Test
    void classWithSeveralConstructorsFailsNamingThemAndTheFix() {
        assertEquals(TwoConstructors.class.getName() + ".shifted is an instance method but TwoConstructors declares 2"
                + " constructors, TwoConstructors() and TwoConstructors(int), and a test class must declare a single"
                + " constructor, as in Jupiter; give it a single constructor, without parameters or with parameters"
                + " that are a TestInfo, a TestReporter or a @TempDir Path or File (or what an extension registered"
                + " with @ExtendWith resolves), or make the method static",
                failureOf(TwoConstructors.class, "shifted"));
    }

    @Test
    void malformedObjectivesDoNotStopTheValidOne() {
        EngineExecutionResults results = hpo().selectors(selectClass(Malformed.class)).execute();
        assertEquals(1, results.testEvents().succeeded().count());
        assertEquals("fine(int)", results.testEvents().succeeded().list().get(0).getTestDescriptor().getDisplayName());
        assertEquals(13, results.testEvents().failed().count());
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    /** As surefire's {@code -Dtest} leaves a broken test out: the filter chooses what runs and what is judged. */
    @Test
    void malformedObjectivesTheObjectivesFilterLeavesOutDoNotFail() {
        EngineExecutionResults results = hpo().selectors(selectClass(Malformed.class))
                .configurationParameter("hpo.objectives", "Malformed.fine").execute();
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0).skipped(13));
    }

    @Test
    void malformedObjectiveIsAPlainTestThatRegistersNothing() {
        TestDescriptor d = hpo().selectors(selectMethod(Malformed.class, "minAboveMax", "int")).discover()
                .getEngineDescriptor().getChildren().iterator().next().getChildren().iterator().next();
        assertEquals(TestDescriptor.Type.TEST, d.getType());
        assertEquals(false, d.mayRegisterTests());
    }

    @Test
    void twoObjectivesWithOneStudyNameBothFailNamingBothMethods() {
        EngineExecutionResults results = hpo()
                .selectors(selectPackage(FirstShared.class.getPackageName())).execute();
        List<Event> failed = results.testEvents().failed().list();
        assertEquals(2, failed.size());
        for (Event e : failed) {
            String message = throwable(e).getMessage();
            assertTrue(message.contains("study name 'shared'"), message);
            assertTrue(message.contains("FirstShared.first") && message.contains("SecondShared.second"), message);
        }
    }
}
