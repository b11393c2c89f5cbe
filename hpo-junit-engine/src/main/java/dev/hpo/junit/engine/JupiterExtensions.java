package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The Jupiter extensions registered at one level of an objective's contexts ({@link JupiterExtensionContext}):
 * declaratively with {@code @ExtendWith} on the class (its superclasses' first, meta-annotations such as
 * {@code @SpringJUnitConfig} included) or its fields, or on the objective method or its parameters, and
 * programmatically with {@code @RegisterExtension} on static fields (the class's level) or instance fields (each
 * instance's), or through {@code ServiceLoader} when Jupiter's auto-detection is on (the run's level). An extension
 * class is registered once however often it is declared, as in Jupiter. Jupiter's built-in conditions, which
 * {@code @EnabledOnOs} and its kind register, keep their place among the others as {@link JupiterConditions.BuiltIn}
 * marks, which {@link JupiterConditions} evaluates; the run's level starts with the one of {@code @Disabled}, as
 * Jupiter's engine registers it first.
 *
 * <p>The hpo engine runs the extension points that make sense around an objective's trials — {@link #SUPPORTED} — and
 * refuses, at discovery, an extension that implements another (a {@code TestTemplateInvocationContextProvider}, a
 * {@code ClassTemplateInvocationContextProvider}): it would silently not do its job. An {@code InvocationInterceptor}
 * intercepts a trial's call as {@code interceptTestTemplateMethod}, a trial being an invocation of its objective as a
 * parameterized test's are of its template. Found by name through the class's loader: the engine does not depend on
 * Jupiter.
 */
final class JupiterExtensions {

    static final JupiterExtensions NONE = new JupiterExtensions();

    private static final String PACKAGE = "org.junit.jupiter.api.extension.";
    /** The extension points the engine calls, by simple name. */
    static final Set<String> SUPPORTED = Set.of("ExecutionCondition", "BeforeAllCallback", "AfterAllCallback",
            "TestInstancePostProcessor", "TestInstancePreDestroyCallback", "BeforeEachCallback", "AfterEachCallback",
            "BeforeTestExecutionCallback", "AfterTestExecutionCallback", "ParameterResolver", "TestWatcher",
            "InvocationInterceptor", "TestExecutionExceptionHandler", "LifecycleMethodExecutionExceptionHandler",
            "TestInstancePreConstructCallback", "TestInstanceFactory", "PreInterruptCallback");
    /** The extension point of conditions, Jupiter's built-in ones among them. */
    static final String CONDITION = "ExecutionCondition";
    /** Interfaces of the supported ones, with no behaviour of their own. */
    private static final Set<String> MARKERS = Set.of("Extension", "TestInstantiationAwareExtension");

    private final List<Object> extensions = new ArrayList<>();
    /** The names of the classes registered, a built-in condition's included. */
    private final Set<String> types = new LinkedHashSet<>();

    JupiterExtensions() {
    }

    /**
     * Whether the objective's classes (its own and, for a {@code @Nested} class, those it runs inside of) or its method
     * register any extension, so that its trials need contexts.
     */
    static boolean declared(List<Class<?>> classes, Method method) {
        return !declaredTypes(method).isEmpty() || classes.stream().anyMatch(JupiterExtensions::declaredOn);
    }

    /**
     * Whether the class, or an enclosing class of a {@code @Nested} one, registers extensions, with
     * {@code @ExtendWith} or in {@code @RegisterExtension} fields, or needs their contexts all the same (a
     * {@code @TempDir} factory or deletion strategy of the user's own is called with one).
     */
    static boolean declaredOn(Class<?> testClass) {
        for (Class<?> c : ObjectiveClasses.enclosingChain(testClass)) {
            if (!declaredTypes(c).isEmpty() || !registerFields(c, true).isEmpty()
                    || !registerFields(c, false).isEmpty() || JupiterInjection.usesOwnTempDirClasses(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks, without instantiating anything, that every extension the objective's classes (its own and, for a
     * {@code @Nested} class, those it runs inside of) and its method declare is one the engine can run.
     *
     * @throws InvalidObjectiveException naming the extension and the extension points the engine does not call
     */
    static void check(List<Class<?>> classes, Method method) {
        List<Class<?>> all = new ArrayList<>(declaredTypes(method));
        for (Class<?> c : classes) {
            all.addAll(declaredTypes(c));
            for (Field f : registerFields(c, true)) {
                all.add(f.getType());
            }
            for (Field f : registerFields(c, false)) {
                all.add(f.getType());
            }
        }
        for (Class<?> type : all) {
            checkType(type);
        }
    }

    private static void checkType(Class<?> type) {
        Set<String> unsupported = new TreeSet<>();
        collectUnsupported(type, unsupported);
        if (!unsupported.isEmpty()) {
            throw new InvalidObjectiveException("extension " + type.getName() + " implements " + String.join(", ",
                    unsupported) + ", which the hpo engine does not run (it runs " + String.join(", ",
                    new TreeSet<>(SUPPORTED)) + "); register it on Jupiter tests only, or move the objective to a"
                    + " class without it");
        }
    }

    private static void collectUnsupported(Class<?> type, Set<String> unsupported) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                String name = i.getName();
                if (name.startsWith(PACKAGE)) {
                    String simple = name.substring(PACKAGE.length());
                    if (!SUPPORTED.contains(simple) && !MARKERS.contains(simple)) {
                        unsupported.add(simple);
                    }
                }
                collectUnsupported(i, unsupported);
            }
        }
    }

    /** Jupiter's switch for extensions registered through {@code ServiceLoader}. */
    static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    private static final String AUTODETECTION_INCLUDE = "junit.jupiter.extensions.autodetection.include";
    private static final String AUTODETECTION_EXCLUDE = "junit.jupiter.extensions.autodetection.exclude";

    /** Whether the configuration turns on {@value #AUTODETECTION}, so that every objective runs in contexts. */
    static boolean autodetects(ConfigurationParameters parameters) {
        return parameters.getBoolean(AUTODETECTION).orElse(false);
    }

    /**
     * The extensions {@code ServiceLoader} finds on the class path, for the run's context, when {@value #AUTODETECTION}
     * is true: those whose class names match {@code …autodetection.include} (default: all) and not
     * {@code …autodetection.exclude}, as Jupiter filters them.
     *
     * @throws IllegalStateException naming one that implements an extension point the engine does not run
     */
    static JupiterExtensions autodetected(Function<String, String> parameter, ClassLoader loader) {
        JupiterExtensions registered = new JupiterExtensions();
        registered.add(new JupiterConditions.BuiltIn(JupiterConditions.DISABLED_CONDITION));
        if (!"true".equalsIgnoreCase(String.valueOf(parameter.apply(AUTODETECTION)).strip())) {
            return registered;
        }
        Class<?> extension;
        try {
            extension = Class.forName(PACKAGE + "Extension", false, loader);
        } catch (ClassNotFoundException noJupiter) {
            return registered;
        }
        String include = parameter.apply(AUTODETECTION_INCLUDE);
        List<Pattern> included = JupiterConditions.classNamePatterns(include == null ? "*" : include);
        List<Pattern> excluded = JupiterConditions.classNamePatterns(parameter.apply(AUTODETECTION_EXCLUDE));
        for (Object found : ServiceLoader.load(extension, loader)) {
            String name = found.getClass().getName();
            if (included.stream().anyMatch(p -> p.matcher(name).matches())
                    && excluded.stream().noneMatch(p -> p.matcher(name).matches())) {
                try {
                    checkType(found.getClass());
                } catch (InvalidObjectiveException e) {
                    throw new IllegalStateException("auto-detected " + e.getMessage(), e);
                }
                registered.add(found);
            }
        }
        return registered;
    }

    /**
     * The class's declared extensions and the values of its static {@code @RegisterExtension} fields, but for those
     * the context of its enclosing class ({@code parent}, for a {@code @Nested} class; else the run's) registers
     * already.
     */
    static JupiterExtensions ofClass(Class<?> testClass, JupiterExtensionContext parent) {
        JupiterExtensions registered = new JupiterExtensions();
        registered.instantiate(declared(testClass).stream().filter(type -> !parent.registers(type)).toList());
        registered.registerFields(testClass, null);
        return registered;
    }

    /**
     * The extensions declared on the objective method and its parameters, but for those its class's context
     * ({@code parent}) registers already: as in Jupiter, an extension class is declared once along the way.
     */
    static JupiterExtensions ofMethod(Method method, JupiterExtensionContext parent) {
        JupiterExtensions registered = new JupiterExtensions();
        registered.instantiate(declared(method).stream().filter(type -> !parent.registers(type)).toList());
        return registered;
    }

    /**
     * The conditions registered on the way to an element that registers no other extension, in the order Jupiter
     * evaluates them: the one of {@code @Disabled}, then the built-in ones the annotations of {@code levels} register
     * (the outermost class first, the element last), each once.
     */
    static List<Object> builtInConditions(List<? extends AnnotatedElement> levels) {
        JupiterExtensions registered = new JupiterExtensions();
        registered.add(new JupiterConditions.BuiltIn(JupiterConditions.DISABLED_CONDITION));
        for (AnnotatedElement level : levels) {
            registered.instantiate(declared(level).stream().filter(JupiterConditions::isBuiltIn).toList());
        }
        return registered.implementing(CONDITION);
    }

    /** Whether an extension of this class is registered at this level. */
    synchronized boolean registers(Class<?> type) {
        return types.contains(type.getName());
    }

    /** Registers the values of the instance's {@code @RegisterExtension} fields, once it is post-processed. */
    void registerInstanceFields(Object instance) {
        registerFields(instance.getClass(), instance);
    }

    private void registerFields(Class<?> testClass, Object instance) {
        for (Field f : registerFields(testClass, instance == null)) {
            Object value;
            try {
                f.setAccessible(true);
                value = f.get(instance);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read @RegisterExtension field " + f, e);
            }
            if (value == null) {
                throw new IllegalStateException("@RegisterExtension field " + f.getDeclaringClass().getName() + "."
                        + f.getName() + " is null; initialise it where it is declared");
            }
            if (!implementsType(value.getClass(), PACKAGE + "Extension")) {
                throw new IllegalStateException("@RegisterExtension field " + f.getDeclaringClass().getName() + "."
                        + f.getName() + " holds a " + value.getClass().getName() + ", which is not a Jupiter Extension;"
                        + " register an extension, or drop the annotation");
            }
            checkType(value.getClass());
            add(value);
        }
    }

    private void instantiate(List<Class<?>> declared) {
        for (Class<?> type : declared) {
            if (!registers(type)) {
                add(JupiterConditions.isBuiltIn(type) ? new JupiterConditions.BuiltIn(type.getName())
                        : ReflectionSupport.newInstance(type));
            }
        }
    }

    private synchronized void add(Object extension) {
        types.add(extension instanceof JupiterConditions.BuiltIn b ? b.className() : extension.getClass().getName());
        extensions.add(extension);
    }

    /**
     * The extensions of this level implementing the Jupiter interface with this simple name, in registration order;
     * for {@value #CONDITION}, the built-in conditions' marks too.
     */
    synchronized List<Object> implementing(String simpleName) {
        List<Object> found = new ArrayList<>();
        for (Object e : extensions) {
            if (e instanceof JupiterConditions.BuiltIn ? simpleName.equals(CONDITION)
                    : implementsType(e.getClass(), PACKAGE + simpleName)) {
                found.add(e);
            }
        }
        return found;
    }

    private static boolean implementsType(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name) || implementsType(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The extension classes {@link #declared} names but Jupiter's built-in conditions. */
    private static List<Class<?>> declaredTypes(AnnotatedElement element) {
        return declared(element).stream().filter(type -> !JupiterConditions.isBuiltIn(type)).toList();
    }

    /**
     * The extension classes a class or method declares with {@code @ExtendWith}, present or meta-present (the
     * built-in conditions {@code @EnabledOnOs} and its kind register included), once each, in the order declared: on
     * a class, also those on its fields (registered with the class, as Jupiter registers them before making an
     * instance); on a method, also those on its parameters.
     */
    private static List<Class<?>> declared(AnnotatedElement element) {
        boolean isClass = element instanceof Class<?>;
        Class<?> owner = isClass ? (Class<?>) element : ((Method) element).getDeclaringClass();
        Class<? extends Annotation> extendWith = JupiterAnnotations.type(owner.getClassLoader(),
                "extension.ExtendWith");
        if (extendWith == null) {
            return List.of();
        }
        List<AnnotatedElement> places = new ArrayList<>(List.of(element));
        if (isClass) {
            places.addAll(AnnotationSupport.findAnnotatedFields(owner, extendWith, f -> true,
                    HierarchyTraversalMode.TOP_DOWN));
        } else {
            places.addAll(List.of(((Method) element).getParameters()));
        }
        Set<Class<?>> types = new LinkedHashSet<>();
        for (AnnotatedElement place : places) {
            for (Annotation a : AnnotationSupport.findRepeatableAnnotations(place, extendWith)) {
                types.addAll(List.of((Class<?>[]) JupiterInjection.attribute(a, "value")));
            }
        }
        return List.copyOf(types);
    }

    private static List<Field> registerFields(Class<?> testClass, boolean statics) {
        Class<? extends Annotation> register = JupiterAnnotations.type(testClass.getClassLoader(),
                "extension.RegisterExtension");
        if (register == null) {
            return List.of();
        }
        return AnnotationSupport.findAnnotatedFields(testClass, register,
                f -> Modifier.isStatic(f.getModifiers()) == statics, HierarchyTraversalMode.TOP_DOWN);
    }
}
