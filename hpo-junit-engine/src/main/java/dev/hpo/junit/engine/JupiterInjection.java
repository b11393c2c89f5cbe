package dev.hpo.junit.engine;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What Jupiter's built-in resolvers give a test without any extension, and so what the hpo engine gives objectives,
 * their lifecycle methods and their class's constructor: a {@code TestInfo}, a {@code TestReporter}, and a temporary
 * directory for a {@code @TempDir} parameter or field of type {@code Path} or {@code File}, made by Jupiter's standard
 * factory or one of the user's own.
 * Recognised by type name through the objective class's loader, as {@link JupiterAnnotations} reads annotations: the
 * engine does not depend on Jupiter. {@link JupiterScope} makes the values.
 */
enum JupiterInjection {

    TEST_INFO, TEST_REPORTER, TEMP_DIR;

    private static final String TEST_INFO_TYPE = "org.junit.jupiter.api.TestInfo";
    static final String TEST_REPORTER_TYPE = "org.junit.jupiter.api.TestReporter";
    static final String TEMP_DIR_ANNOTATION = "io.TempDir";

    /**
     * What fills the parameter, if Jupiter's built-in resolvers would.
     *
     * @throws InvalidObjectiveException for a {@code @TempDir} the engine cannot honour (see {@link #checkTempDir})
     */
    static Optional<JupiterInjection> of(Parameter parameter, String what) {
        String type = parameter.getType().getName();
        if (type.equals(TEST_INFO_TYPE)) {
            return Optional.of(TEST_INFO);
        }
        if (type.equals(TEST_REPORTER_TYPE)) {
            return Optional.of(TEST_REPORTER);
        }
        Optional<Annotation> tempDir = tempDir(parameter, parameter.getDeclaringExecutable().getDeclaringClass());
        if (tempDir.isPresent()) {
            checkTempDir(tempDir.get(), parameter.getType(), what);
            return Optional.of(TEMP_DIR);
        }
        return Optional.empty();
    }

    /** The {@code @TempDir} fields of the class and its superclasses, static or not, checked as Jupiter checks them. */
    static List<Field> tempDirFields(Class<?> testClass, boolean statics) {
        Class<? extends Annotation> type = JupiterAnnotations.type(testClass.getClassLoader(), TEMP_DIR_ANNOTATION);
        if (type == null) {
            return List.of();
        }
        List<Field> fields = AnnotationSupport.findAnnotatedFields(testClass, type,
                f -> Modifier.isStatic(f.getModifiers()) == statics, HierarchyTraversalMode.TOP_DOWN);
        for (Field f : fields) {
            String what = "@TempDir field " + f.getDeclaringClass().getName() + "." + f.getName();
            if (Modifier.isFinal(f.getModifiers())) {
                throw new InvalidObjectiveException(what + " is final; the engine assigns it, so drop final");
            }
            checkTempDir(f.getAnnotation(type), f.getType(), what);
            f.setAccessible(true);
        }
        return List.copyOf(fields);
    }

    /** The element's {@code @TempDir}, if it has one and the class sees Jupiter. */
    static Optional<Annotation> tempDir(AnnotatedElement element, Class<?> testClass) {
        Class<? extends Annotation> type = JupiterAnnotations.type(testClass.getClassLoader(), TEMP_DIR_ANNOTATION);
        return type == null ? Optional.empty() : Optional.ofNullable(element.getAnnotation(type));
    }

    /** Refuses what the engine cannot honour: a type other than {@code Path} or {@code File}. */
    private static void checkTempDir(Annotation tempDir, Class<?> type, String what) {
        if (type != Path.class && type != File.class) {
            throw new InvalidObjectiveException(what + " is " + ObjectiveParser.typeWithArticle(type)
                    + "; @TempDir fits Path and File");
        }
    }

    /**
     * The class a {@code @TempDir}'s attribute ({@code factory} or {@code deletionStrategy}) names, or, where it names
     * the interface itself (it names none), the configured default ({@code configured}, null for the standard one);
     * null as well where the Jupiter version has no such attribute.
     */
    static Class<?> effective(Annotation tempDir, String attribute, Class<?> configured) {
        Object value = attribute(tempDir, attribute);
        return value instanceof Class<?> c && c.isInterface() ? configured : (Class<?>) value;
    }

    /** The class if it is one of the user's own rather than Jupiter's standard ones; else null. */
    static Class<?> own(Class<?> type) {
        return type != null && !type.isInterface() && !type.getName().endsWith("$Standard")
                && !type.getName().endsWith("$IgnoreFailures") ? type : null;
    }

    private static boolean namesOwnClass(Annotation tempDir) {
        return own(effective(tempDir, "factory", null)) != null
                || own(effective(tempDir, "deletionStrategy", null)) != null;
    }

    /**
     * Whether a {@code @TempDir} of the class, on a field or on a method's parameter, names a factory or deletion
     * strategy of the user's own, which is called with an {@code ExtensionContext}: the class's objectives then run in
     * extension contexts.
     */
    static boolean usesOwnTempDirClasses(Class<?> testClass) {
        Class<? extends Annotation> type = JupiterAnnotations.type(testClass.getClassLoader(), TEMP_DIR_ANNOTATION);
        if (type == null) {
            return false;
        }
        for (Field f : AnnotationSupport.findAnnotatedFields(testClass, type)) {
            if (namesOwnClass(f.getAnnotation(type))) {
                return true;
            }
        }
        for (Method m : ReflectionSupport.findMethods(testClass, m -> m.getParameterCount() > 0,
                HierarchyTraversalMode.TOP_DOWN)) {
            for (Parameter p : m.getParameters()) {
                Annotation a = p.getAnnotation(type);
                if (a != null && namesOwnClass(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An attribute of the annotation, or null when this Jupiter version does not have it. */
    static Object attribute(Annotation annotation, String name) {
        try {
            Method m = annotation.annotationType().getMethod(name);
            return m.invoke(annotation);
        } catch (NoSuchMethodException older) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read @TempDir." + name + "()", e);
        }
    }
}
