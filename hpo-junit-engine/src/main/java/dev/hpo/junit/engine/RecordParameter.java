package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * A parameter of a record type whose components carry the ranges: each component is a parameter of the study under
 * its own name, and the trial's values are passed to the record's canonical constructor. An objective with many
 * hyperparameters keeps them in one value that production code can take as it is, instead of a long signature.
 *
 * @param type the record class
 * @param canonical its canonical constructor, accessible
 * @param components what fills each component, in declaration order: a {@link TunedParameter} or, for a component
 *        that is itself such a record, a {@link RecordParameter}
 */
record RecordParameter(Class<?> type, Constructor<?> canonical, List<ObjectiveParameter> components)
        implements ObjectiveParameter {

    RecordParameter {
        components = List.copyOf(components);
    }

    /** The tuned parameters of the record and of the records in it, in declaration order. */
    List<TunedParameter> tuned() {
        return ObjectiveDefinition.tuned(components);
    }

    /** Suggests every component; a canonical constructor that refuses the combination fails the trial. */
    @Override
    public Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        Object[] values = new Object[components.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = components.get(i).argument(trial, artifacts, scope);
        }
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(type.getName() + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName() + ": " + e, e);
        }
    }
}
