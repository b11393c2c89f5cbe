package dev.hpo.junit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The root of the hpo engine's tree. In study mode it first names the study of every objective discovery found, as a
 * report entry {@value #OBJECTIVE} each (the prefix applied), including those the {@code hpo.objectives} filter or a
 * tag filter leaves out, so that {@code hpo:optimize} can write the outputs of all the project's studies and tell a
 * filter name that matches no objective (with {@code hpo.announceTrials}, also as a line on standard output). When
 * every objective has finished, it closes what Jupiter extensions stored for the whole run, then the run's storage.
 */
final class HpoEngineDescriptor extends EngineDescriptor implements Node<HpoExecutionContext> {

    /** The report entry key naming one objective's study. */
    static final String OBJECTIVE = "hpo.objective";
    /**
     * With {@code hpo.announceTrials}, the line printed for each of those studies before any runs:
     * {@code [hpo:objective] Tuning.accuracy}. The goal reads it from its fork, so that a fork that dies still told it
     * which studies the project has (its {@code ForkedJvm} has the same prefix); the report entries reach it only in
     * the record a fork writes when it finishes.
     */
    static final String ANNOUNCED = "[hpo:objective] ";

    private final List<String> studyNames = new ArrayList<>();

    HpoEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "hpo");
    }

    /**
     * Remembers the study names of the objectives found, before the launcher's post-discovery (tag) filters remove
     * some from the tree.
     */
    void rememberStudyNames() {
        studyNames.clear();
        accept(d -> {
            if (d instanceof ObjectiveDescriptor o) {
                studyNames.add(o.studyName());
            }
        });
    }

    @Override
    public HpoExecutionContext before(HpoExecutionContext context) {
        HpoConfiguration configuration;
        try {
            configuration = context.configuration();
        } catch (IllegalArgumentException invalid) {
            return context;  // each objective fails with the message, naming the parameter
        }
        if (configuration.mode() == Mode.STUDY) {
            for (String name : studyNames) {
                String study = configuration.studyName(name);
                if (configuration.announceTrials()) {
                    System.out.println(ANNOUNCED + study);
                }
                context.events().published(this, ReportEntry.from(Map.of(OBJECTIVE, study)));
            }
        }
        return context;
    }

    @Override
    public void after(HpoExecutionContext context) throws Exception {
        Throwable failure = context.closeExtensionRoot();
        context.closeStorage();
        JupiterLifecycle.rethrow(failure);
    }
}
