package dev.hpo.junit.engine;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Reports trials, which run on the study's worker threads, to the engine's listener one event at a time: a
 * listener (surefire's, an IDE's) need not be thread-safe, and a trial must be registered before it starts and
 * reported before it finishes, whichever thread runs it.
 */
final class TrialEvents {

    private final EngineExecutionListener listener;

    TrialEvents(EngineExecutionListener listener) {
        this.listener = listener;
    }

    /** Adds a trial under its objective, registers it as a dynamic test and starts it. */
    synchronized void started(TestDescriptor objective, TestDescriptor trial) {
        objective.addChild(trial);
        listener.dynamicTestRegistered(trial);
        listener.executionStarted(trial);
    }

    /** Reports the trial's result: it has ended, its report entry published and its watchers told before. */
    synchronized void finished(TestDescriptor trial, TestExecutionResult result) {
        listener.executionFinished(trial, result);
    }

    /** Publishes a report entry on a descriptor that is running on the caller's thread. */
    synchronized void published(TestDescriptor descriptor, ReportEntry entry) {
        listener.reportingEntryPublished(descriptor, entry);
    }
}
