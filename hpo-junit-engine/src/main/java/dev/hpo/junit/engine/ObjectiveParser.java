package dev.hpo.junit.engine;

import dev.hpo.Direction;
import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.junit.Choice;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.IntRange;
import dev.hpo.junit.LogFloat;
import dev.hpo.junit.Objective;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an {@link Objective} method into an {@link ObjectiveDefinition}, or explains in one sentence why it
 * cannot run ({@link InvalidObjectiveException}): the class, the method, the parameter and the bad value. Works
 * on reflection alone, so that discovery stays cheap and never touches a storage.
 */
final class ObjectiveParser {

    private static final Set<Class<?>> NUMERIC_RETURNS = Set.of(double.class, Double.class, float.class, Float.class,
            int.class, Integer.class, long.class, Long.class);
    private static final List<Class<? extends Annotation>> RANGE_ANNOTATIONS = List.of(IntRange.class,
            FloatRange.class, LogFloat.class, Choice.class);

    private ObjectiveParser() {
    }

    /**
     * The study name an objective has before any prefix: {@code SimpleClassName.method} or its own name. A
     * {@code @Nested} class exists only inside its enclosing classes, so their names come first
     * ({@code Outer.Inner.method}): two outer classes may well nest classes of one name.
     *
     * @param classes the objective's class after the classes it is run inside of ({@link InstanceChain}), the
     *        outermost first: the subclass, not the declaring class, for a {@code @Nested} class it inherits
     */
    static String studyName(List<Class<?>> classes, Method method) {
        Objective objective = method.getAnnotation(Objective.class);
        String name = objective == null ? "" : objective.name().trim();
        if (!name.isEmpty()) {
            return name;
        }
        StringBuilder study = new StringBuilder();
        for (Class<?> c : classes) {
            study.append(c.getSimpleName()).append('.');
        }
        return study.append(method.getName()).toString();
    }

    /**
     * @param classes the objective's class after the classes it is run inside of, the outermost first
     *        ({@link #studyName})
     * @param defaults the Jupiter configuration discovery applies (auto-detected extensions, the lifecycle)
     */
    static ObjectiveDefinition parse(List<Class<?>> classes, Method method, JupiterDefaults defaults) {
        Class<?> testClass = classes.get(classes.size() - 1);
        String where = testClass.getName() + "." + method.getName();
        Objective objective = method.getAnnotation(Objective.class);
        checkMethod(classes, method, where, objective);
        String[] names = ParameterNames.of(method).orElseThrow(() -> new InvalidObjectiveException(where
                + ": the names of its parameters are not in the class file; compile with -parameters or with debug"
                + " information (-g, Maven's default)"));
        JupiterExtensions.check(classes, method);
        boolean extended = defaults.contexts() || JupiterExtensions.declared(classes, method);
        List<JupiterLifecycle> lifecycles = new ArrayList<>();
        for (Class<?> c : classes) {
            lifecycles.add(JupiterLifecycle.of(c, defaults));
        }
        List<ObjectiveParameter> parameters = new ArrayList<>();
        Parameter[] declared = method.getParameters();
        for (int i = 0; i < declared.length; i++) {
            parameters.add(parameter(declared[i], ranges(declared[i]), i, names[i],
                    where + ", parameter '" + names[i] + "'", extended, List.of()));
        }
        InstanceChain instances = Modifier.isStatic(method.getModifiers()) ? null
                : new InstanceChain(classes, lifecycles, extended, where);
        List<TunedParameter> tuned = ObjectiveDefinition.tuned(parameters);
        checkUniqueNames(tuned, where);
        List<Map<String, Object>> enqueued = EnqueuedTrials.of(method, tuned,
                parameters.stream().anyMatch(TrialParameter.class::isInstance), where);
        return new ObjectiveDefinition(testClass, method, objective, studyName(classes, method), parameters,
                lifecycles, instances, JupiterTimeout.of(method, classes).orElse(null), extended, enqueued);
    }

