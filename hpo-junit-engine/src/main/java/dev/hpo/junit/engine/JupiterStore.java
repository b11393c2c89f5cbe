package dev.hpo.junit.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The values extensions keep in one {@link JupiterExtensionContext}, by namespace and key, as Jupiter's
 * {@code ExtensionContext.Store} keeps them: a lookup that misses here asks the parent context's store, a computed or
 * put value lives here, and when the context ends its values that are {@code CloseableResource}s (or, unless
 * {@value #CLOSE_AUTO_CLOSEABLE} is false, {@code AutoCloseable}s) are closed, the last stored first. Shared by the
 * trials of a parallel study, so every access is synchronized.
 */
final class JupiterStore {

    static final String CLOSE_AUTO_CLOSEABLE = "junit.jupiter.extensions.store.close.autocloseable.enabled";
    private static final String CLOSEABLE_RESOURCE =
            "org.junit.jupiter.api.extension.ExtensionContext$Store$CloseableResource";

    private final JupiterStore parent;
    private final Map<Key, Object> values = new LinkedHashMap<>();

    private record Key(Object namespace, Object key) {
    }

    JupiterStore(JupiterStore parent) {
        this.parent = parent;
    }

    synchronized Object get(Object namespace, Object key) {
        Key k = new Key(namespace, key);
        if (values.containsKey(k)) {
            return values.get(k);
        }
        return parent == null ? null : parent.get(namespace, key);
    }

    /** The value here or in a parent, else what {@code creator} makes of the key, stored here. */
    synchronized Object getOrCompute(Object namespace, Object key, Function<Object, Object> creator) {
        Object found = get(namespace, key);
        if (found != null) {
            return found;
        }
        Object created = creator.apply(key);
        values.put(new Key(namespace, key), created);
        return created;
    }

    synchronized Object put(Object namespace, Object key, Object value) {
        return values.put(new Key(namespace, key), value);
    }

    synchronized Object remove(Object namespace, Object key) {
        return values.remove(new Key(namespace, key));
    }

    /**
     * The project's {@code ExtensionContext.Store} of this store for one namespace. A value read with a required type
     * it does not have is Jupiter's {@code ExtensionContextException}.
     */
    Object proxy(Object namespace, JupiterProxies proxies) {
        return proxies.of("extension.ExtensionContext$Store", (method, args) -> {
            String name = method.getName();
            if (name.equals("toString")) {
                return "Store [" + namespace + "]";
            }
            if (method.isDefault()) {
                return JupiterScope.DEFAULT;  // getOrDefault, getOrComputeIfAbsent(Class), computeIfAbsent(Class)
            }
            boolean computes = name.equals("getOrComputeIfAbsent") || name.equals("computeIfAbsent");
            // get(key, type), remove(key, type) and the computing methods' (key, creator, type) name a required type
            Class<?> required = args.length == (computes ? 3 : 2) && !name.equals("put")
                    ? (Class<?>) args[args.length - 1] : null;
            Object value = switch (name) {
                case "get" -> get(namespace, args[0]);
                case "getOrComputeIfAbsent", "computeIfAbsent" -> {
                    @SuppressWarnings("unchecked")
                    Function<Object, Object> creator = (Function<Object, Object>) args[1];
                    yield getOrCompute(namespace, args[0], creator);
                }
                case "put" -> {
                    put(namespace, args[0], args[1]);
                    yield null;
                }
                case "remove" -> remove(namespace, args[0]);
                default -> throw new UnsupportedOperationException("ExtensionContext.Store." + name);
            };
            if (required == null || value == null || JupiterCallbacks.wrap(required).isInstance(value)) {
                return value;
            }
            throw proxies.exception("extension.ExtensionContextException", "Object stored under key [" + args[0]
                    + "] is not of required type [" + required.getName() + "], but was ["
                    + value.getClass().getName() + "]: " + value);
        });
    }

    /**
     * Closes what the context's values hold, the last stored first, and forgets them; returns {@code failure} with
     * what closing threw added (the first close error when there was no failure).
     */
    Throwable close(Throwable failure, boolean autoCloseables) {
        List<Object> stored;
        synchronized (this) {
            stored = new ArrayList<>(values.values());
            values.clear();
        }
        for (int i = stored.size() - 1; i >= 0; i--) {
            Object value = stored.get(i);
            try {
                Method close = closer(value, autoCloseables);
                if (close != null) {
                    close.setAccessible(true);
                    ObjectiveInvoker.unwrap(() -> close.invoke(value));
                }
            } catch (Exception | Error e) {
                failure = JupiterLifecycle.combine(failure, e);
            }
        }
        return failure;
    }

    private static Method closer(Object value, boolean autoCloseables) throws NoSuchMethodException {
        if (value == null) {
            return null;
        }
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (implementsCloseableResource(i)) {
                    return i.getMethod("close");
                }
            }
        }
        return autoCloseables && value instanceof AutoCloseable ? AutoCloseable.class.getMethod("close") : null;
    }

    private static boolean implementsCloseableResource(Class<?> type) {
        if (type.getName().equals(CLOSEABLE_RESOURCE)) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (implementsCloseableResource(i)) {
                return true;
            }
        }
        return false;
    }
}
