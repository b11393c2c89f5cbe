package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.pruner.Pruner;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.sampler.Sampler;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.StorageException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static Study study() {
        return Study.builder().name("s").sampler(new RandomSampler(1)).build();
    }

    @Test
    void optimizeRunsThatManyMoreTrials() {
        Study s = study();
        s.optimize(t -> t.suggestFloat("x", -1, 1), 5);
        s.optimize(t -> t.suggestFloat("x", -1, 1), 3);
        assertEquals(8, s.trials().size());
        for (int i = 0; i < 8; i++) {
            assertEquals(i, s.trials().get(i).number());
            assertEquals(TrialState.COMPLETE, s.trials().get(i).state());
        }
    }

    @Test
    void bestTrialFollowsDirection() {
        Study min = Study.builder().sampler(new RandomSampler(3)).build();
        min.optimize(t -> t.suggestFloat("x", -1, 1), 30);
        Study max = Study.builder().direction(Direction.MAXIMIZE).sampler(new RandomSampler(3)).build();
        max.optimize(t -> t.suggestFloat("x", -1, 1), 30);
        double lowest = min.trials().stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        double highest = max.trials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
        assertEquals(lowest, min.bestValue());
        assertEquals(highest, max.bestValue());
        assertEquals(min.bestTrial().params().get("x"), min.bestParams().get("x"));
    }

    @Test
    void sameNameInOneTrialReturnsSameValue() {
        Study s = study();
        s.optimize(t -> {
            double a = t.suggestFloat("x", 0, 1);
            double b = t.suggestFloat("x", 0, 1);
            assertEquals(a, b);
            return a;
        }, 3);
        assertEquals(3, s.trials(Set.of(TrialState.COMPLETE)).size());
    }

    @Test
    void sameNameWithAnotherRangeInOneTrialIsAnError() {
        Study s = study();
        Trial t = s.ask();
        t.suggestFloat("x", 0, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("x", 0, 2));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void sameNameWithAnotherRangeInOneStudyIsAnError() {
        Study s = study();
        s.optimize(t -> t.suggestInt("depth", 1, 8), 1);
        Trial t = s.ask();
        var e = assertThrows(IllegalArgumentException.class, () -> t.suggestInt("depth", 1, 9));
        assertTrue(e.getMessage().contains("'depth'") && e.getMessage().contains("int [1, 8]"), e.getMessage());
    }

    @Test
    void invalidRangeNamesTheParameter() {
        Study s = study();
        Trial t = s.ask();
        var e = assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("lr", 1, 0));
        assertTrue(e.getMessage().contains("'lr'") && e.getMessage().contains("low 1.0 > high 0.0"), e.getMessage());
    }

    @Test
    void conditionalSpacesKeepOnlyTheBranchTaken() {
        Study s = study();
        s.optimize(t -> {
            String kind = t.suggestCategorical("kind", List.of("svm", "tree"));
            return kind.equals("svm") ? t.suggestFloat("c", 1e-3, 1e3, true) : t.suggestInt("depth", 1, 10);
        }, 40);
        for (FrozenTrial t : s.trials()) {
            boolean svm = t.params().get("kind").equals("svm");
            assertEquals(svm, t.params().containsKey("c"));
            assertEquals(!svm, t.params().containsKey("depth"));
        }
    }

    @Test
    void throwingObjectiveFailsTheTrialAndTheStudyGoesOn() {
        Study s = study();
        AtomicInteger n = new AtomicInteger();
        s.optimize(t -> {
            t.suggestFloat("x", 0, 1);
            if (n.getAndIncrement() == 1) {
                throw new IllegalStateException("boom");
            }
            return 1.0;
        }, 4);
        List<FrozenTrial> trials = s.trials();
        assertEquals(4, trials.size());
        assertEquals(TrialState.FAIL, trials.get(1).state());
        assertNull(trials.get(1).values());
        assertTrue(trials.get(1).params().containsKey("x"), "params set before the failure stay");
        assertTrue(String.valueOf(trials.get(1).systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("boom"));
        assertEquals(TrialState.COMPLETE, trials.get(3).state());
    }

    @Test
    void nanFailsTheTrial() {
        Study s = study();
        s.optimize(t -> Double.NaN, 2);
        assertTrue(s.trials().stream().allMatch(t -> t.state() == TrialState.FAIL));
        assertThrows(IllegalStateException.class, s::bestTrial);
    }

    @Test
    void exceptionOutsideTheCaughtSetStopsOptimizeAfterRecordingTheFail() {
        Study s = study();
        var options = OptimizeOptions.builder().trials(10).catching(IllegalArgumentException.class).build();
        var e = assertThrows(ObjectiveException.class, () -> s.optimize(t -> {
            if (t.number() == 2) {
                throw new IOException("disk gone");
            }
            return 0;
        }, options));
        assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
        assertEquals(3, s.trials().size());
        assertEquals(TrialState.FAIL, s.trials().get(2).state());
    }

    @Test
    void prunedTrialKeepsLastIntermediateValue() {
        Pruner afterTwoSteps = (study, trial) -> trial.lastStep() >= 1;
        Study s = Study.builder().sampler(new RandomSampler(0)).pruner(afterTwoSteps).build();
        s.optimize(t -> {
            for (int step = 0; step < 5; step++) {
                t.report(step, 10.0 - step);
                if (t.shouldPrune()) {
                    throw new TrialPruned();
                }
            }
            return 0;
        }, 1);
        FrozenTrial t = s.trials().get(0);
        assertEquals(TrialState.PRUNED, t.state());
        assertEquals(List.of(9.0), t.values());
        assertEquals(Map.of(0, 10.0, 1, 9.0), t.intermediateValues());
        Trial diverged = s.ask();
        diverged.report(0, Double.NaN);
        assertEquals(null, s.tell(diverged, TrialState.PRUNED).values(), "a NaN report is no value to keep");
    }

    @Test
    void enqueuedTrialIsEvaluatedFirstWithItsParameters() {
        Study s = study();
        s.enqueueTrial(Map.of("c", 1.0, "depth", 8, "kernel", "rbf"));
        s.optimize(t -> {
            double c = t.suggestFloat("c", 1e-3, 1e3, true);
            int depth = t.suggestInt("depth", 2, 32);
            String kernel = t.suggestCategorical("kernel", List.of("rbf", "linear"));
            t.suggestFloat("free", 0, 1);
            return c + depth + kernel.length();
        }, 2);
        FrozenTrial first = s.trials().get(0);
        assertEquals(1.0, first.params().get("c"));
        assertEquals(8, first.params().get("depth"));
        assertEquals("rbf", first.params().get("kernel"));
        assertTrue(first.params().containsKey("free"));
        assertEquals(2, s.trials().size());
    }

    @Test
    void aNullChoiceCanBeEnqueuedAndRunAgainFromTheBestParameters() throws Exception {
        Study s = study();
        Map<String, Object> none = new java.util.HashMap<>();
        none.put("norm", null);
        s.enqueueTrial(none);
        ObjectiveFunction objective = t -> t.suggestCategorical("norm", java.util.Arrays.asList(null, "l1", "l2"))
                == null ? 0 : 1;
        s.optimize(objective, 1);
        assertEquals(TrialState.COMPLETE, s.trials().get(0).state());
        assertTrue(s.bestParams().containsKey("norm") && s.bestParams().get("norm") == null, s.bestParams()::toString);
        assertEquals(0.0, objective.evaluate(Trial.fixed(s.bestParams())));
    }

    @Test
    void enqueueingAKnownConfigurationAgainCanBeSkipped() {
        Study s = study();
        Map<String, Object> config = Map.of("c", 1.0, "depth", 8);
        assertTrue(s.enqueueTrial(config, Map.of(), true));
        assertFalse(s.enqueueTrial(config, Map.of(), true), "already waiting");
        ObjectiveFunction objective = t -> t.suggestFloat("c", 1e-3, 1e3, true) + t.suggestInt("depth", 2, 32)
                + t.suggestFloat("free", 0, 1);
        s.optimize(objective, 1);
        // as a later build would: the enqueued trial ran (with a sampled 'free'), so the same call enqueues nothing
        assertFalse(s.enqueueTrial(Map.of("c", 1.0 + 1e-7, "depth", 8L), Map.of(), true), "numbers match loosely");
        assertTrue(s.enqueueTrial(Map.of("c", 2.0, "depth", 8), Map.of(), true));
        s.optimize(objective, 2);  // the enqueued trial, then a sampled one
        assertFalse(s.enqueueTrial(s.trials().get(2).params(), Map.of(), true), "a sampled trial has these parameters");
        assertTrue(s.enqueueTrial(config, Map.of(), false), "without the flag it always enqueues");
        assertEquals(4, s.trials().size());
    }

    @Test
    void metricNamesAreStoredWhereOptunaKeepsThem() {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        assertEquals(List.of(), s.metricNames());
        s.setMetricNames(List.of("loss", "acc"));
        assertEquals(List.of("loss", "acc"), s.metricNames());
        assertEquals(List.of("loss", "acc"), s.systemAttrs().get("study:metric_names"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.setMetricNames(List.of("loss")));
        assertTrue(e.getMessage().contains("2 objective(s)"), e.getMessage());
    }

    @Test
    void askAndTell() {
        Study s = Study.builder().direction(Direction.MAXIMIZE).sampler(new RandomSampler(5)).build();
        Trial t = s.ask();
        double x = t.suggestFloat("x", 0, 1);
        FrozenTrial done = s.tell(t, x * 2);
        assertEquals(TrialState.COMPLETE, done.state());
        assertEquals(x * 2, s.bestValue());
        assertThrows(IllegalStateException.class, () -> s.tell(t, 1.0), "a finished trial cannot be told again");
        assertThrows(IllegalStateException.class, () -> t.setUserAttr("late", 1), "nor changed, as in the journal");
        assertEquals(Map.of(), s.trials().get(0).userAttrs());
        Trial pruned = s.ask();
        IllegalArgumentException valued = assertThrows(IllegalArgumentException.class,
                () -> s.tell(pruned, TrialState.FAIL, 0.5));
        assertTrue(valued.getMessage().contains("tell it without values"), valued.getMessage());
        assertEquals(TrialState.PRUNED, s.tell(pruned, TrialState.PRUNED).state());
    }

    @Test
    void askWithFixedDistributionsSuggestsThemAtOnce() {
        Study s = Study.builder().sampler(new RandomSampler(5)).build();
        Map<String, Distribution> space = new java.util.LinkedHashMap<>();
        space.put("x", FloatDistribution.of(-1, 1));
        space.put("kind", CategoricalDistribution.of(List.of("a", "b")));
        Trial t = s.ask(space);
        assertEquals(Set.of("x", "kind"), t.params().keySet(), "suggested before the objective runs");
        double x = (double) t.params().get("x");
        assertTrue(x >= -1 && x <= 1);
        assertEquals(x, t.suggestFloat("x", -1, 1), "a later suggestion answers the same value");
        s.tell(t, x);
        assertEquals(space, s.trials().get(0).distributions());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.ask(Map.of("x", FloatDistribution.of(0, 5))));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        assertEquals(TrialState.FAIL, s.trials().get(1).state(), "the refused trial does not stay RUNNING");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAttributeIsStoredAsItWasWhenSetNotAsTheCallersListLaterIs() {
        Study s = study();
        Trial t = s.ask();
        List<Object> losses = new java.util.ArrayList<>(List.of(0.5, 0.4));
        t.setUserAttr("losses", losses);
        s.setUserAttr("tags", losses);
        s.tell(t, 1.0);
        losses.add(0.3);
        assertEquals(List.of(0.5, 0.4), s.trials().get(0).userAttrs().get("losses"));
        assertEquals(List.of(0.5, 0.4), s.userAttrs().get("tags"));
        assertThrows(UnsupportedOperationException.class,
                () -> ((List<Object>) s.trials().get(0).userAttrs().get("losses")).add(0.2));
    }

    @Test
    void tellWithWrongNumberOfValuesFails() {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        FrozenTrial done = s.tell(s.ask(), 1.0);
        assertEquals(TrialState.FAIL, done.state());
        assertTrue(String.valueOf(done.systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("2 direction"));
    }

    @Test
    void twoThreadsLoseNoTrialAndNumbersAreUnique() {
        Study s = study();
        s.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            Thread.sleep(1);
            return x;
        }, OptimizeOptions.builder().trials(200).parallelism(2).build());
        List<FrozenTrial> trials = s.trials();
        assertEquals(200, trials.size());
        Set<Integer> numbers = new HashSet<>();
        trials.forEach(t -> numbers.add(t.number()));
        assertEquals(200, numbers.size());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    }

    @Test
    void parallelismMinusOneMeansOneThreadPerProcessorAsOptunasNJobs() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(processors, OptimizeOptions.builder().trials(1).parallelism(-1).build().parallelism());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizeOptions.builder().trials(1).parallelism(0).build());
        assertTrue(e.getMessage().contains("-1 for one thread per processor, got 0"), e.getMessage());
    }

    @Test
    void anInterruptedCallerStopsAParallelStudyAndReturnsOnlyOnceItsWorkersAreDone() {
        Study s = study();
        // trial 3 interrupts the caller while it and the other worker's trial are still running
        s.optimize(interruptsTheCallerInTrial3(30), OptimizeOptions.builder().trials(40).parallelism(2).build());
        boolean interrupted = Thread.interrupted();  // clears it for the next tests
        assertTrue(interrupted, "the caller's interrupt status is kept");
        assertTrue(s.trials().size() < 40, "the study stopped: " + s.trials().size() + " trials");
        assertTrue(s.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE),
                "no trial is still running when optimize returns: " + s.trials());
    }

    /** Interrupts the thread that calls optimize in trial 3; every trial sleeps (failing at once if interrupted). */
    private static ObjectiveFunction interruptsTheCallerInTrial3(long sleepMillis) {
        Thread caller = Thread.currentThread();
        return t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (t.number() == 3) {
                caller.interrupt();
            }
            Thread.sleep(sleepMillis);
            return x;
        };
    }

    @Test
    void anInterruptedObjectiveStopsASequentialStudyAfterItsTrialKeepingTheStatus() {
        Study s = study();
        s.optimize(interruptsTheCallerInTrial3(5), 30);  // the sleep throws, clearing the status
        assertTrue(Thread.interrupted(), "the interrupt status is restored");
        assertEquals(4, s.trials().size());
        assertEquals(TrialState.FAIL, s.trials().get(3).state());
        assertTrue(String.valueOf(s.trials().get(3).systemAttrs().get(Study.FAIL_REASON_ATTR))
                .contains("InterruptedException"));
    }

    @Test
    void askingForTheBestOfAStudyWithoutOneSaysWhy() {
        Study s = study();
        s.tell(s.ask(), TrialState.FAIL);
        s.tell(s.ask(), TrialState.PRUNED);
        IllegalStateException none = assertThrows(IllegalStateException.class, s::bestValue);
        assertTrue(none.getMessage().endsWith("has no completed trial yet (of its 2 trials 1 failed and 1 were"
                + " pruned)"), none.getMessage());
        Study two = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        IllegalStateException multi = assertThrows(IllegalStateException.class, two::bestTrial);
        assertTrue(multi.getMessage().contains("bestTrials()"), multi.getMessage());
    }

    @Test
    void optimizeInsideOneOfItsOwnTrialsFailsThatTrialAndAnotherStudyMayRunThere() {
        Study s = study();
        s.optimize(t -> {
            Study inner = study();
            inner.optimize(u -> u.suggestFloat("y", 0, 1), 2);  // another study: allowed
            s.optimize(u -> 1.0, 1);
            return 0;
        }, 1);
        FrozenTrial outer = s.trials().get(0);
        assertEquals(TrialState.FAIL, outer.state());
        assertTrue(String.valueOf(outer.systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("nested optimization"));
        assertEquals(1, s.trials().size(), "the nested call ran no trial");
        s.optimize(t -> 1.0, 1);
        assertEquals(TrialState.COMPLETE, s.trials().get(1).state(), "the study runs on afterwards");
    }

    @Test
    void constraintsOptunasConstraintsFuncStoredAsOneListCountLikeNamedOnes() {
        Study s = Study.builder().direction(Direction.MAXIMIZE).build();
        s.addTrial(FrozenTrial.builder().value(0.96).systemAttr(FrozenTrial.CONSTRAINT_LIST, List.of(0.46)).build());
        s.addTrial(FrozenTrial.builder().value(0.44).systemAttr(FrozenTrial.CONSTRAINT_LIST, List.of(-0.06, 0.0))
                .build());
        assertEquals(Map.of("0", 0.46), s.trials().get(0).constraints());
        assertFalse(s.trials().get(0).isFeasible());
        assertTrue(s.trials().get(1).isFeasible());
        assertEquals(1, s.bestTrial().number(), "Optuna's best: the infeasible 0.96 does not count");
    }

    @Test
    void callbackCanStopTheStudy() {
        Study s = study();
        s.optimize(t -> 1.0, OptimizeOptions.builder().trials(100)
                .callback((study, trial) -> {
                    if (trial.number() == 4) {
                        study.stop();
                    }
                }).build());
        assertEquals(5, s.trials().size());
    }

    @Test
    void timeoutStopsStartingTrials() {
        Study s = study();
        s.optimize(t -> {
            Thread.sleep(20);
            return 1.0;
        }, OptimizeOptions.builder().timeout(java.time.Duration.ofMillis(100)).build());
        int n = s.trials().size();
        assertTrue(n >= 1 && n < 50, "trials run: " + n);
    }

    @Test
    void existingStudyNeedsLoadIfExists() {
        InMemoryStorage storage = new InMemoryStorage();
        Study.builder().name("x").storage(storage).build().optimize(t -> 1.0, 2);
        var e = assertThrows(StorageException.class, () -> Study.builder().name("x").storage(storage).build());
        assertTrue(e.getMessage().contains("loadIfExists"), e.getMessage());
        Study again = Study.builder().name("x").storage(storage).loadIfExists(true).build();
        assertEquals(2, again.trials().size());
    }

    @Test
    void loadingWithOtherDirectionsIsAnError() {
        InMemoryStorage storage = new InMemoryStorage();
        Study.builder().name("x").storage(storage).direction(Direction.MAXIMIZE).build();
        assertThrows(IllegalArgumentException.class, () -> Study.builder().name("x").storage(storage)
                .direction(Direction.MINIMIZE).loadIfExists(true).build());
        assertEquals(Direction.MAXIMIZE, Study.load(storage, "x").direction());
    }

    @Test
    void seededDefaultSamplerRepeatsTrials() {
        Study a = Study.builder().seed(42).build();
        Study b = Study.builder().seed(42).build();
        ObjectiveFunction f = t -> t.suggestFloat("x", -5, 5) + t.suggestInt("n", 1, 100, true);
        a.optimize(f, 30);
        b.optimize(f, 30);
        for (int i = 0; i < 30; i++) {
            assertEquals(a.trials().get(i).params(), b.trials().get(i).params());
        }
    }

    @Test
    void multiObjectiveBestTrialsIsTheParetoFront() {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
        double[][] points = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {6, 6}};
        for (double[] p : points) {
            s.tell(s.ask(), p);
        }
        Set<Integer> front = new HashSet<>();
        s.bestTrials().forEach(t -> front.add(t.number()));
        assertEquals(Set.of(0, 1, 2), front);
        assertThrows(IllegalStateException.class, s::bestTrial);
        assertThrows(UnsupportedOperationException.class, () -> s.ask().report(0, 1.0));
    }

    @Test
    void aSamplerThatFailsBeforeTheTrialRunsLeavesItFailedNotRunning() {
        Sampler broken = new Sampler() {
            @Override
            public Map<String, dev.hpo.space.Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
                throw new IllegalStateException("no model");
            }

            @Override
            public double sampleIndependent(Study study, FrozenTrial trial, String name,
                    dev.hpo.space.Distribution distribution) {
                return 0;
            }
        };
        Study s = Study.builder().sampler(broken).build();
        assertThrows(IllegalStateException.class, s::ask);
        FrozenTrial left = s.trials().get(0);
        assertEquals(TrialState.FAIL, left.state());
        assertEquals("the sampler failed: java.lang.IllegalStateException: no model",
                left.systemAttrs().get(Study.FAIL_REASON_ATTR));
    }

    /** bestTrial() reads only what finished since its last call, so trials that finish out of order must not hide. */
    @Test
    void theBestTrialFollowsTrialsThatFinishOutOfOrder() {
        Study s = study();
        Trial t0 = s.ask();
        Trial t1 = s.ask();
        Trial t2 = s.ask();
        s.tell(t2, 5);
        assertEquals(2, s.bestTrial().number());
        s.tell(t0, 1);
        assertEquals(0, s.bestTrial().number());
        Trial t3 = s.ask();
        s.tell(t3, 3);
        assertEquals(0, s.bestTrial().number());
        s.tell(t1, 0.5);
        assertEquals(1, s.bestTrial().number());
        s.tell(s.ask(), 0.5);
        assertEquals(1, s.bestTrial().number(), "of equal values, the first");
        s.tell(s.ask(), 0.25);
        assertEquals(0.25, s.bestValue());
    }

    @Test
    void aNanConstraintIsRefusedNamingTheConstraint() {
        Study s = study();
        Trial t = s.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.setConstraint("c", Double.NaN));
        assertTrue(e.getMessage().startsWith("constraint 'c' of trial 0 is NaN"), e.getMessage());
    }

    @Test
    void constraintsMakeInfeasibleTrialsLoseBest() {
        Study s = study();
        Trial a = s.ask();
        a.setConstraint("budget", 3.0);
        s.tell(a, 0.0);
        Trial b = s.ask();
        b.setConstraint("budget", -1.0);
        s.tell(b, 5.0);
        assertEquals(1, s.bestTrial().number());
        assertFalse(s.trials().get(0).isFeasible());
        assertEquals(Map.of("budget", 3.0), s.trials().get(0).constraints());
    }

    @Test
    void addTrialWarmStartsAStudy() {
        Study source = study();
        source.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        Study target = Study.builder().sampler(new RandomSampler(2)).build();
        source.trials().forEach(target::addTrial);
        assertEquals(3, target.trials().size());
        assertEquals(source.bestValue(), target.bestValue());
    }

    @Test
    void samplerThatThrowsAfterTheTrialStillFinishesIt() {
        dev.hpo.sampler.Sampler broken = new dev.hpo.sampler.Sampler() {
            @Override
            public double sampleIndependent(Study study, FrozenTrial trial, String name, dev.hpo.space.Distribution d) {
                return 0.5;
            }

            @Override
            public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
                throw new IllegalStateException("sampler bookkeeping failed");
            }
        };
        Study s = Study.builder().sampler(broken).build();
        Trial t = s.ask();
        t.suggestFloat("x", 0, 1);
        assertThrows(IllegalStateException.class, () -> s.tell(t, 1.0));
        assertEquals(TrialState.COMPLETE, s.trials().get(0).state());
    }
}