    private static void checkMethod(List<Class<?>> classes, Method method, String where, Objective objective) {
        Class<?> testClass = classes.get(classes.size() - 1);
        if (Modifier.isPrivate(method.getModifiers())) {
            throw new InvalidObjectiveException(where + " is private; make it package-private or public so that"
                    + " the engine can call it");
        }
        Class<?> returns = method.getReturnType();
        if (!NUMERIC_RETURNS.contains(returns) && returns != double[].class) {
            throw new InvalidObjectiveException(where + " returns " + returns.getSimpleName()
                    + "; an objective returns its score as double, float, int or long (its scores as double[] with"
                    + " several directions)");
        }
        checkDirections(objective, returns, where);
        // discovery never runs an instance objective in an abstract class or inside one (ObjectiveClasses.runsIn)
        // the constructors are checked with the instances the method runs on (InstanceChain)
        if (!Modifier.isStatic(method.getModifiers()) && ObjectiveInvoker.isInner(testClass)
                && !ObjectiveClasses.isNested(testClass)) {
            throw new InvalidObjectiveException(where + " is an instance method of an inner class;"
                    + " annotate the class @Nested (Jupiter's), make it static, or make the method static");
        }
        if (objective.trials() < 1 && objective.trials() != -1) {  // 0 would run nothing and pass, as hpo.trials
            throw new InvalidObjectiveException(where + ": @Objective trials = " + objective.trials()
                    + "; use a count of at least 1, or -1 (no limit) together with a timeout");
        }
        if (objective.trials() == -1 && objective.timeout() <= 0) {
            throw new InvalidObjectiveException(where + ": @Objective trials = -1 (no limit) needs a timeout");
        }
        if (objective.timeout() < 0) {
            throw new InvalidObjectiveException(where + ": @Objective timeout = " + objective.timeout()
                    + "; use seconds > 0, or 0 for none");
        }
        if (objective.patience() < 0) {
            throw new InvalidObjectiveException(where + ": @Objective patience = " + objective.patience()
                    + "; use a number of trials > 0, or 0 to run every trial");
        }
        try {
            RunSettings.createTerminator(objective.terminator());
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectiveException(where + ": @Objective terminator: " + e.getMessage());
        }
    }

    /** The study's directions: {@code directions()} when given, else the one {@code direction()}. */
    static List<Direction> directions(Objective objective) {
        return objective.directions().length > 0 ? List.of(objective.directions()) : List.of(objective.direction());
    }

    /** A multi-objective study's metric names, one per direction; empty when none are given. */
    static List<String> metricNames(Objective objective) {
        String metric = objective.metric().strip();
        if (metric.isEmpty()) {
            return List.of();
        }
        return objective.directions().length > 1 ? Arrays.stream(metric.split(",")).map(String::strip).toList()
                : List.of(metric);
    }

    /** Directions, return type and the settings that need a single objective agree. */
    private static void checkDirections(Objective objective, Class<?> returns, String where) {
        int count = objective.directions().length;
        if (count > 0 && objective.direction() != Direction.MINIMIZE) {
            throw new InvalidObjectiveException(where + ": @Objective sets both direction and directions; keep"
                    + " directions, one per value the method returns");
        }
        if (returns == double[].class && count == 0) {
            throw new InvalidObjectiveException(where + " returns double[] but @Objective declares no directions;"
                    + " give directions = {…}, one per value, or return a single score");
        }
        int thresholds = objective.thresholds().length;
        if (thresholds > 0 && count < 2) {
            throw new InvalidObjectiveException(where + ": @Objective thresholds is the gate of several directions;"
                    + " a single objective gives threshold = …");
        }
        if (count < 2) {
            return;
        }
        if (thresholds > 0 && thresholds != count) {
            throw new InvalidObjectiveException(where + ": @Objective gives " + thresholds + " thresholds for " + count
                    + " directions; give one per direction, NaN where a value is free");
        }
        if (returns != double[].class) {
            throw new InvalidObjectiveException(where + " returns one value but @Objective declares " + count
                    + " directions; return a double[] of " + count + " values");
        }
        String needsOne = !Double.isNaN(objective.threshold()) ? "threshold"
                : objective.patience() > 0 ? "patience"
                : !objective.terminator().isBlank() ? "terminator" : null;
        if (needsOne != null) {
            throw new InvalidObjectiveException(where + ": @Objective " + needsOne + " needs a single objective, and"
                    + " this one has " + count + " directions; remove " + needsOne
                    + (needsOne.equals("threshold") ? " (thresholds = {…} gates several, one per direction)" : ""));
        }
        List<String> metrics = metricNames(objective);
        if (!metrics.isEmpty() && (metrics.size() != count || metrics.contains(""))) {
            throw new InvalidObjectiveException(where + ": @Objective metric = \"" + objective.metric() + "\" names "
                    + metrics.size() + " metrics for " + count + " directions; give one name per direction, separated"
                    + " by commas");
        }
    }

