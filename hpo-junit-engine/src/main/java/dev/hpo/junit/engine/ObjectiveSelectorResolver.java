package dev.hpo.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.IterationSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors to objective descriptors; package, classpath-root and module
 * selectors reach it as class selectors through JUnit's class container resolver. A Jupiter {@code @Nested} class
 * resolves inside the descriptor of the class it runs inside of, as a nested selector names it (the declaring class
 * for a plain class selector; the subclass, for a nested class it inherits), and selecting a class selects its nested
 * ones. A unique id of a trial selects its objective (trials are dynamic: rerunning one reruns the study run it
 * belonged to, as for Jupiter's dynamic tests).
 */
final class ObjectiveSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final JupiterDefaults defaults;

    /** {@code defaults}: the Jupiter configuration that discovery applies to every objective class. */
    ObjectiveSelectorResolver(Predicate<String> classNameFilter, JupiterDefaults defaults) {
        this.classNameFilter = classNameFilter;
        this.defaults = defaults;
    }

    /**
     * A class with objectives; a {@code @Nested} one as the nested selector of its declaring classes (an abstract
     * class's nested classes run in its subclasses only). The class name filter applies to the outermost class, which
     * a nested class runs only with.
     */
    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        List<Class<?>> declaring = ObjectiveClasses.enclosingChain(type);
        if (!classNameFilter.test(declaring.get(0).getName())) {
            return Resolution.unresolved();
        }
        if (ObjectiveClasses.isNested(type)) {
            List<Class<?>> enclosing = declaring.subList(0, declaring.size() - 1);
            return ObjectiveClasses.canEnclose(enclosing)
                    ? Resolution.selectors(Set.of(selectNestedClass(enclosing, type))) : Resolution.unresolved();
        }
        if (!ObjectiveClasses.isCandidate(type)) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(ObjectiveClassDescriptor.of(parent.getUniqueId(), type,
                        defaults)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> childSelectors(List.of(type)))))
                .orElse(Resolution.unresolved());
    }

    /** A {@code @Nested} class inside the descriptor of the classes the selector names. */
    @Override
    public Resolution resolve(NestedClassSelector selector, Context context) {
        Class<?> type = selector.getNestedClass();
        List<Class<?>> enclosing = selector.getEnclosingClasses();
        if (!ObjectiveClasses.isNested(type) || !ObjectiveClasses.hasObjectives(type)
                || !ObjectiveClasses.canEnclose(enclosing)) {
            return Resolution.unresolved();
        }
        List<Class<?>> classes = new ArrayList<>(enclosing);
        classes.add(type);
        return context.addToParent(() -> classSelector(enclosing),
                        parent -> parent instanceof ObjectiveClassDescriptor c
                                ? Optional.of(ObjectiveClassDescriptor.nested(c, type, defaults)) : Optional.empty())
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> childSelectors(classes))))
                .orElse(Resolution.unresolved());
    }

    /** The selector of a class that runs inside {@code classes} but the last (a nested one), or of a top-level one. */
    private static DiscoverySelector classSelector(List<Class<?>> classes) {
        Class<?> last = classes.get(classes.size() - 1);
        return classes.size() == 1 ? selectClass(last)
                : selectNestedClass(classes.subList(0, classes.size() - 1), last);
    }

    /**
     * The objectives of the last of {@code classes}, then its {@code @Nested} classes with objectives (an abstract
     * class's run inside its subclasses only), as Jupiter orders them, each selected with the classes it runs inside
     * of.
     */
    private static Set<DiscoverySelector> childSelectors(List<Class<?>> classes) {
        Class<?> type = classes.get(classes.size() - 1);
        List<Class<?>> enclosing = classes.subList(0, classes.size() - 1);
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Method m : ObjectiveClasses.objectives(type)) {
            selectors.add(enclosing.isEmpty() ? selectMethod(type, m) : selectNestedMethod(enclosing, type, m));
        }
        if (!ObjectiveClasses.isAbstract(type)) {
            for (Class<?> nested : ObjectiveClasses.nestedClasses(type)) {
                selectors.add(selectNestedClass(classes, nested));
            }
        }
        return selectors;
    }

    /**
     * An objective; one of a {@code @Nested} class as the nested selector of its declaring classes. An instance
     * objective selected in an abstract class or interface resolves to nothing, as Jupiter's test method there does: it
     * runs when selected in a concrete subclass.
     */
    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (ObjectiveClasses.isNested(type) && ObjectiveClasses.isObjective(method)) {
            List<Class<?>> declaring = ObjectiveClasses.enclosingChain(type);
            return Resolution.selectors(Set.of(selectNestedMethod(declaring.subList(0, declaring.size() - 1), type,
                    method)));
        }
        if (!ObjectiveClasses.runsIn(type, method)) {
            return Resolution.unresolved();
        }
        return objective(List.of(type), method, context);
    }

    /**
     * An objective of a {@code @Nested} class, inside the descriptor of the classes the selector names; nothing when
     * one of them is abstract ({@link ObjectiveClasses#runsIn}, {@link ObjectiveClasses#canEnclose}).
     */
    @Override
    public Resolution resolve(NestedMethodSelector selector, Context context) {
        Method method = selector.getMethod();
        if (!ObjectiveClasses.runsIn(selector.getNestedClass(), method)
                || !ObjectiveClasses.canEnclose(selector.getEnclosingClasses())) {
            return Resolution.unresolved();
        }
        List<Class<?>> classes = new ArrayList<>(selector.getEnclosingClasses());
        classes.add(selector.getNestedClass());
        return objective(classes, method, context);
    }

    private Resolution objective(List<Class<?>> classes, Method method, Context context) {
        return context.addToParent(() -> classSelector(classes),
                        parent -> Optional.of(ObjectiveDescriptor.of(parent.getUniqueId(), classes, method, defaults)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    /**
     * Invocations of an objective (what IDEs and the console launcher send to rerun some iterations): its trials are
     * dynamic, so this selects the objective's study run, as a trial's unique id does.
     */
    @Override
    public Resolution resolve(IterationSelector selector, Context context) {
        DiscoverySelector parent = selector.getParentSelector();
        return parent instanceof MethodSelector || parent instanceof NestedMethodSelector
                ? Resolution.selectors(Set.of(parent)) : Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        // [engine:hpo]/[class:…]/[nested-class:…]*/[objective:…]/[trial:…]
        if (segments.size() < 2 || !segments.get(0).getValue().equals(HpoTestEngine.ENGINE_ID)
                || !segments.get(1).getType().equals(ObjectiveClassDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        Optional<Class<?>> loaded = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        if (loaded.isEmpty()) {
            return Resolution.unresolved();
        }
        List<Class<?>> classes = new ArrayList<>(List.of(loaded.get()));
        int next = 2;
        for (; next < segments.size() && segments.get(next).getType().equals(
                ObjectiveClassDescriptor.NESTED_SEGMENT_TYPE); next++) {
            String name = segments.get(next).getValue();
            Optional<Class<?>> nested = ObjectiveClasses.nestedClasses(classes.get(classes.size() - 1)).stream()
                    .filter(c -> c.getSimpleName().equals(name)).findFirst();
            if (nested.isEmpty()) {
                return Resolution.unresolved();
            }
            classes.add(nested.get());
        }
        if (next == segments.size()) {
            return Resolution.selectors(Set.of(classSelector(classes)));
        }
        if (!segments.get(next).getType().equals(ObjectiveDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        Class<?> type = classes.get(classes.size() - 1);
        List<Class<?>> enclosing = classes.subList(0, classes.size() - 1);
        for (Method m : ObjectiveClasses.objectives(type)) {
            if (ObjectiveDescriptor.segment(m).equals(segments.get(next).getValue())) {
                return Resolution.selectors(Set.of(enclosing.isEmpty() ? selectMethod(type, m)
                        : selectNestedMethod(enclosing, type, m)));
            }
        }
        return Resolution.unresolved();
    }
}
