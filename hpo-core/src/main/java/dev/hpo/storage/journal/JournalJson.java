package dev.hpo.storage.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON dialect of Optuna's journal: Python's {@code json} module, which writes non-finite floats as the bare
 * tokens {@code NaN}, {@code Infinity} and {@code -Infinity} and joins tokens without spaces. Also the conversions
 * between JSON values and the plain Java values (maps, lists, strings, numbers) attributes hold, and the
 * timestamp form ({@code 2026-11-22T14:57:39.916472+00:00}).
 */
public final class JournalJson {

    /** Reads and writes journal lines: non-finite numbers as bare tokens, compact output. */
    public static final ObjectMapper MAPPER = new ObjectMapper(factory());

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private JournalJson() {
    }

    private static JsonFactory factory() {
        return new JsonFactoryBuilder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
    }

    /** Parses one line; throws {@link IOException} when it is not JSON. */
    public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        return MAPPER.readTree(bytes, offset, length);
    }

    /** One line's bytes, without the newline. */
    public static byte[] bytes(JsonNode line) {
        try {
            return MAPPER.writeValueAsBytes(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal line " + line, e);
        }
    }

    /** A JSON value as the Java value an attribute holds: Map, List, String, Boolean, Integer/Long, Double or null. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                out.put(e.getKey(), toJava(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                out.add(toJava(element));
            }
            return out;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.toString();
    }

    /** A Java attribute value as JSON; enums become their names. */
    public static JsonNode toJson(Object value) {
        return MAPPER.valueToTree(value instanceof Enum<?> e ? e.name() : value);
    }

    /** A list of floats, {@code null} staying null. */
    public static List<Double> doubles(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        List<Double> out = new ArrayList<>(node.size());
        for (JsonNode v : node) {
            out.add(v.isNull() ? null : v.doubleValue());
        }
        return out;
    }

    /** An instant as Optuna writes it: UTC, microseconds, explicit {@code +00:00}. */
    public static String timestamp(Instant instant) {
        return MICROS.format(instant.atOffset(ZoneOffset.UTC)) + "+00:00";
    }

    /** The instant written with {@link #timestamp}, truncated as the journal keeps it. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Reads a timestamp; one without an offset (older Optuna versions wrote local time) is read in this machine's
     * time zone, as Optuna does.
     */
    public static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
        }
    }
}
