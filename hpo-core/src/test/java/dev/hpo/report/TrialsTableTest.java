package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialsTableTest {

    private static final String DATA = "<script type=\"application/json\" class=\"trials-data\">";

    /** The trials' rows of the first study in a rendered report, parsed as the page's script parses them. */
    static JsonNode rows(String html) {
        int start = html.indexOf(DATA);
        assertTrue(start >= 0, "no trials data in the page");
        start += DATA.length();
        return parse(html.substring(start, html.indexOf("</script>", start)));
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** The header cells of the first trials table. */
    static List<String> headers(String html) {
        int start = html.indexOf("<table class=\"trials sortable\"><thead><tr>");
        String head = html.substring(start, html.indexOf("</tr></thead>", start));
        List<String> out = new ArrayList<>();
        for (String th : head.split("<th")) {
            if (th.contains("</th>")) {
                out.add("<th" + th.substring(0, th.indexOf("</th>") + 5));
            }
        }
        return out;
    }

    @Test
    void everyTrialIsARowOfDataInTrialOrderWithItsCellsInHeaderOrder() {
        try (Study study = Study.builder().name("s").build()) {
            for (int i = 0; i < 250; i++) {
                study.addTrial(FrozenTrial.builder().param("x", i / 4.0, FloatDistribution.of(0, 70))
                        .param("k", i % 2 == 0 ? "a" : "b", CategoricalDistribution.of(List.of("a", "b")))
                        .value(250 - i).build());
            }
            String html = HtmlReport.render(List.of(study));
            assertEquals(List.of("<th class=\"num\">#</th>", "<th data-kind=\"state\">state</th>",
                    "<th class=\"num\">value</th>", "<th class=\"num\">duration (s)</th>", "<th>k</th>",
                    "<th class=\"num\">x</th>"), headers(html));
            assertTrue(html.contains("<div class=\"trials-view\" data-page-size=\"100\">"), "a page of 100 rows");
            assertFalse(html.contains("<td"), "no row is written as HTML");
            JsonNode rows = rows(html);
            assertEquals(250, rows.size(), "every trial");
            for (int i = 0; i < 250; i++) {
                JsonNode r = rows.get(i);
                assertEquals(i, r.get(1).asInt(), "trial number");
                assertEquals("COMPLETE", r.get(2).asText());
                assertEquals(250 - i, r.get(3).asInt(), "value");
                assertEquals(i % 2 == 0 ? "a" : "b", r.get(5).asText(), "k");
                assertEquals(i / 4.0, r.get(6).asDouble(), "x");
                assertEquals(i == 249 ? TrialsTable.BEST : 0, r.get(0).asInt(), "only the best trial is flagged");
            }
            assertTrue(rows.get(7).get(6).isNumber() && rows.get(7).get(2).isTextual(), "x = 1.75 as a number");
        }
    }

    @Test
    void numbersJavaScriptWouldPrintDifferentlyStayText() {
        try (Study study = Study.builder().name("s").build()) {
            study.addTrial(FrozenTrial.builder().param("lr", 1.5e-5, FloatDistribution.log(1e-6, 1))
                    .value(Double.POSITIVE_INFINITY).build());
            study.addTrial(FrozenTrial.builder().param("lr", 0.0123, FloatDistribution.log(1e-6, 1))
                    .value(12345.678).build());
            study.addTrial(FrozenTrial.builder().state(TrialState.FAIL).build());
            JsonNode rows = rows(HtmlReport.render(List.of(study)));
            assertEquals("[0,0,\"COMPLETE\",\"∞\",0,\"1.5e-5\"]", rows.get(0).toString());
            assertEquals("[1,1,\"COMPLETE\",\"1.235e+04\",0,0.0123]", rows.get(1).toString());
            assertEquals("[0,2,\"FAIL\",null,0,null]", rows.get(2).toString(), "empty cells are null");
        }
    }

    @Test
    void jsNumberTextIsWhatJavaScriptPrintsBack() {
        for (String yes : List.of("0", "7", "-3", "0.5", "-0.001234", "1234.5", "123456789012345", "0.000001")) {
            assertTrue(TrialsTable.isJsNumberText(yes), yes);
        }
        for (String no : List.of("-0", "1.50", "1.5e-5", "2.5e+04", "∞", "NaN", "1234567890123456", "0.0000001", "",
                "01", ".5", "1.", "+1", "0.1234567890123456")) {
            assertFalse(TrialsTable.isJsNumberText(no), no);
        }
    }

    @Test
    void artifactsAreListedByFileNameWithTheirIdOnHoverOnlyWhenATrialHasOne() {
        try (Study study = Study.builder().name("s").build()) {
            study.addTrial(FrozenTrial.builder().param("x", 1.0, FloatDistribution.of(0, 2)).value(1).build());
            assertFalse(HtmlReport.render(List.of(study)).contains("artifacts</th>"));
            study.addTrial(FrozenTrial.builder().param("x", 0.5, FloatDistribution.of(0, 2)).value(0.5)
                    .systemAttr("artifacts:1234-abcd", "{\"artifact_id\": \"1234-abcd\", \"filename\": \"<m>.bin\","
                            + " \"mimetype\": \"application/octet-stream\", \"encoding\": null}")
                    .build());
            String html = HtmlReport.render(List.of(study));
            assertTrue(html.contains("<th data-kind=\"artifacts\">artifacts</th>"), "an artifacts column");
            JsonNode rows = rows(html);
            assertTrue(rows.get(0).get(6).isNull(), "no artifact, an empty cell");
            assertEquals("[[\"<m>.bin\",\"1234-abcd\"]]", rows.get(1).get(6).toString());
        }
    }

    @Test
    void feasibilityAndUserAttributesAsJsonAreShown() {
        try (Study study = Study.builder().name("s").build()) {
            study.addTrial(FrozenTrial.builder().param("x", 1.0, FloatDistribution.of(0, 2)).value(1)
                    .systemAttr(FrozenTrial.CONSTRAINT_PREFIX + "c", 0.5).userAttr("note", "")
                    .userAttr("tags", List.of("a", 2)).build());
            study.addTrial(FrozenTrial.builder().param("x", 0.5, FloatDistribution.of(0, 2)).value(0.5)
                    .systemAttr(FrozenTrial.CONSTRAINT_PREFIX + "c", -1.0).build());
            study.optimize(t -> t.suggestFloat("x", 0, 2), 1);
            String html = HtmlReport.render(List.of(study));
            assertTrue(html.contains("<th data-kind=\"feasible\" title=\"every constraint at most 0\">feasible</th>"),
                    "a feasible column");
            JsonNode rows = rows(html);
            assertEquals("[\"no\",\"{c=0.5}\"]", rows.get(0).get(5).toString());
            assertEquals("[\"yes\",\"{c=-1.0}\"]", rows.get(1).get(5).toString());
            assertTrue(rows.get(2).get(5).isNull(), "a trial without constraints");
            assertEquals("{\"note\":\"\",\"tags\":[\"a\",2]}", rows.get(0).get(7).asText(), "user attributes");
        }
    }

    @Test
    void anEnqueuedTrialIsFlagged() {
        try (Study study = Study.builder().name("s").build()) {
            study.enqueueTrial(Map.of("x", 1.5));
            study.optimize(t -> t.suggestFloat("x", 0, 2), 2);
            JsonNode rows = rows(HtmlReport.render(List.of(study)));
            assertEquals(TrialsTable.ENQUEUED, rows.get(0).get(0).asInt() & TrialsTable.ENQUEUED, "the enqueued trial");
            assertEquals(0, rows.get(1).get(0).asInt() & TrialsTable.ENQUEUED, "only the enqueued trial");
        }
    }
}
