package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Display names of objective classes and objectives in Jupiter's order: a non-blank {@code @DisplayName}; else the
 * {@code DisplayNameGenerator} that {@code @DisplayNameGeneration} (or a composed annotation such as
 * {@code @IndicativeSentencesGeneration}) names on the class, a superclass or a class it is nested in, innermost first;
 * else the generator {@value #GENERATOR_DEFAULT} names; else the names Jupiter's {@code DisplayNameGenerator.Standard}
 * gives, which is what a Jupiter user sees when nothing is configured: the class's name without its package
 * ({@code Outer$Static} for a static member class, the simple name for a {@code @Nested} one) and the method's name
 * with the simple names of its parameter types, {@code bowl(double, int)}, the same string as a Jupiter method's
 * legacy reporting name ({@link #standard(Method)}).
 *
 * <p>Generators are Jupiter's interface, called through the objective class's loader (the engine does not depend on
 * Jupiter) with the enclosing classes a {@code @Nested} class runs inside of, as Jupiter 5.12 and later pass them. A
 * generator that cannot be made, or that throws or gives a blank name, is warned of and the next rule applies.
 */
final class JupiterDisplayNames {

    static final String GENERATOR_DEFAULT = "junit.jupiter.displayname.generator.default";
    private static final String GENERATOR = "org.junit.jupiter.api.DisplayNameGenerator";
    private static final Logger LOG = Logger.getLogger(JupiterDisplayNames.class.getName());

    /** The configured default generator's class name, or null. */
    private final String defaultGenerator;
    private final Map<Class<?>, Optional<Object>> generators = new ConcurrentHashMap<>();
    /** The configured default generator, made on first use (null until then). */
    private volatile Optional<Object> defaultInstance;

    JupiterDisplayNames(String defaultGenerator) {
        this.defaultGenerator = defaultGenerator == null || defaultGenerator.isBlank() ? null
                : defaultGenerator.strip();
    }

    /**
     * A class's name: {@code classes} are the classes it runs inside of (outermost first, empty for a top-level class)
     * followed by the class itself.
     */
    String forClass(List<Class<?>> classes) {
        Class<?> testClass = classes.get(classes.size() - 1);
        List<Class<?>> enclosing = List.copyOf(classes.subList(0, classes.size() - 1));
        return declared(testClass).orElseGet(() -> generated(enclosing, testClass, enclosing.isEmpty()
                ? new Call("generateDisplayNameForClass", new Class<?>[] {Class.class}, testClass)
                : new Call("generateDisplayNameForNestedClass", new Class<?>[] {List.class, Class.class},
                        enclosing, testClass),
                new Call("generateDisplayNameForNestedClass", new Class<?>[] {Class.class}, testClass))
                .orElse(enclosing.isEmpty() ? standard(testClass) : testClass.getSimpleName()));
    }

    /**
     * Jupiter's standard name of a class that is not {@code @Nested}: its binary name without the package, so
     * {@code Outer$Static} for a static member class (a {@code @Nested} class is its simple name).
     */
    private static String standard(Class<?> testClass) {
        String name = testClass.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** An objective's name; {@code classes} as for {@link #forClass}, the method's class last. */
    String forMethod(List<Class<?>> classes, Method method) {
        Class<?> testClass = classes.get(classes.size() - 1);
        List<Class<?>> enclosing = List.copyOf(classes.subList(0, classes.size() - 1));
        return declared(method).orElseGet(() -> generated(enclosing, testClass,
                new Call("generateDisplayNameForMethod", new Class<?>[] {List.class, Class.class, Method.class},
                        enclosing, testClass, method),
                new Call("generateDisplayNameForMethod", new Class<?>[] {Class.class, Method.class}, testClass,
                        method))
                .orElse(standard(method)));
    }

    /**
     * Jupiter's standard name of a method, {@code bowl(double, int)}: what its {@code DisplayNameGenerator.Standard}
     * names a method by and, whatever the display name, what its method descriptors give as legacy reporting name,
     * which surefire's XML reports a method with parameters by. Computed here, so that it needs no Jupiter.
     */
    static String standard(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static Optional<String> declared(AnnotatedElement element) {
        ClassLoader loader = element instanceof Class<?> c ? c.getClassLoader()
                : ((Method) element).getDeclaringClass().getClassLoader();
        return JupiterAnnotations.value(element, loader, "DisplayName").map(String::strip).filter(n -> !n.isBlank());
    }

    /**
     * The name the governing generator gives: {@code call} is the signature of Jupiter 5.12 on, {@code older} the one
     * before (JUnit 6 keeps only the first; 5.11 and earlier only the second).
     */
    private Optional<String> generated(List<Class<?>> enclosing, Class<?> testClass, Call call, Call older) {
        Optional<Object> declared = declaredGenerator(enclosing, testClass);
        if (declared.isPresent()) {
            Optional<String> name = call(declared.get(), call, older);
            if (name.isPresent()) {
                return name;
            }
        }
        return defaultGenerator(testClass.getClassLoader()).flatMap(g -> call(g, call, older));
    }

    private Optional<Object> declaredGenerator(List<Class<?>> enclosing, Class<?> testClass) {
        Class<? extends Annotation> type = JupiterAnnotations.type(testClass.getClassLoader(), "DisplayNameGeneration");
        if (type == null) {
            return Optional.empty();
        }
        Optional<? extends Annotation> found = AnnotationSupport.findAnnotation(testClass, type);
        for (int i = enclosing.size() - 1; found.isEmpty() && i >= 0; i--) {
            found = AnnotationSupport.findAnnotation(enclosing.get(i), type);
        }
        return found.flatMap(annotation -> {
            try {
                return generator((Class<?>) type.getMethod("value").invoke(annotation));
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<Object> defaultGenerator(ClassLoader loader) {
        if (defaultGenerator == null) {
            return Optional.empty();
        }
        Optional<Object> made = defaultInstance;
        if (made == null) {
            try {
                made = generator(Class.forName(defaultGenerator, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.warning(() -> "ignoring " + GENERATOR_DEFAULT + " = '" + defaultGenerator + "': no such class ("
                        + e + "); name a class that implements " + GENERATOR);
                made = Optional.empty();
            }
            defaultInstance = made;
        }
        return made;
    }

    /** One instance per generator class, as Jupiter keeps; empty (warned of once) when it cannot be made. */
    private Optional<Object> generator(Class<?> type) {
        return generators.computeIfAbsent(type, t -> {
            Class<?> api = loadApi(t);
            if (api == null || !api.isAssignableFrom(t)) {
                LOG.warning(() -> "ignoring the display name generator " + t.getName() + ": it does not implement "
                        + GENERATOR);
                return Optional.empty();
            }
            try {
                return Optional.of(ReflectionSupport.newInstance(t));
            } catch (RuntimeException e) {
                LOG.warning(() -> "ignoring the display name generator " + t.getName() + ": it cannot be made ("
                        + e + "); give it a constructor without parameters");
                return Optional.empty();
            }
        });
    }

    private static Class<?> loadApi(Class<?> generatorClass) {
        try {
            return Class.forName(GENERATOR, false, generatorClass.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The generator's answer through whichever of the two signatures its Jupiter has; empty when it fails. */
    private static Optional<String> call(Object generator, Call call, Call older) {
        Class<?> api = loadApi(generator.getClass());
        for (Call c : List.of(call, older)) {
            Method m;
            try {
                m = api.getMethod(c.name(), c.types());
            } catch (NoSuchMethodException e) {
                continue;
            }
            String called = generator.getClass().getName() + "." + c.name() + " for "
                    + c.arguments()[c.arguments().length - 1];
            try {
                Object name = m.invoke(generator, c.arguments());
                if (name instanceof String s && !s.isBlank()) {
                    return Optional.of(s);
                }
                LOG.warning(() -> called + " gave the blank name '" + name + "'; the next rule names it");
            } catch (InvocationTargetException e) {
                LOG.warning(() -> called + " failed (" + e.getCause() + "); the next rule names it");
            } catch (IllegalAccessException e) {
                LOG.warning(() -> "cannot call " + m + ": " + e);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A generator method by name and parameter types, with its arguments. */
    private record Call(String name, Class<?>[] types, Object... arguments) {
    }
}
