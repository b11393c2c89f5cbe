package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.storage.journal.JournalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file hpo writes has the shape of Optuna's, compared line by line with the fixture Optuna wrote: the same
 * fields in the same order per operation, the same distribution strings, compact separators, timestamps and
 * worker ids of the same form.
 */
class JournalFormatTest {

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    private static final Pattern WORKER = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-\\d+");

    @TempDir
    static Path dir;
    static List<String> hpoLines;
    static List<String> optunaLines;

    @BeforeAll
    static void writeTheFixtureStudyWithHpo() throws IOException {
        Path journal = dir.resolve("hpo.log");
        try (Study study = Study.builder().name("journal-fixture").storage("journal:" + journal)
                .sampler(new RandomSampler(42)).build()) {
            study.setUserAttr("created_by", "hpo");
            study.enqueueTrial(Map.of("x", 0.5, "n_units", 64, "activation", "tanh"));
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -5.0, 5.0);
                int units = trial.suggestInt("n_units", 8, 256, true);
                String act = trial.suggestCategorical("activation", List.of("relu", "tanh", "sigmoid"));
                trial.setUserAttr("note", "trial-" + trial.number());
                trial.setSystemAttr("tpe:relative_params:0", "{}");
                if (trial.number() == 6) {
                    throw new IllegalArgumentException("deliberate");
                }
                double v = (x - 1) * (x - 1) + Math.abs(Math.log(units) / Math.log(2) - 6) + act.length();
                for (int step = 0; step < 3; step++) {
                    trial.report(step, trial.number() == 5 ? 100.0 + step : v + 2.0 / (step + 1));
                    if (trial.number() == 5) {
                        throw new TrialPruned();
                    }
                }
                return v;
            }, 8);
        }
        hpoLines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        try (InputStream in = JournalFormatTest.class.getResourceAsStream("/optuna-journal-sample.log")) {
            optunaLines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** Field names per kind of line: op code, plus "template" for the template form of CREATE_TRIAL. */
    private static Map<String, Set<List<String>>> shapes(List<String> lines) throws IOException {
        Map<String, Set<List<String>>> out = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode n = JournalJson.MAPPER.readTree(line);
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            String kind = n.get("op_code").asText() + (n.has("state") && n.get("op_code").asInt() == 4 ? "t" : "")
                    + (n.get("op_code").asInt() == 6 ? "s" + n.get("state").asInt() : "");
            out.computeIfAbsent(kind, k -> new HashSet<>()).add(fields);
        }
        return out;
    }

    @Test
    void everyKindOfLineHasOptunasFieldsInOptunasOrder() throws IOException {
        Map<String, Set<List<String>>> optuna = shapes(optunaLines);
        Map<String, Set<List<String>>> hpo = shapes(hpoLines);
        assertEquals(optuna.keySet(), hpo.keySet());
        optuna.forEach((kind, fields) -> assertEquals(fields, hpo.get(kind), "fields of lines of kind " + kind));
    }

    @Test
    void distributionStringsAreOptunasExactly() throws IOException {
        Set<String> optuna = new HashSet<>();
        Set<String> hpo = new HashSet<>();
        for (String l : optunaLines) {
            JsonNode n = JournalJson.MAPPER.readTree(l);
            if (n.has("distribution")) {
                optuna.add(n.get("distribution").asText());
            }
        }
        for (String l : hpoLines) {
            JsonNode n = JournalJson.MAPPER.readTree(l);
            if (n.has("distribution")) {
                hpo.add(n.get("distribution").asText());
            }
        }
        assertEquals(optuna, hpo);
    }

    @Test
    void linesAreCompactJsonLikePythons() throws IOException {
        for (String l : hpoLines) {
            assertEquals(JournalJson.MAPPER.writeValueAsString(JournalJson.MAPPER.readTree(l)), l);
            assertTrue(l.startsWith("{\"op_code\":"), l);
        }
    }

    @Test
    void timestampsAndWorkerIdsHaveOptunasForm() throws IOException {
        for (String l : hpoLines) {
            JsonNode n = JournalJson.MAPPER.readTree(l);
            assertTrue(WORKER.matcher(n.get("worker_id").asText()).matches(), l);
            for (String field : List.of("datetime_start", "datetime_complete")) {
                if (n.hasNonNull(field)) {
                    assertTrue(TIMESTAMP.matcher(n.get(field).asText()).matches(), l);
                }
            }
        }
    }

    @Test
    void enqueuedTrialIsATemplateLineInStateWaitingWithFixedParams() throws IOException {
        JsonNode enqueued = null;
        for (String l : hpoLines) {
            JsonNode n = JournalJson.MAPPER.readTree(l);
            if (n.get("op_code").asInt() == 4 && n.has("state")) {
                enqueued = n;
            }
        }
        assertEquals(4, enqueued.get("state").asInt());
        assertTrue(enqueued.get("datetime_start").isNull());
        assertEquals(0.5, enqueued.at("/system_attrs/fixed_params/x").asDouble());
        assertEquals("tanh", enqueued.at("/system_attrs/fixed_params/activation").asText());
    }

    @Test
    void nonFiniteNumbersAreBareTokens() {
        String line = new String(JournalJson.bytes(JournalJson.MAPPER.createObjectNode()
                .put("a", Double.NaN).put("b", Double.POSITIVE_INFINITY).put("c", Double.NEGATIVE_INFINITY)),
                StandardCharsets.UTF_8);
        assertEquals("{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}", line);
    }
}