    /**
     * {@code what} names the parameter in messages; {@code extended}: the class or method registers Jupiter
     * extensions, which may resolve what hpo does not; {@code records}: the records being expanded around it.
     */
    private static ObjectiveParameter parameter(Parameter parameter, List<Annotation> ranges, int index, String name,
            String what, boolean extended, List<Class<?>> records) {
        Class<?> type = parameter.getType();
        if (ranges.size() > 1) {
            throw new InvalidObjectiveException(what + " has " + ranges.size() + " range annotations ("
                    + ranges.stream().map(r -> "@" + r.annotationType().getSimpleName()).toList()
                    + "); keep one");
        }
        if (type == Trial.class) {
            if (!ranges.isEmpty()) {
                throw new InvalidObjectiveException(what + " is the injected Trial and cannot have a range annotation");
            }
            return new TrialParameter();
        }
        if (type == ArtifactStore.class) {
            if (!ranges.isEmpty()) {
                throw new InvalidObjectiveException(what + " is the injected ArtifactStore and cannot have a range"
                        + " annotation");
            }
            return new ArtifactStoreParameter();
        }
        Optional<JupiterInjection> injected = JupiterInjection.of(parameter, what);
        if (injected.isPresent()) {
            if (!ranges.isEmpty()) {
                throw new InvalidObjectiveException(what + " is injected by the engine (" + type.getSimpleName()
                        + ") and cannot have a range annotation");
            }
            return new JupiterParameter(injected.get(), parameter);
        }
        if (type.isRecord() && ranges.isEmpty() && hasRangedComponent(type)) {
            return record(type, what, records);
        }
        if (type.isRecord() && !ranges.isEmpty()) {
            throw new InvalidObjectiveException(what + " is a record; put the range annotations on its components,"
                    + " one per component");
        }
        if (ranges.isEmpty() && extended && !type.isEnum() && type != boolean.class && type != Boolean.class) {
            return new ExtensionParameter(index);
        }
        Distribution distribution = ranges.isEmpty() ? inferred(type, what) : ranged(ranges.get(0), type, what);
        return new TunedParameter(name, distribution, type);
    }

    private static List<Annotation> ranges(AnnotatedElement element) {
        List<Annotation> ranges = new ArrayList<>();
        for (Class<? extends Annotation> a : RANGE_ANNOTATIONS) {
            if (element.isAnnotationPresent(a)) {
                ranges.add(element.getAnnotation(a));
            }
        }
        return ranges;
    }

    /**
     * A record component's ranges: Java copies an annotation on a component to the canonical constructor's parameter
     * only when it declares that constructor itself (implicit or compact), so an explicit constructor's parameter
     * may carry none, the component's own, or others; others are refused rather than one set silently winning.
     */
    private static List<Annotation> ranges(RecordComponent component, Parameter parameter, String what) {
        List<Annotation> own = ranges(component);
        List<Annotation> repeated = ranges(parameter);
        if (!repeated.isEmpty() && !own.isEmpty() && !repeated.equals(own)) {
            throw new InvalidObjectiveException(what + " has " + describe(own) + " on the component and "
                    + describe(repeated) + " on the canonical constructor's parameter; keep the component's");
        }
        return own.isEmpty() ? repeated : own;
    }

