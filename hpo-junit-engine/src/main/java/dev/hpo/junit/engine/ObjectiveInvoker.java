package dev.hpo.junit.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls an objective method: on a fresh instance of its class for an instance method (so that trials share no
 * state, as Jupiter tests share none), or on the class's one instance under {@code @TestInstance(PER_CLASS)},
 * between the class's {@code @BeforeEach} and {@code @AfterEach} methods; or statically. Exceptions of the method
 * reach the caller as thrown, not wrapped, so that a failed trial reports the user's own exception; an objective call
 * that outlasts its time limit ({@code @Timeout} or {@code hpo.trialTimeout}) fails with a
 * {@link java.util.concurrent.TimeoutException} instead ({@link JupiterTimeout}).
 */
final class ObjectiveInvoker {

    private final ObjectiveDefinition definition;
    private final Method method;
    private final Constructor<?> constructor;
    private final Object sharedInstance;
    private final RunSettings.TrialTimeout timeout;

    /**
     * An invoker that calls instance objectives on {@code sharedInstance} when the class has a per-class lifecycle
     * (non-null), else on a fresh instance per call, and limits each call to {@code timeout} (null: no limit).
     */
    ObjectiveInvoker(ObjectiveDefinition definition, Object sharedInstance, RunSettings.TrialTimeout timeout) {
        this.definition = definition;
        this.sharedInstance = sharedInstance;
        this.timeout = timeout;
        this.method = definition.method();
        this.method.setAccessible(true);
        if (Modifier.isStatic(method.getModifiers())) {
            this.constructor = null;
        } else {
            try {
                this.constructor = definition.testClass().getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new InvalidObjectiveException(definition.qualifiedMethodName()
                        + " is an instance method but its class has no constructor without arguments", e);
            }
            this.constructor.setAccessible(true);
        }
    }

    /**
     * Calls the method with the arguments and returns its score; {@code scope} (null when the objective injects
     * nothing of Jupiter's) is closed after the call, which deletes the trial's temporary directories.
     */
    double invoke(Object[] arguments, JupiterScope scope) throws Exception {
        Object result = null;
        Throwable failure = null;
        try {
            boolean fresh = constructor != null && sharedInstance == null;
            Object target = constructor == null ? null
                    : fresh ? unwrap(() -> constructor.newInstance()) : sharedInstance;
            result = definition.lifecycle().aroundEach(target, fresh, scope, timeout == null
                    ? () -> unwrap(() -> method.invoke(target, arguments))
                    : () -> JupiterTimeout.limited(timeout.limit(), definition.qualifiedMethodName(), timeout.source(),
                            () -> unwrap(() -> method.invoke(target, arguments))));
        } catch (Exception | Error e) {
            failure = e;
        }
        if (scope != null) {
            failure = scope.close(failure);
        }
        JupiterLifecycle.rethrow(failure);
        if (result == null) {
            throw new IllegalStateException(definition.qualifiedMethodName()
                    + " returned null; an objective returns its score as a number");
        }
        return ((Number) result).doubleValue();
    }

    interface ReflectiveCall {
        Object call() throws ReflectiveOperationException;
    }

    /** Makes a reflective call, throwing what the called code threw rather than its wrapper. */
    static Object unwrap(ReflectiveCall call) throws Exception {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
