package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Jupiter's built-in conditions on an objective class or method, directly or on a composed annotation: the objective is
 * skipped with the reason Jupiter gives for the same annotation, word for word, so that a report or an IDE shows what
 * it shows for a test. {@code @Disabled}; {@code @EnabledOnOs}/{@code @DisabledOnOs} (operating systems and
 * architectures); {@code @EnabledOnJre}/{@code @DisabledOnJre} and {@code @EnabledForJreRange}/
 * {@code @DisabledForJreRange}; {@code @EnabledIfSystemProperty}, {@code @EnabledIfEnvironmentVariable} and their
 * {@code Disabled} twins (repeatable, every one must allow it; {@code @EnabledInNativeImage} and
 * {@code @DisabledInNativeImage} are composed of them); {@code @EnabledIf}/{@code @DisabledIf} with a static condition
 * method ({@code "isCi"} in the class, or {@code "com.example.Conditions#isCi"}, taking nothing or the element's
 * {@code ExtensionContext}). A class's conditions disable the class as a whole ({@link ObjectiveClassDescriptor}), a
 * method's the objective, each reading only its element's annotations, as Jupiter's do.
 *
 * <p>Jupiter implements these as extensions, registered where their annotations are declared; the hpo engine keeps
 * their places among the other extensions ({@link JupiterExtensions}, {@link BuiltIn}), so that of several conditions
 * that disable an element the first Jupiter asks gives the reason, but does not run Jupiter's classes: their rules are
 * simple and public, so they are read here, by annotation name, and the enums' own {@code isCurrentOs()} and
 * {@code isCurrentVersion()} decide. {@code junit.jupiter.conditions.deactivate}
 * turns conditions off by the names of Jupiter's condition classes ({@code org.junit.*DisabledCondition}, {@code *}),
 * as it does in Jupiter. A condition hpo cannot evaluate (a condition method that does not exist or is not static; a
 * regular expression that does not compile) throws, which fails the objective with the reason.
 */
final class JupiterConditions {

    static final String DEACTIVATE = "junit.jupiter.conditions.deactivate";
    /** The condition of {@code @Disabled}, which Jupiter's engine registers before every other extension. */
    static final String DISABLED_CONDITION = "org.junit.jupiter.engine.extension.DisabledCondition";
    private static final String CONDITION = "org.junit.jupiter.api.condition.";

    private final List<Pattern> deactivated;

    /** @param deactivate the value of {@value #DEACTIVATE}, or null */
    JupiterConditions(String deactivate) {
        this.deactivated = classNamePatterns(deactivate);
    }

    /**
     * Jupiter's class name patterns, as its configuration parameters give them: comma-separated, {@code *} for any
     * characters ({@code org.junit.*DisabledCondition}); null gives none.
     */
    static List<Pattern> classNamePatterns(String patterns) {
        List<Pattern> compiled = new ArrayList<>();
        if (patterns != null) {
            for (String p : patterns.split(",")) {
                if (!p.isBlank()) {
                    compiled.add(Pattern.compile(Arrays.stream(p.strip().split("\\*", -1)).map(Pattern::quote)
                            .reduce((a, b) -> a + ".*" + b).orElse("")));
                }
            }
        }
        return List.copyOf(compiled);
    }

