package dev.hpo.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Attribute values as JSON text, the way Optuna stores them: numbers, strings, booleans, lists and maps.
 * NaN and ±Infinity are written as the bare tokens Python's json module writes, so they read back as doubles.
 */
public final class JsonValues {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonValues() {
    }

    /** The value as JSON text; throws {@link IllegalArgumentException} naming the value when it has no JSON form. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attribute value " + value + " (" + value.getClass().getName()
                    + ") cannot be stored as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads JSON text back into Integer/Long/Double/String/Boolean/List/Map values. */
    public static Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attribute is not valid JSON: " + json, e);
        }
    }
}
