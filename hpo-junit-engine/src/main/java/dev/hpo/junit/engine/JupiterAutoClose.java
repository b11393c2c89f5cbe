package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Jupiter's {@code @AutoClose} (JUnit 5.11 on) for objective classes: a field so annotated is closed when what it
 * belongs to is done, with the method the annotation names ({@code close} by default) — an instance's fields when the
 * instance is, after each trial for the instances made for it (after the {@code @AfterEach} methods and the
 * extensions' callbacks) and after {@code @AfterAll} for a per-class instance; static fields after the class's
 * {@code @AfterAll} methods and {@code AfterAll} callbacks. A subclass's fields are closed before its superclass's, as
 * Jupiter does. A null field is skipped with a warning; a close that throws, or a field with no such method, fails the
 * trial (or the class) after the others are closed.
 */
final class JupiterAutoClose {

    private static final Logger LOG = Logger.getLogger(JupiterAutoClose.class.getName());

    private JupiterAutoClose() {
    }

    /** Each class's {@code @AutoClose} instance fields, a subclass's first: looked up once, not at every trial. */
    private static final ClassValue<List<Field>> INSTANCE_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return fields(type, false);
        }
    };

    /** Closes the instance fields of {@code instances} from {@code from} on, the innermost's first. */
    static Throwable closeInstances(List<Object> instances, int from, Throwable failure) {
        for (int i = instances.size() - 1; i >= from; i--) {
            Object instance = instances.get(i);
            failure = close(INSTANCE_FIELDS.get(instance.getClass()), instance, failure);
        }
        return failure;
    }

    /** Whether {@code type} or a superclass has a static {@code @AutoClose} field. */
    static boolean declaresStatic(Class<?> type) {
        return !fields(type, true).isEmpty();
    }

    /** Closes the static fields of {@code type} and its superclasses. */
    static Throwable closeStatics(Class<?> type, Throwable failure) {
        return close(fields(type, true), null, failure);
    }

    private static List<Field> fields(Class<?> type, boolean statics) {
        Class<? extends Annotation> autoClose = JupiterAnnotations.type(type.getClassLoader(), "AutoClose");
        return autoClose == null ? List.of() : ReflectionSupport.findFields(type, f -> Modifier.isStatic(
                f.getModifiers()) == statics && AnnotationSupport.isAnnotated(f, autoClose),
                HierarchyTraversalMode.BOTTOM_UP);
    }

    private static Throwable close(List<Field> fields, Object instance, Throwable failure) {
        for (Field field : fields) {
            try {
                closeField(field, instance);
            } catch (Exception | Error e) {
                failure = JupiterLifecycle.combine(failure, e);
            }
        }
        return failure;
    }

    private static void closeField(Field field, Object instance) throws Exception {
        String where = "@AutoClose field " + field.getDeclaringClass().getName() + "." + field.getName();
        if (field.getType().isPrimitive() || field.getType().isArray()) {
            throw new IllegalStateException(where + " is of type " + field.getType().getSimpleName()
                    + ", which cannot be closed; annotate a field that holds a resource");
        }
        field.setAccessible(true);
        Object resource = field.get(instance);
        if (resource == null) {
            LOG.warning(() -> where + " is null: nothing to close");
            return;
        }
        String name = methodName(field);
        Method close = closeMethod(field.getType(), resource.getClass(), name).orElseThrow(() ->
                new IllegalStateException(where + " holds a " + resource.getClass().getName() + ", which has no "
                        + name + "() method; name the method that closes it, @AutoClose(\"shutdown\") say"));
        try {
            close.invoke(resource);
        } catch (InvocationTargetException e) {
            JupiterLifecycle.rethrow(e.getCause());
        }
    }

    /**
     * The method without parameters, found where it can be called: public on the field's declared type (an
     * {@code ExecutorService}'s {@code shutdown()}, whatever hidden class implements it), else on the value's class.
     */
    private static Optional<Method> closeMethod(Class<?> declared, Class<?> actual, String name) {
        for (Class<?> type : List.of(declared, actual)) {
            try {
                Method m = type.getMethod(name);
                if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    return Optional.of(m);
                }
            } catch (NoSuchMethodException notPublic) {
                // look further
            }
        }
        return ReflectionSupport.findMethod(actual, name).filter(Method::trySetAccessible);
    }

    private static String methodName(Field field) {
        Class<? extends Annotation> autoClose = JupiterAnnotations.type(field.getDeclaringClass().getClassLoader(),
                "AutoClose");
        return AnnotationSupport.findAnnotation(field, autoClose).map(a -> {
            try {
                return String.valueOf(autoClose.getMethod("value").invoke(a)).strip();
            } catch (ReflectiveOperationException e) {
                return "close";
            }
        }).filter(n -> !n.isEmpty()).orElse("close");
    }
}
