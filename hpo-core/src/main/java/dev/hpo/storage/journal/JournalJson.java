package dev.hpo.storage.journal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Fields whose string values recur on every line of a worker or parameter: quoted once, then copied. */
    private static final Set<String> REPEATED_VALUES = Set.of("worker_id", "param_name", "distribution", "study_name");

    private JournalJson() {
    }

    /**
     * Field names and recurring values with their quoted UTF-8 bytes, so that a line copies them instead of
     * escaping them character by character, which is most of a line's cost before the JIT has compiled the
     * generator. Bounded: beyond {@link #CAPACITY} strings (many user attribute keys, say) the rest are quoted each
     * time. One per encoder, so not shared between threads.
     */
    private static final class QuotedStrings {
        static final int CAPACITY = 1024;
        private final Map<String, SerializedString> quoted = new HashMap<>();

        SerializableString get(String text) {
            SerializedString s = quoted.get(text);
            if (s == null) {
                s = new SerializedString(text);
                if (quoted.size() < CAPACITY) {
                    quoted.put(text, s);
                }
            }
            return s;
        }
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

    /** One line's bytes, without the newline (see {@link LineEncoder}). */
    public static byte[] bytes(JsonNode line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        new LineEncoder().append(line, out);
        return out.toByteArray();
    }

    /**
     * Writes journal lines: each tree's tokens straight to one reused Jackson generator, the same calls databind
     * makes for a tree without its serializer lookups, and without a new generator (buffers, contexts) per line.
     * Both cost a trial more than the writing itself until the JVM has compiled them. Not thread-safe: one per
     * writer, used under its lock.
     */
    public static final class LineEncoder {
        private final Buffer buffer = new Buffer();
        private final QuotedStrings quoted = new QuotedStrings();
        private JsonGenerator generator;

        /** Appends the line's bytes to {@code out}, without the newline; {@code out} is unchanged if it fails. */
        public void append(JsonNode line, ByteArrayOutputStream out) {
            buffer.reset();
            boolean written = false;
            try {
                if (generator == null) {
                    generator = MAPPER.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
                    generator.setRootValueSeparator(null);
                }
                write(line, generator, quoted);
                generator.flush();
                written = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write journal line " + line, e);
            } finally {
                if (!written) {
                    generator = null;  // its state is unknown after a failed line: the next line starts afresh
                }
            }
            buffer.copyTo(out);
        }

        private static final class Buffer extends ByteArrayOutputStream {
            Buffer() {
                super(256);
            }

            void copyTo(ByteArrayOutputStream out) {
                out.write(buf, 0, count);
            }
        }
    }

    /**
     * Writes a tree's tokens in one loop over a stack of open containers. A recursive writer is inlined into itself
     * by the JIT, every generator call with it: compiling those copies (number formatting four times over) kept a
     * forked JVM's C2 thread busy for half a second of a 1,000-trial study, on a core the trials needed.
     */
    private static void write(JsonNode root, JsonGenerator g, QuotedStrings quoted) throws IOException {
        Deque<Iterator<?>> open = new ArrayDeque<>();
        JsonNode next = root;
        while (true) {
            if (next != null) {
                switch (next.getNodeType()) {
                    case OBJECT -> {
                        g.writeStartObject();
                        open.push(next.fields());
                    }
                    case ARRAY -> {
                        g.writeStartArray();
                        open.push(next.elements());
                    }
                    case STRING -> g.writeString(next.textValue());
                    case BOOLEAN -> g.writeBoolean(next.booleanValue());
                    case NULL -> g.writeNull();
                    case NUMBER -> writeNumber(next, g);
                    default -> MAPPER.writeTree(g, next); // binary and POJO nodes, which journal lines do not hold
                }
                next = null;
            }
            Iterator<?> items = open.peek();
            if (items == null) {
                return;
            }
            if (!items.hasNext()) {
                open.pop();
                if (g.getOutputContext().inObject()) {
                    g.writeEndObject();
                } else {
                    g.writeEndArray();
                }
            } else {
                Object item = items.next();
                if (item instanceof Map.Entry<?, ?> field) {
                    SerializableString name = quoted.get((String) field.getKey());
                    JsonNode value = (JsonNode) field.getValue();
                    g.writeFieldName(name);
                    if (value.isTextual() && REPEATED_VALUES.contains(name.getValue())) {
                        g.writeString(quoted.get(value.textValue()));
                    } else {
                        next = value;
                    }
                } else {
                    next = (JsonNode) item;
                }
            }
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.numberType()) {
            case INT -> g.writeNumber(node.intValue());
            case LONG -> g.writeNumber(node.longValue());
            case FLOAT -> g.writeNumber(node.floatValue());
            case DOUBLE -> g.writeNumber(node.doubleValue());
            case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
            case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
            default -> MAPPER.writeTree(g, node);
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
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();  // Python's integers have no bound: 2**70 stays 2**70
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.toString();
    }

    /**
     * A Java attribute value as JSON; enums become their names. The tree is the one a reader parses from the line
     * (a {@code Long} that fits an int is an int node, a {@code Float} a double node), so the writer, which
     * replays its own lines from their trees, sees the same values as every other process.
     */
    public static JsonNode toJson(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsBytes(value instanceof Enum<?> e ? e.name() : value));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write attribute value " + value + " as JSON: "
                    + e.getMessage(), e);
        }
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

    /**
     * An instant as Optuna writes it: UTC, microseconds, explicit {@code +00:00}. Written by hand for years 0 to
     * 9999 (two timestamps per trial, and {@link DateTimeFormatter} costs microseconds each); the formatter writes
     * the others.
     */
    public static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        if (day < FIRST_FAST_DAY || day > LAST_FAST_DAY) {
            return MICROS.format(instant.atOffset(ZoneOffset.UTC)) + "+00:00";
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        char[] out = new char[32];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1000, 6);
        "+00:00".getChars(0, 6, out, 26);
        return new String(out);
    }

    private static final long FIRST_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The instant of a timestamp in exactly the form {@link #timestamp} writes ({@code 2026-11-22T14:57:39.916472+00:00},
     * which is also what Optuna writes), or {@code null} for any other form, left to the general parser. Every
     * journal line of a trial has one or two timestamps, so reading them by hand halves the cost of replaying.
     */
    static Instant utcMicros(String text) {
        if (text.length() != 32 || !text.endsWith("+00:00") || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int micros = number(text, 20, 6);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || micros < 0) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second, micros * 1000L);
    }

    /** The decimal number of {@code width} digits at {@code at}, or -1 when one of them is not a digit. */
    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
        Instant fast = utcMicros(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
        }
    }
}
