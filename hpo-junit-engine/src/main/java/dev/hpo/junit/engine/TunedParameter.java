package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.space.Distribution;

/**
 * A parameter of an objective method that the study tunes: suggested under its name from its distribution,
 * then converted to the Java type the method declares (an {@code int} from an integer range, an enum constant
 * from its name, and so on).
 *
 * @param name the method parameter's name, which is the study's parameter name
 * @param distribution the range, validated at discovery
 * @param javaType the declared type of the method parameter
 */
record TunedParameter(String name, Distribution distribution, Class<?> javaType) implements ObjectiveParameter {

    @Override
    public Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        return toJava(trial.suggest(name, distribution));
    }

    /** Converts a value of the distribution (as {@code Trial.suggest} returns it) to the declared type. */
    Object toJava(Object external) {
        if (javaType == int.class || javaType == Integer.class) {
            return ((Number) external).intValue();
        }
        if (javaType == long.class || javaType == Long.class) {
            return ((Number) external).longValue();
        }
        if (javaType == double.class || javaType == Double.class) {
            return ((Number) external).doubleValue();
        }
        if (javaType == float.class || javaType == Float.class) {
            return ((Number) external).floatValue();
        }
        if (javaType.isEnum()) {
            return enumConstant(javaType, (String) external);
        }
        return external;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
