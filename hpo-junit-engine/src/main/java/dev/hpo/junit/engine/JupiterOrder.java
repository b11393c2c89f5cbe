package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;

/**
 * The order studies run in, as Jupiter orders tests: the objective classes by
 * {@code junit.jupiter.testclass.order.default} ({@code ClassOrderer}), a class's {@code @Nested} classes by its
 * {@code @TestClassOrder} (or the nearest enclosing class's, else that default), and a class's objectives by its
 * {@code @TestMethodOrder}, else {@code junit.jupiter.testmethod.order.default} ({@code MethodOrderer}); else the
 * order of discovery. The orderer itself ({@code OrderAnnotation}, {@code ClassName}/{@code MethodName},
 * {@code DisplayName}, {@code Random} or one of the project's own) sorts descriptors handed to it as Jupiter would
 * hand it the test classes or methods; so the studies run in the order their author asked for ({@code @Order(1)} on
 * the quick one, say). An orderer that cannot be made or that throws leaves the order as it was, with a warning.
 */
final class JupiterOrder {

    static final String DEFAULT_METHOD_ORDER = "junit.jupiter.testmethod.order.default";
    static final String DEFAULT_CLASS_ORDER = "junit.jupiter.testclass.order.default";
    private static final Logger LOG = Logger.getLogger(JupiterOrder.class.getName());
    private static final String API = "org.junit.jupiter.api.";

    private JupiterOrder() {
    }

    /** Orders the engine's classes, and below each class its nested classes and its objectives. */
    static void apply(TestDescriptor engine, ConfigurationParameters parameters) {
        List<ObjectiveClassDescriptor> classes = children(engine, ObjectiveClassDescriptor.class);
        if (!classes.isEmpty()) {
            Class<?> any = classes.get(0).testClass();
            order(engine, classes, configured(parameters, DEFAULT_CLASS_ORDER, any.getClassLoader()), "ClassOrderer",
                    parameters, "the objective classes");
        }
        for (ObjectiveClassDescriptor c : classes) {
            applyBelow(c, parameters);
        }
    }

    private static void applyBelow(ObjectiveClassDescriptor classDescriptor, ConfigurationParameters parameters) {
        Class<?> testClass = classDescriptor.testClass();
        List<ObjectiveClassDescriptor> nested = children(classDescriptor, ObjectiveClassDescriptor.class);
        order(classDescriptor, nested, nestedOrderer(classDescriptor, parameters), "ClassOrderer", parameters,
                "the @Nested classes of " + testClass.getName());
        order(classDescriptor, children(classDescriptor, ObjectiveDescriptor.class),
                annotated(testClass, "TestMethodOrder").or(() -> configured(parameters, DEFAULT_METHOD_ORDER,
                        testClass.getClassLoader())), "MethodOrderer", parameters,
                "the objectives of " + testClass.getName());
        for (ObjectiveClassDescriptor n : nested) {
            applyBelow(n, parameters);
        }
    }

    /** The class's {@code @TestClassOrder}, else the nearest enclosing class's, else the configured default. */
    private static Optional<Class<?>> nestedOrderer(ObjectiveClassDescriptor classDescriptor,
            ConfigurationParameters parameters) {
        for (ObjectiveClassDescriptor c = classDescriptor; c != null; c = c.enclosing()) {
            Optional<Class<?>> found = annotated(c.testClass(), "TestClassOrder");
            if (found.isPresent()) {
                return found;
            }
        }
        return configured(parameters, DEFAULT_CLASS_ORDER, classDescriptor.testClass().getClassLoader());
    }

    private static <T extends TestDescriptor> List<T> children(TestDescriptor parent, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (TestDescriptor child : parent.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
        }
        return found;
    }

