package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Jupiter's {@code @Timeout} on an objective method, or on its class for all its objectives: the time the objective's
 * call may take in one trial, as Jupiter limits a test method's invocation; on a lifecycle method, the time that method
 * may take (a class's {@code @Timeout} does not reach its lifecycle methods, as in Jupiter). Jupiter's configured
 * defaults stand in for a missing {@code @Timeout}, and its mode may switch all of them off ({@link TimeoutDefaults}).
 * When a limit runs out, the thread is interrupted, which ends a well-behaved objective (one that sleeps, waits or
 * checks its interrupt status), and the call fails with a {@link java.util.concurrent.TimeoutException} once it returns
 * or throws: a trial fails, and the study goes on with the next one. This is Jupiter's {@code SAME_THREAD} mode,
 * whatever {@code threadMode} says, because a trial abandoned on another thread would go on using the machine and the
 * study while the next ones run.
 */
final class JupiterTimeout {

    /**
     * A time limit and where it was set ({@code @Timeout}, a configuration parameter), for the message of a call that
     * outlasts it; {@code threadDump}: its expiry prints every thread's stack first ({@link #THREAD_DUMP}).
     */
    record Limit(Duration limit, String source, boolean threadDump) {
    }

    /** Jupiter's switch for a thread dump on standard output before a timed-out thread is interrupted. */
    static final String THREAD_DUMP = "junit.jupiter.execution.timeout.thread.dump.enabled";

    /** One daemon thread for every trial's alarm, started on first use. */
    private static final class Alarms {
        static final ScheduledExecutorService EXECUTOR = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hpo-trial-timeout");
            t.setDaemon(true);
            return t;
        });
    }

    private JupiterTimeout() {
    }

    /**
     * Runs {@code call} on the calling thread, which is interrupted when {@code limit} has passed; a call that outlasts
     * the limit throws a {@link TimeoutException} ({@code "<what> timed out after 5 s (<source>)"}) once it returns,
     * with whatever it threw suppressed in it. Before the interrupt, every thread's stack is printed on standard output
     * if {@code threadDump} ({@value #THREAD_DUMP}: what a stuck objective was waiting for), then {@code extensions}'
     * {@code PreInterruptCallback}s (null: none) are told, as Jupiter does.
     */
    static <T> T limited(Duration limit, String what, String source, JupiterExtensionContext extensions,
            boolean threadDump, Callable<T> call) throws Exception {
        long start = System.nanoTime();
        ScheduledFuture<?> alarm = interruptAfter(limit, extensions, threadDump);
        T value = null;
        Exception thrown = null;
        try {
            value = call.call();
        } catch (Exception e) {
            thrown = e;
        } finally {
            disarm(alarm);
        }
        if (System.nanoTime() - start >= limit.toNanos()) {
            Thread.interrupted();  // the alarm's, if it came: the call is over
            TimeoutException timedOut = new TimeoutException(what + " timed out after " + text(limit) + " (" + source
                    + ")");
            if (thrown != null) {
                timedOut.addSuppressed(thrown);
            }
            throw timedOut;
        }
        if (thrown != null) {
            throw thrown;
        }
        return value;
    }

    /**
     * Interrupts the calling thread when {@code limit} has passed, unless the returned alarm is cancelled first; the
     * extensions' {@code PreInterruptCallback}s hear of it just before.
     */
    private static ScheduledFuture<?> interruptAfter(Duration limit, JupiterExtensionContext extensions,
            boolean threadDump) {
        Thread thread = Thread.currentThread();
        return Alarms.EXECUTOR.schedule(() -> {
            if (threadDump) {
                System.out.println(threadDump(thread));
            }
            if (extensions != null) {
                JupiterCallbacks.beforeInterrupt(extensions, thread);
            }
            thread.interrupt();
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Cancels the alarm, or, when it has already gone off, waits until its interrupt has been delivered, so that no
     * interrupt lands on the thread after the trial's status has been cleared.
     */
    static void disarm(ScheduledFuture<?> alarm) {
        if (alarm.cancel(false)) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                alarm.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;  // the alarm's own interrupt, most likely: keep waiting for the task to end
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Which thread is about to be interrupted, then the stack of every live thread, in {@code jstack}'s manner. */
    static String threadDump(Thread interrupted) {
        StringBuilder dump = new StringBuilder("Thread ").append(describe(interrupted))
                .append(" will be interrupted (timed out).").append(System.lineSeparator());
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getValue().length == 0) {
                continue;
            }
            dump.append(System.lineSeparator()).append(describe(entry.getKey()));
            for (StackTraceElement frame : entry.getValue()) {
                dump.append(System.lineSeparator()).append("\tat ").append(frame);
            }
            dump.append(System.lineSeparator());
        }
        return dump.toString();
    }

    private static String describe(Thread thread) {
        return "\"" + thread.getName() + "\" #" + thread.getId() + (thread.isDaemon() ? " daemon" : "") + " prio="
                + thread.getPriority() + " " + thread.getState();
    }

    /** {@code 250 ms}, {@code 30 s}, {@code 1.5 s}: how a limit reads in a message. */
    static String text(Duration limit) {
        long millis = limit.toMillis();
        return millis < 1000 ? millis + " ms" : millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /**
     * The trial time limit of the method, else of its class.
     *
     * @throws InvalidObjectiveException for a value that is not positive, as Jupiter rejects it
     */
    static Optional<Duration> of(Method method, List<Class<?>> classes) {
        return of(method, classes, true);
    }

    /**
     * The time limit of a lifecycle method: its own {@code @Timeout} only, since the class's applies to its testable
     * methods (the objectives), as in Jupiter.
     */
    static Optional<Duration> ofLifecycle(Method method, Class<?> testClass) {
        return of(method, List.of(testClass), false);
    }

    /** The class's {@code @Timeout}, or, for a {@code @Nested} class, the nearest enclosing class's. */
    private static Optional<Annotation> onClass(List<Class<?>> classes, Class<? extends Annotation> type) {
        for (int i = classes.size() - 1; i >= 0; i--) {
            Optional<? extends Annotation> found = AnnotationSupport.findAnnotation(classes.get(i), type);
            if (found.isPresent()) {
                return Optional.of(found.get());
            }
        }
        return Optional.empty();
    }

    /** {@code classes}: the method's class last, after those a {@code @Nested} one runs inside of. */
    private static Optional<Duration> of(Method method, List<Class<?>> classes, boolean orClass) {
        Class<?> testClass = classes.get(classes.size() - 1);
        Class<? extends Annotation> type = JupiterAnnotations.type(testClass.getClassLoader(), "Timeout");
        if (type == null) {
            return Optional.empty();
        }
        Optional<Annotation> found = AnnotationSupport.findAnnotation(method, type).<Annotation>map(a -> a)
                .or(() -> orClass ? onClass(classes, type) : Optional.empty());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = ((Number) type.getMethod("value").invoke(found.get())).longValue();
            TimeUnit unit = (TimeUnit) type.getMethod("unit").invoke(found.get());
            if (value <= 0) {
                throw new InvalidObjectiveException("@Timeout(" + value + ") on " + testClass.getName() + "."
                        + method.getName() + ": a time limit must be positive");
            }
            return Optional.of(Duration.ofNanos(unit.toNanos(value)));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new InvalidObjectiveException("cannot read @Timeout on " + testClass.getName() + "."
                    + method.getName() + ": " + e);
        }
    }
}
