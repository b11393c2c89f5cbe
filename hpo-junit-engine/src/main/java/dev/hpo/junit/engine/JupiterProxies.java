package dev.hpo.junit.engine;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Jupiter's small extension-API types as the hpo engine hands them to extensions: proxies of the project's own
 * interfaces ({@code ParameterContext}, {@code TestInstances}, {@code InvocationInterceptor.Invocation}, …), its
 * enums' constants and its exceptions, all loaded through one class loader, the objective class's. A default method
 * of an interface runs as Jupiter declares it.
 */
final class JupiterProxies {

    private static final String API = "org.junit.jupiter.api.";

    private final ClassLoader loader;

    JupiterProxies(ClassLoader loader) {
        this.loader = loader;
    }

    /** The type {@code org.junit.jupiter.api.<name>}, e.g. {@code extension.ExtensionContext}. */
    Class<?> type(String name) {
        try {
            return Class.forName(API + name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Jupiter's " + API + name + " is not on the class path", e);
        }
    }

    /** An instance of the interface {@code org.junit.jupiter.api.<name>} answered by {@code handler}. */
    Object of(String name, JupiterScope.Handler handler) {
        return JupiterScope.proxy(type(name), handler);
    }

    /** The constant of a Jupiter enum, e.g. {@code TestInstance$Lifecycle}'s {@code PER_CLASS}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object constant(String enumName, String constant) {
        return Enum.valueOf((Class<? extends Enum>) type(enumName), constant);
    }

    /** One of Jupiter's exceptions with a message; an {@code IllegalStateException} if this Jupiter lacks it. */
    Exception exception(String name, String message) {
        try {
            Constructor<?> c = type(name).getConstructor(String.class);
            return (Exception) c.newInstance(message);
        } catch (ReflectiveOperationException | IllegalStateException e) {
            return new IllegalStateException(message);
        }
    }

    /** The {@code TestInstances} of a test's instances, the outermost first (several for a {@code @Nested} class). */
    Object testInstances(List<Object> all) {
        Object innermost = all.get(all.size() - 1);
        return of("extension.TestInstances", (method, args) -> switch (method.getName()) {
            case "getInnermostInstance" -> innermost;
            case "getEnclosingInstances" -> all.subList(0, all.size() - 1);
            case "getAllInstances" -> all;
            case "findInstance" -> {
                List<Object> reversed = new ArrayList<>(all);
                Collections.reverse(reversed);
                yield reversed.stream().filter(((Class<?>) args[0])::isInstance).findFirst();
            }
            case "toString" -> "TestInstances " + all;
            default -> throw new UnsupportedOperationException("TestInstances." + method.getName());
        });
    }

    /** A {@code ParameterContext} of the parameter at {@code index} of {@code executable}, called on {@code target}. */
    Object parameterContext(Executable executable, int index, Object target) {
        Parameter parameter = executable.getParameters()[index];
        return of("extension.ParameterContext", (method, args) -> switch (method.getName()) {
            case "getParameter" -> parameter;
            case "getIndex" -> index;
            case "getTarget" -> Optional.ofNullable(target);
            case "toString" -> "ParameterContext [" + parameter + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("ParameterContext." + method.getName());
            }
        });
    }

    /** A {@code PreInterruptContext} naming the thread a time limit is about to interrupt. */
    Object preInterruptContext(Thread thread) {
        return of("extension.PreInterruptContext", (method, args) -> switch (method.getName()) {
            case "getThreadToInterrupt" -> thread;
            case "toString" -> "PreInterruptContext [" + thread.getName() + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("PreInterruptContext." + method.getName());
            }
        });
    }

    /** An {@code AnnotatedElementContext} of a field (a parameter's is its {@link #parameterContext}). */
    Object annotatedElementContext(AnnotatedElement element) {
        return of("extension.AnnotatedElementContext", (method, args) -> switch (method.getName()) {
            case "getAnnotatedElement" -> element;
            case "toString" -> "AnnotatedElementContext [" + element + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("AnnotatedElementContext." + method.getName());
            }
        });
    }

    /** A {@code TestInstanceFactoryContext} of the class, whose outer instance is {@code outer} (null: none). */
    Object testInstanceFactoryContext(Class<?> testClass, Object outer) {
        return of("extension.TestInstanceFactoryContext", (method, args) -> switch (method.getName()) {
            case "getTestClass" -> testClass;
            case "getOuterInstance" -> Optional.ofNullable(outer);
            case "toString" -> "TestInstanceFactoryContext [" + testClass.getName() + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("TestInstanceFactoryContext." + method.getName());
            }
        });
    }

    /** An {@code InvocationInterceptor.Invocation} whose {@code proceed()} and {@code skip()} run these. */
    Object invocation(JupiterCallbacks.Invocation proceed, Runnable skip) {
        return of("extension.InvocationInterceptor$Invocation", (method, args) -> switch (method.getName()) {
            case "proceed" -> proceed.proceed();
            case "skip" -> {
                skip.run();
                yield null;
            }
            case "toString" -> "Invocation";
            default -> throw new UnsupportedOperationException("Invocation." + method.getName());
        });
    }

    /** A {@code ReflectiveInvocationContext} whose argument list writes through to {@code arguments}. */
    Object reflectiveInvocationContext(Class<?> targetClass, Executable executable, Object target,
            Object[] arguments) {
        List<Object> list = Arrays.asList(arguments);
        return of("extension.ReflectiveInvocationContext", (method, args) -> switch (method.getName()) {
            case "getTargetClass" -> targetClass;
            case "getExecutable" -> executable;
            case "getArguments" -> list;
            case "getTarget" -> Optional.ofNullable(target);
            case "toString" -> "ReflectiveInvocationContext [" + executable + "]";
            default -> throw new UnsupportedOperationException("ReflectiveInvocationContext." + method.getName());
        });
    }
}
