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
