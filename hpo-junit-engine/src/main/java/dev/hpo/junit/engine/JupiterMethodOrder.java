package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
 * The order of a class's objectives as Jupiter orders a class's test methods: the class's {@code @TestMethodOrder},
 * else the default {@code junit.jupiter.testmethod.order.default}, else the order of discovery. The orderer itself
 * ({@code MethodOrderer.OrderAnnotation}, {@code MethodName}, {@code DisplayName}, {@code Random} or one of the
 * project's own) sorts descriptors of the objectives, handed to it as Jupiter would hand it the test methods; so the
 * studies of a class run in the order its author asked for ({@code @Order(1)} on the quick one, say). An orderer that
 * cannot be made or that throws leaves the order as it was, with a warning.
 */
final class JupiterMethodOrder {

    static final String DEFAULT_ORDER = "junit.jupiter.testmethod.order.default";
    private static final Logger LOG = Logger.getLogger(JupiterMethodOrder.class.getName());
    private static final String API = "org.junit.jupiter.api.";

    private JupiterMethodOrder() {
    }

    /** Reorders the objectives under {@code classDescriptor} (other children keep their places after them). */
    static void apply(ObjectiveClassDescriptor classDescriptor, ConfigurationParameters parameters) {
        Class<?> testClass = classDescriptor.testClass();
        ClassLoader loader = testClass.getClassLoader();
        Class<?> ordererType = orderer(testClass, parameters);
        if (ordererType == null) {
            return;
        }
        List<ObjectiveDescriptor> objectives = new ArrayList<>();
        for (TestDescriptor child : classDescriptor.getChildren()) {
            if (child instanceof ObjectiveDescriptor o) {
                objectives.add(o);
            }
        }
        if (objectives.size() < 2) {
            return;
        }
        try {
            Class<?> descriptorType = Class.forName(API + "MethodDescriptor", false, loader);
            Class<?> contextType = Class.forName(API + "MethodOrdererContext", false, loader);
            Map<Object, ObjectiveDescriptor> byProxy = new IdentityHashMap<>();
            List<Object> descriptors = new ArrayList<>();
            for (ObjectiveDescriptor o : objectives) {
                Object proxy = methodDescriptor(descriptorType, o);
                byProxy.put(proxy, o);
                descriptors.add(proxy);
            }
            Object context = Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (p, m, args) ->
                    switch (m.getName()) {
                        case "getTestClass" -> testClass;
                        case "getMethodDescriptors" -> descriptors;
                        case "getConfigurationParameter" -> parameters.get((String) args[0]);
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> "MethodOrdererContext[" + testClass.getName() + "]";
                    });
            Object orderer = ReflectionSupport.newInstance(ordererType);
            ordererType.getMethod("orderMethods", contextType).invoke(orderer, context);
            List<ObjectiveDescriptor> ordered = new ArrayList<>();
            for (Object d : descriptors) {
                ObjectiveDescriptor o = byProxy.get(d);
                if (o != null && !ordered.contains(o)) {
                    ordered.add(o);
                }
            }
            for (ObjectiveDescriptor o : objectives) {
                if (!ordered.contains(o)) {
                    ordered.add(o);  // an orderer may not drop a method: it keeps its place at the end, as in Jupiter
                }
            }
            List<TestDescriptor> rest = new ArrayList<>(classDescriptor.getChildren());
            rest.removeAll(objectives);
            for (TestDescriptor child : List.copyOf(classDescriptor.getChildren())) {
                classDescriptor.removeChild(child);
            }
            ordered.forEach(classDescriptor::addChild);
            rest.forEach(classDescriptor::addChild);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            LOG.log(Level.WARNING, "the objectives of " + testClass.getName() + " keep their order: "
                    + ordererType.getName() + " could not order them (" + cause + ")");
        }
    }

    /** The class's {@code @TestMethodOrder} orderer, else the configured default, else null. */
    private static Class<?> orderer(Class<?> testClass, ConfigurationParameters parameters) {
        Class<? extends Annotation> annotation = JupiterAnnotations.type(testClass.getClassLoader(), "TestMethodOrder");
        if (annotation == null) {
            return null;
        }
        Optional<? extends Annotation> found = AnnotationSupport.findAnnotation(testClass, annotation);
        if (found.isPresent()) {
            try {
                return (Class<?>) annotation.getMethod("value").invoke(found.get());
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        Optional<String> name = parameters.get(DEFAULT_ORDER).map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            return null;
        }
        Optional<Class<?>> loaded = ReflectionSupport.tryToLoadClass(name.get(), testClass.getClassLoader())
                .toOptional();
        if (loaded.isEmpty()) {
            LOG.warning(DEFAULT_ORDER + " = " + name.get() + " is not a class on the test classpath; objectives keep"
                    + " their order");
        }
        return loaded.orElse(null);
    }

    /** Jupiter's {@code MethodDescriptor} of an objective: its method, display name and annotations. */
    @SuppressWarnings("unchecked")
    private static Object methodDescriptor(Class<?> type, ObjectiveDescriptor objective) {
        Method method = objective.method();
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) ->
                switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getDisplayName" -> objective.getDisplayName();
                    case "isAnnotated" -> AnnotationSupport.isAnnotated(method, (Class<? extends Annotation>) args[0]);
                    case "findAnnotation" -> AnnotationSupport.findAnnotation(method,
                            (Class<? extends Annotation>) args[0]);
                    case "findRepeatableAnnotations" -> AnnotationSupport.findRepeatableAnnotations(method,
                            (Class<? extends Annotation>) args[0]);
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> "MethodDescriptor[" + method.getName() + "]";
                });
    }
}
