package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/**
 * The tags of a class or method from Jupiter's {@code @Tag} (and its container {@code @Tags}), directly present or
 * on a composed annotation, so that objectives take part in the tag filters users already write
 * ({@code -Dgroups=slow}, {@code includeTags}). Read by annotation type name: the engine does not depend on
 * Jupiter, and a project without it simply has no tags. Invalid tag names are left out, as Jupiter leaves them out.
 */
final class JupiterTags {

    private static final String TAG = "org.junit.jupiter.api.Tag";
    private static final String TAGS = "org.junit.jupiter.api.Tags";

    private JupiterTags() {
    }

    static Set<TestTag> of(AnnotatedElement element) {
        Set<TestTag> tags = new LinkedHashSet<>();
        collect(element.getAnnotations(), tags, new HashSet<>());
        return Set.copyOf(tags);
    }

    private static void collect(Annotation[] annotations, Set<TestTag> tags, Set<Class<?>> visited) {
        for (Annotation a : annotations) {
            Class<? extends Annotation> type = a.annotationType();
            String name = type.getName();
            if (name.equals(TAG)) {
                add(value(a), tags);
            } else if (name.equals(TAGS)) {
                for (Annotation inner : (Annotation[]) value(a)) {
                    add(value(inner), tags);
                }
            } else if (!name.startsWith("java.lang.annotation.") && visited.add(type)) {
                collect(type.getAnnotations(), tags, visited);
            }
        }
    }

    private static void add(Object name, Set<TestTag> tags) {
        if (name instanceof String s && TestTag.isValid(s)) {
            tags.add(TestTag.create(s));
        }
    }

    private static Object value(Annotation annotation) {
        try {
            Method value = annotation.annotationType().getMethod("value");
            return value.invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + annotation.annotationType().getName() + ".value()", e);
        }
    }
}