    /**
     * Why the built-in {@code condition} disables the element (a class or an objective's method), if it does, as
     * Jupiter words it ({@code "too slow for CI"} for {@code @Disabled("too slow for CI")}): it reads only the
     * element's own annotations, as Jupiter's does; a condition method that takes an {@code ExtensionContext} gets the
     * element's ({@code context}), made only then. A condition {@value #DEACTIVATE} turns off, or one hpo does not
     * know (of a later Jupiter), disables nothing.
     */
    Optional<String> reason(BuiltIn condition, AnnotatedElement element, Class<?> testClass,
            Supplier<Object> context) {
        if (!active(condition.className())) {
            return Optional.empty();
        }
        ClassLoader loader = testClass.getClassLoader();
        if (condition.className().equals(DISABLED_CONDITION)) {
            // its value, else the element as Java prints it: "class a.Tuning is @Disabled", "int a.Tuning.m(int) …"
            return JupiterAnnotations.value(element, loader, "Disabled")
                    .map(value -> value.isBlank() ? element + " is @Disabled" : value);
        }
        for (Check check : checks(testClass, context)) {
            if (!condition.className().equals(CONDITION + check.annotation() + "Condition")) {
                continue;
            }
            Class<? extends Annotation> type = JupiterAnnotations.type(loader, "condition." + check.annotation());
            if (type == null) {
                return Optional.empty();  // added in a later Jupiter than the project's
            }
            List<? extends Annotation> found = check.repeatable()
                    ? AnnotationSupport.findRepeatableAnnotations(element, type)
                    : AnnotationSupport.findAnnotation(element, type).map(List::of).orElse(List.of());
            for (Annotation a : found) {
                Optional<String> why = check.rule().apply(a);
                if (why.isPresent()) {
                    return why;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the class is one of Jupiter's built-in conditions, which this class evaluates. */
    static boolean isBuiltIn(Class<?> type) {
        return type.getName().startsWith(CONDITION);
    }

    /**
     * One of Jupiter's built-in conditions among the extensions registered at a level ({@link JupiterExtensions}), by
     * the name of Jupiter's class: it holds its place in the order conditions are evaluated in, and this class
     * evaluates it ({@link #reason(BuiltIn, AnnotatedElement, Class, Supplier)}).
     */
    record BuiltIn(String className) {
    }

    /** Whether {@value #DEACTIVATE} leaves the condition class with this name on. */
    boolean active(String conditionClass) {
        return deactivated.stream().noneMatch(p -> p.matcher(conditionClass).matches());
    }

    /** One built-in condition: its annotation's simple name and why it disables, in Jupiter's words, if it does. */
    private record Check(String annotation, boolean repeatable, Function<Annotation, Optional<String>> rule) {
    }

    private static List<Check> checks(Class<?> testClass, Supplier<Object> context) {
        return List.of(
                new Check("EnabledOnOs", false, a -> osMatches(a) ? Optional.empty() : Optional.of(here(a))),
                new Check("DisabledOnOs", false, a -> osMatches(a) ? Optional.of(here(a)) : Optional.empty()),
                new Check("EnabledOnJre", false, a -> jreMatches(a) ? Optional.empty() : Optional.of(java(a))),
                new Check("DisabledOnJre", false, a -> jreMatches(a) ? Optional.of(java(a)) : Optional.empty()),
                new Check("EnabledForJreRange", false, a -> inRange(a) ? Optional.empty() : Optional.of(java(a))),
                new Check("DisabledForJreRange", false, a -> inRange(a) ? Optional.of(java(a)) : Optional.empty()),
                new Check("EnabledIfSystemProperty", true,
                        a -> matches(a, "System property", System::getProperty, true)),
                new Check("DisabledIfSystemProperty", true,
                        a -> matches(a, "System property", System::getProperty, false)),
                new Check("EnabledIfEnvironmentVariable", true,
                        a -> matches(a, "Environment variable", System::getenv, true)),
                new Check("DisabledIfEnvironmentVariable", true,
                        a -> matches(a, "Environment variable", System::getenv, false)),
                new Check("EnabledIf", false, a -> conditionMethod(a, testClass, context) ? Optional.empty()
                        : Optional.of(evaluated(a, false))),
                new Check("DisabledIf", false, a -> conditionMethod(a, testClass, context)
                        ? Optional.of(evaluated(a, true)) : Optional.empty()));
    }

    /**
     * Jupiter's reason for a condition that disables, as {@code ConditionEvaluationResult.disabled(reason,
     * customReason)} words it: its own, then the annotation's {@code disabledReason} after {@code " ==> "} when it
     * gives one.
     */
    private static String disabled(Annotation a, String reason) {
        String own = ownReason(a);
        return own.isBlank() ? reason : reason.strip() + " ==> " + own.strip();
    }

    /** The annotation's {@code disabledReason}, empty when it gives none (or the project's Jupiter has none). */
    private static String ownReason(Annotation a) {
        return attribute(a, "disabledReason") instanceof String s ? s : "";
    }

    /**
     * The reason of an {@code @EnabledIf}/{@code @DisabledIf} that disables: its {@code disabledReason} alone when it
     * gives one, else {@code @EnabledIf("isCi") evaluated to false}, as Jupiter's {@code MethodBasedCondition} has it.
     */
    private static String evaluated(Annotation a, boolean result) {
        String own = ownReason(a);
        return !own.isBlank() ? own : "@" + a.annotationType().getSimpleName() + "(\"" + attribute(a, "value")
                + "\") evaluated to " + result;
    }

    /** Whether this system is among the annotation's operating systems and architectures (either may be empty). */
    private static boolean osMatches(Annotation a) {
        Object[] systems = array(attribute(a, "value"));
        Object[] architectures = array(attribute(a, "architectures"));
        if (systems.length == 0 && architectures.length == 0) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + " names no operating system"
                    + " and no architecture");
        }
        String arch = System.getProperty("os.arch");
        boolean os = systems.length == 0 || Arrays.stream(systems).anyMatch(s -> (Boolean) call(s, "isCurrentOs"));
        return os && (architectures.length == 0
                || Arrays.stream(architectures).anyMatch(x -> ((String) x).equalsIgnoreCase(arch)));
    }

    private static boolean jreMatches(Annotation a) {
        Object[] jres = array(attribute(a, "value"));
        Object[] versions = array(attribute(a, "versions"));
        if (jres.length == 0 && versions.length == 0) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + " names no JRE");
        }
        int current = Runtime.version().feature();
        return Arrays.stream(jres).anyMatch(j -> (Boolean) call(j, "isCurrentVersion"))
                || Arrays.stream(versions).anyMatch(v -> (Integer) v == current);
    }