    /**
     * Hands the items' descriptors to the orderer ({@code kind}: {@code ClassOrderer} or {@code MethodOrderer}) and
     * puts the items under {@code parent} in the order it left them, in the places they held among its children.
     */
    private static void order(TestDescriptor parent, List<? extends TestDescriptor> items, Optional<Class<?>> orderer,
            String kind, ConfigurationParameters parameters, String what) {
        if (orderer.isEmpty() || items.size() < 2) {
            return;
        }
        boolean classes = kind.equals("ClassOrderer");
        Class<?> first = element(items.get(0)) instanceof Class<?> c ? c : ((ObjectiveDescriptor) items.get(0))
                .method().getDeclaringClass();
        ClassLoader loader = first.getClassLoader();
        try {
            Class<?> descriptorType = Class.forName(API + (classes ? "ClassDescriptor" : "MethodDescriptor"), false,
                    loader);
            Class<?> contextType = Class.forName(API + kind + "Context", false, loader);
            Map<Object, TestDescriptor> byProxy = new IdentityHashMap<>();
            List<Object> descriptors = new ArrayList<>();
            for (TestDescriptor item : items) {
                Object proxy = descriptor(descriptorType, item);
                byProxy.put(proxy, item);
                descriptors.add(proxy);
            }
            Class<?> testClass = parent instanceof ObjectiveClassDescriptor c ? c.testClass() : null;
            Object context = Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (p, m, args) ->
                    switch (m.getName()) {
                        case "getTestClass" -> testClass;
                        case "getClassDescriptors", "getMethodDescriptors" -> descriptors;
                        case "getConfigurationParameter" -> parameters.get((String) args[0]);
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> kind + "Context[" + what + "]";
                    });
            Object instance = ReflectionSupport.newInstance(orderer.get());
            orderer.get().getMethod(classes ? "orderClasses" : "orderMethods", contextType).invoke(instance, context);
            List<TestDescriptor> ordered = new ArrayList<>();
            for (Object d : descriptors) {
                TestDescriptor item = byProxy.get(d);
                if (item != null && !ordered.contains(item)) {
                    ordered.add(item);
                }
            }
            for (TestDescriptor item : items) {
                if (!ordered.contains(item)) {
                    ordered.add(item);  // an orderer may not drop one: it keeps its place at the end, as in Jupiter
                }
            }
            // the items take each other's places; the parent's other children keep theirs
            List<TestDescriptor> children = new ArrayList<>(parent.getChildren());
            children.forEach(parent::removeChild);
            int next = 0;
            for (TestDescriptor child : children) {
                parent.addChild(items.contains(child) ? ordered.get(next++) : child);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            LOG.log(Level.WARNING, what + " keep their order: " + orderer.get().getName() + " could not order them ("
                    + cause + ")");
        }
    }

    /** The orderer an annotation ({@code TestMethodOrder} or {@code TestClassOrder}) on the class names. */
    private static Optional<Class<?>> annotated(Class<?> testClass, String annotationName) {
        Class<? extends Annotation> annotation = JupiterAnnotations.type(testClass.getClassLoader(), annotationName);
        if (annotation == null) {
            return Optional.empty();
        }
        return AnnotationSupport.findAnnotation(testClass, annotation).flatMap(found -> {
            try {
                return Optional.of((Class<?>) annotation.getMethod("value").invoke(found));
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        });
    }

    /** The orderer a configuration parameter names, loaded by the test classes' loader. */
    private static Optional<Class<?>> configured(ConfigurationParameters parameters, String key, ClassLoader loader) {
        Optional<String> name = parameters.get(key).map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Class<?>> loaded = ReflectionSupport.tryToLoadClass(name.get(), loader).toOptional();
        if (loaded.isEmpty()) {
            LOG.warning(key + " = " + name.get() + " is not a class on the test classpath; the order stays as it is");
        }
        return loaded;
    }

    /** What a descriptor stands for: a class descriptor's class, an objective's method. */
    private static AnnotatedElement element(TestDescriptor item) {
        return item instanceof ObjectiveClassDescriptor c ? c.testClass() : ((ObjectiveDescriptor) item).method();
    }

    /** Jupiter's {@code ClassDescriptor} or {@code MethodDescriptor} of an item: its element, name and annotations. */
    @SuppressWarnings("unchecked")
    private static Object descriptor(Class<?> type, TestDescriptor item) {
        AnnotatedElement element = element(item);
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) ->
                switch (m.getName()) {
                    case "getTestClass", "getMethod" -> element;
                    case "getDisplayName" -> item.getDisplayName();
                    case "isAnnotated" -> AnnotationSupport.isAnnotated(element, (Class<? extends Annotation>) args[0]);
                    case "findAnnotation" -> AnnotationSupport.findAnnotation(element,
                            (Class<? extends Annotation>) args[0]);
                    case "findRepeatableAnnotations" -> AnnotationSupport.findRepeatableAnnotations(element,
                            (Class<? extends Annotation>) args[0]);
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> type.getSimpleName() + "[" + element + "]";
                });
    }
}
