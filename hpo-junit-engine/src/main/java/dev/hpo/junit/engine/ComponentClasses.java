package dev.hpo.junit.engine;

import dev.hpo.pruner.Pruner;
import dev.hpo.sampler.Sampler;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * A sampler or pruner named by its class ({@code @Objective(sampler = "com.acme.BanditSampler")},
 * {@code -Dhpo.pruner=com.acme.PlateauPruner}): a project's own implementation of the extension point, loaded through
 * the objective class's loader, so the build can use it as it uses the built-in ones by name. A sampler class is made
 * with its {@code (long)} constructor and the study's seed when it has one, else without arguments; a pruner without
 * arguments. A name is a class name when {@link dev.hpo.NamedOptions#namesClass} says so.
 */
final class ComponentClasses {

    private static final Logger LOG = Logger.getLogger(ComponentClasses.class.getName());

    private ComponentClasses() {
    }

    /** The sampler class's instance, given the study's seed when it takes one; {@code seed} null for none. */
    static Sampler sampler(String className, Long seed, ClassLoader loader) {
        Class<? extends Sampler> type = load(className.strip(), Sampler.class, "sampler", loader);
        Constructor<? extends Sampler> seeded = constructor(type, long.class);
        Constructor<? extends Sampler> plain = constructor(type);
        if (seeded != null && (seed != null || plain == null)) {
            return create(seeded, "sampler", seed != null ? seed : new SplittableRandom().nextLong());
        }
        if (plain == null) {
            throw new IllegalArgumentException("sampler " + type.getName() + " has no public constructor taking the"
                    + " seed (long) or nothing; add one");
        }
        if (seed != null) {
            LOG.warning(() -> "sampler " + type.getName() + " has no constructor taking a seed (long), so the seed "
                    + seed + " does not reach it");
        }
        return create(plain, "sampler");
    }

    /** The pruner class's instance. */
    static Pruner pruner(String className, ClassLoader loader) {
        Class<? extends Pruner> type = load(className.strip(), Pruner.class, "pruner", loader);
        Constructor<? extends Pruner> plain = constructor(type);
        if (plain == null) {
            throw new IllegalArgumentException("pruner " + type.getName() + " has no public constructor without"
                    + " parameters; add one");
        }
        return create(plain, "pruner");
    }

    private static <T> Class<? extends T> load(String name, Class<T> kind, String what, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(what + " '" + name + "' is neither a " + what + " name nor a class on"
                    + " the test class path (" + e + "); give a built-in name or the full name of a class that"
                    + " implements " + kind.getName(), e);
        }
        if (!kind.isAssignableFrom(type)) {
            throw new IllegalArgumentException(what + " class " + name + " does not implement " + kind.getName());
        }
        return type.asSubclass(kind);
    }

    private static <T> Constructor<T> constructor(Class<T> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException none) {
            return null;
        }
    }

    private static <T> T create(Constructor<T> constructor, String what, Object... arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(what + " " + constructor.getDeclaringClass().getName()
                    + " could not be made: its constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(what + " " + constructor.getDeclaringClass().getName()
                    + " could not be made (" + e + "); make the class public and concrete", e);
        }
    }
}