    private static String describe(List<Annotation> ranges) {
        return ranges.stream().map(Annotation::toString).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The record's canonical constructor, whose arguments are the components in declaration order. */
    private static Constructor<?> canonical(Class<?> record) {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + record.getName() + " has no canonical constructor", e);
        }
    }

    private static boolean hasRangedComponent(Class<?> record) {
        Parameter[] parameters = canonical(record).getParameters();
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (!ranges(components[i]).isEmpty() || !ranges(parameters[i]).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A record parameter: every component becomes a tuned parameter under its own name (see RecordParameter). */
    private static RecordParameter record(Class<?> type, String what, List<Class<?>> records) {
        if (records.contains(type)) {
            throw new InvalidObjectiveException(what + ": record " + type.getSimpleName() + " contains itself");
        }
        List<Class<?>> inside = new ArrayList<>(records);
        inside.add(type);
        Constructor<?> canonical = canonical(type);
        try {
            canonical.setAccessible(true);
        } catch (RuntimeException e) {
            throw new InvalidObjectiveException(what + ": the engine cannot call the constructor of record "
                    + type.getName() + " (" + e.getMessage() + "); make the record public");
        }
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters = canonical.getParameters();
        List<ObjectiveParameter> filled = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            String where = what + ", component '" + name + "' of record " + type.getSimpleName();
            ObjectiveParameter p = parameter(parameters[i], ranges(components[i], parameters[i], where), i, name,
                    where, false, inside);
            if (!(p instanceof TunedParameter) && !(p instanceof RecordParameter)) {
                throw new InvalidObjectiveException(where + " is not a tuned value; a record parameter holds only"
                        + " ranged components, enums, booleans and such records (take a " + components[i].getType()
                        .getSimpleName() + " as a parameter of the objective itself)");
            }
            filled.add(p);
        }
        return new RecordParameter(type, canonical, filled);
    }

    /** Two tuned parameters of one name (a component of a record and a parameter, say) would be one in the study. */
    private static void checkUniqueNames(List<TunedParameter> tuned, String where) {
        Set<String> seen = new HashSet<>();
        for (TunedParameter p : tuned) {
            if (!seen.add(p.name())) {
                throw new InvalidObjectiveException(where + ": two tuned parameters are named '" + p.name()
                        + "' (a record component and a parameter, or components of two records); rename one, since"
                        + " the study knows its parameters by name");
            }
        }
    }

    private static Distribution inferred(Class<?> type, String what) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            if (constants.length == 0) {
                throw new InvalidObjectiveException(what + ": enum " + type.getSimpleName() + " has no constants");
            }
            return CategoricalDistribution.of(Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == boolean.class || type == Boolean.class) {
            return CategoricalDistribution.of(List.of(false, true));
        }
        throw new InvalidObjectiveException(what + " of type " + type.getSimpleName() + " has no range; annotate it"
                + " with @IntRange, @FloatRange, @LogFloat or @Choice, or declare it as an enum, a boolean or a Trial"
                + " (the engine also injects an ArtifactStore, a TestInfo, a TestReporter and a @TempDir Path, and a"
                + " Jupiter extension registered with @ExtendWith may resolve it)");
    }

    private static Distribution ranged(Annotation range, Class<?> type, String what) {
        if (range instanceof IntRange r) {
            return intRange(r, type, what);
        }
        if (range instanceof FloatRange r) {
            requireFloat(type, "@FloatRange", what);
            if (r.step() < 0) {
                throw new InvalidObjectiveException(what + ": @FloatRange step = " + r.step()
                        + "; use a positive step, or 0 for a continuous range");
            }
            checkBounds("@FloatRange", r.min(), r.max(), what);
            return build(what, "@FloatRange", () -> new FloatDistribution(r.min(), r.max(), false,
                    r.step() == 0 ? null : r.step()));
        }
        if (range instanceof LogFloat r) {
            requireFloat(type, "@LogFloat", what);
            checkBounds("@LogFloat", r.min(), r.max(), what);
            if (!(r.min() > 0)) {
                throw new InvalidObjectiveException(what + ": @LogFloat min = " + r.min()
                        + "; a log range must not include 0, so min must be > 0");
            }
            return build(what, "@LogFloat", () -> FloatDistribution.log(r.min(), r.max()));
        }
        return choice((Choice) range, type, what);
    }

    private static Distribution intRange(IntRange r, Class<?> type, String what) {
        boolean isInt = type == int.class || type == Integer.class;
        if (!isInt && type != long.class && type != Long.class) {
            throw new InvalidObjectiveException(what + " is " + typeWithArticle(type)
                    + "; @IntRange fits int and long parameters (use @FloatRange or @LogFloat for real numbers)");
        }
        if (r.min() > r.max()) {
            throw new InvalidObjectiveException(what + ": @IntRange min " + r.min() + " > max " + r.max()
                    + "; swap the bounds");
        }
        if (isInt && (r.min() < Integer.MIN_VALUE || r.max() > Integer.MAX_VALUE)) {
            throw new InvalidObjectiveException(what + ": @IntRange [" + r.min() + ", " + r.max()
                    + "] does not fit an int; declare the parameter as long");
        }
        if (r.step() < 1) {
            throw new InvalidObjectiveException(what + ": @IntRange step = " + r.step() + "; use a step of at least 1");
        }
        if (r.log() && r.min() < 1) {
            throw new InvalidObjectiveException(what + ": @IntRange(log = true) min = " + r.min()
                    + "; a log range must not include 0 or negative values, so min must be >= 1");
        }
        if (r.log() && r.step() != 1) {
            throw new InvalidObjectiveException(what + ": @IntRange(log = true) step = " + r.step()
                    + "; a log range has step 1");
        }
        return build(what, "@IntRange", () -> new IntDistribution(r.min(), r.max(), r.log(), r.step()));
    }

    private static Distribution choice(Choice c, Class<?> type, String what) {
        if (c.value().length == 0) {
            throw new InvalidObjectiveException(what + ": @Choice is empty; list at least one value");
        }
        if (new HashSet<>(Arrays.asList(c.value())).size() != c.value().length) {
            throw new InvalidObjectiveException(what + ": @Choice " + Arrays.toString(c.value())
                    + " lists a value twice");
        }
        if (type.isEnum()) {
            Set<String> names = new HashSet<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            for (String v : c.value()) {
                if (!names.contains(v)) {
                    throw new InvalidObjectiveException(what + ": @Choice value '" + v + "' is not a constant of "
                            + type.getSimpleName() + " " + names);
                }
            }
        } else if (type != String.class) {
            throw new InvalidObjectiveException(what + " is " + typeWithArticle(type)
                    + "; @Choice fits String and enum parameters");
        }
        return CategoricalDistribution.of(List.of(c.value()));
    }

    /** {@code an int}, {@code a double}, {@code an Object}: a parameter's type as a message says what it is. */
    static String typeWithArticle(Class<?> type) {
        String name = type.getSimpleName();
        return ("aeiouAEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static void requireFloat(Class<?> type, String annotation, String what) {
        if (type != double.class && type != Double.class && type != float.class && type != Float.class) {
            throw new InvalidObjectiveException(what + " is " + typeWithArticle(type) + "; " + annotation
                    + " fits double and float parameters (use @IntRange for integers)");
        }
    }

    private static void checkBounds(String annotation, double min, double max, String what) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new InvalidObjectiveException(what + ": " + annotation + " [" + min + ", " + max
                    + "] needs finite bounds");
        }
        if (min > max) {
            throw new InvalidObjectiveException(what + ": " + annotation + " min " + min + " > max " + max
                    + "; swap the bounds");
        }
    }

    private interface DistributionFactory {
        Distribution create();
    }

    /** What the distribution itself rejects (a step that does not divide the range, say), in the user's terms. */
    private static Distribution build(String what, String annotation, DistributionFactory factory) {
        try {
            return factory.create();
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectiveException(what + ": " + annotation + ": " + e.getMessage(), e);
        }
    }
}
