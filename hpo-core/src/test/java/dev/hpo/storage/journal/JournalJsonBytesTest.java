package dev.hpo.storage.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lines written token by token are byte for byte what databind writes for the same tree. */
class JournalJsonBytesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TEXTS = {"", "plain", "naïve \"quoted\" \\ back", "tab\tnew\nline", "\u2603 snow",
        "\u0001 control", "{\"op_code\": 5}"};
    /** Fields whose string values the writer copies from a cache of quoted strings. */
    private static final String[] REPEATED = {"worker_id", "param_name", "distribution", "study_name"};
    private static final double[] DOUBLES = {0.0, -0.0, 1.5, -2.25e-300, 1e300, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 3.0};

    @Test
    void randomTreesWriteAsDatabindWritesThem() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = object(random, 3);
            assertArrayEquals(JournalJson.MAPPER.writeValueAsBytes(tree), JournalJson.bytes(tree), tree::toString);
        }
    }

    @Test
    void oneEncoderWritesLineAfterLineWithNothingBetween() throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        JournalJson.LineEncoder encoder = new JournalJson.LineEncoder();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            JsonNode tree = object(random, 3);
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            encoder.append(tree, one);
            assertArrayEquals(JournalJson.MAPPER.writeValueAsBytes(tree), one.toByteArray(), tree::toString);
            encoder.append(tree, all);
            expected.write(JournalJson.MAPPER.writeValueAsBytes(tree));
        }
        assertArrayEquals(expected.toByteArray(), all.toByteArray());
    }

    @Test
    void nonFiniteNumbersAreBareTokensAsPythonWritesThem() {
        ObjectNode line = NODES.objectNode();
        line.put("a", Double.NaN);
        line.put("b", Double.NEGATIVE_INFINITY);
        assertEquals("{\"a\":NaN,\"b\":-Infinity}", new String(JournalJson.bytes(line), StandardCharsets.UTF_8));
    }

    private static ObjectNode object(SplittableRandom random, int depth) {
        ObjectNode node = NODES.objectNode();
        int fields = random.nextInt(0, 6);
        for (int f = 0; f < fields; f++) {
            String name = random.nextInt(3) == 0 ? REPEATED[random.nextInt(REPEATED.length)]
                    : "f" + f + TEXTS[random.nextInt(TEXTS.length)];
            node.set(name, value(random, depth));
        }
        return node;
    }

    private static JsonNode value(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 10);
        return switch (kind) {
            case 0 -> NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(DOUBLES[random.nextInt(DOUBLES.length)]);
            case 4 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(-20, 20)));
            case 5 -> NODES.numberNode((float) random.nextDouble());
            case 6 -> NODES.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(70));
            case 7 -> NODES.numberNode(new BigDecimal("12345.678901234567890"));
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.nullNode();
            case 10 -> object(random, depth - 1);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(0, 4);
                for (int e = 0; e < n; e++) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
        };
    }
}