    /**
     * Whether the current Java is within the annotation's range: {@code minVersion}/{@code maxVersion} when set, else
     * the {@code min}/{@code max} constants ({@code JAVA_17} is 17, {@code OTHER} beyond every named one, unset ends
     * open).
     */
    private static boolean inRange(Annotation a) {
        int min = version(attribute(a, "minVersion"), attribute(a, "min"), Integer.MIN_VALUE);
        int max = version(attribute(a, "maxVersion"), attribute(a, "max"), Integer.MAX_VALUE);
        if (min > max) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + " has min " + min + " > max "
                    + max);
        }
        int current = Runtime.version().feature();
        return current >= min && current <= max;
    }

    private static int version(Object number, Object jre, int open) {
        if (number instanceof Integer n && n != -1) {
            return n;
        }
        String name = jre == null ? "UNDEFINED" : ((Enum<?>) jre).name();
        if (name.startsWith("JAVA_")) {
            return Integer.parseInt(name.substring("JAVA_".length()));
        }
        return name.equals("OTHER") ? Integer.MAX_VALUE : open;
    }

    /**
     * An {@code @EnabledIf…}/{@code @DisabledIf…} on a system property or environment variable ({@code what}, as
     * Jupiter's reasons begin): the enabled kind disables unless the value exists and matches, the disabled kind
     * disables when it does.
     */
    private static Optional<String> matches(Annotation a, String what, Function<String, String> lookup,
            boolean enabledKind) {
        String named = ((String) attribute(a, "named")).strip();
        String regex = ((String) attribute(a, "matches")).strip();
        if (named.isEmpty() || regex.isBlank()) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + " needs a name and a regular"
                    + " expression (named, matches)");
        }
        String value = lookup.apply(named);
        boolean matching;
        try {
            matching = value != null && value.matches(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + "(matches = \"" + regex
                    + "\") is not a regular expression: " + e.getDescription(), e);
        }
        String state = value == null ? what + " [" + named + "] does not exist"
                : what + " [" + named + "] with value [" + value + "] " + (matching ? "matches" : "does not match")
                        + " regular expression [" + regex + "]";
        return matching != enabledKind ? Optional.of(disabled(a, state)) : Optional.empty();
    }

    /**
     * Calls the static condition method an {@code @EnabledIf}/{@code @DisabledIf} names, with the
     * {@code ExtensionContext} of the annotated element when it takes one.
     */
    private static boolean conditionMethod(Annotation a, Class<?> testClass, Supplier<Object> context) {
        String value = ((String) attribute(a, "value")).strip();
        Class<?> owner = testClass;
        String name = value;
        int hash = value.indexOf('#');
        if (hash >= 0) {
            String className = value.substring(0, hash);
            name = value.substring(hash + 1);
            owner = ReflectionSupport.tryToLoadClass(className, testClass.getClassLoader()).toOptional()
                    .orElseThrow(() -> new IllegalStateException("@" + a.annotationType().getSimpleName() + "(\""
                            + value + "\"): no class " + className));
        }
        Class<?> in = owner;
        String methodName = name;
        Class<?> contextType = ReflectionSupport.tryToLoadClass("org.junit.jupiter.api.extension.ExtensionContext",
                testClass.getClassLoader()).toOptional().orElse(null);
        Method m = ReflectionSupport.findMethod(in, methodName)
                .or(() -> context == null || contextType == null ? Optional.empty()
                        : ReflectionSupport.findMethod(in, methodName, contextType))
                .orElseThrow(() -> new IllegalStateException("@" + a.annotationType().getSimpleName() + "(\"" + value
                        + "\"): " + in.getSimpleName() + " has no method " + methodName + "() without parameters or"
                        + " with an ExtensionContext"));
        if (m.getReturnType() != boolean.class && m.getReturnType() != Boolean.class) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + "(\"" + value + "\"): "
                    + m.getName() + "() returns " + m.getReturnType().getSimpleName()
                    + "; a condition returns boolean");
        }
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new IllegalStateException("@" + a.annotationType().getSimpleName() + "(\"" + value + "\"): "
                    + m.getName() + "() is not static; the hpo engine evaluates conditions before any instance exists,"
                    + " so make it static");
        }
        return Boolean.TRUE.equals(m.getParameterCount() == 0 ? ReflectionSupport.invokeMethod(m, null)
                : ReflectionSupport.invokeMethod(m, null, context.get()));
    }

    /** Jupiter's reason for an operating system or architecture that disables: what the annotation names, here. */
    private static String here(Annotation a) {
        boolean systems = array(attribute(a, "value")).length > 0;
        boolean architectures = array(attribute(a, "architectures")).length > 0;
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        return disabled(a, systems ? "Disabled on operating system: " + (architectures ? os + " (" + arch + ")" : os)
                : "Disabled on architecture: " + arch);
    }

    private static String java(Annotation a) {
        return disabled(a, "Disabled on JRE version: " + System.getProperty("java.version"));
    }

    private static Object[] array(Object value) {
        if (value == null) {
            return new Object[0];
        }
        Object[] out = new Object[Array.getLength(value)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Array.get(value, i);
        }
        return out;
    }

    /** An attribute of the annotation, or null when the project's Jupiter does not have it. */
    private static Object attribute(Annotation a, String name) {
        try {
            return a.annotationType().getMethod(name).invoke(a);
        } catch (NoSuchMethodException older) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read @" + a.annotationType().getSimpleName() + "." + name + "()",
                    e);
        }
    }

    private static Object call(Object constant, String method) {
        Class<?> type = ((Enum<?>) constant).getDeclaringClass();
        try {
            return type.getMethod(method).invoke(constant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + type.getSimpleName() + "." + method
                    + "() of the project's Jupiter", e);
        }
    }
}
