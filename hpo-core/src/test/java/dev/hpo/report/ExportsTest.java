package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsTest {

    @Test
    void propertiesHoldBestParamsValueAndTrialPerStudySorted() throws Exception {
        Study a = Study.builder().name("Tuning.accuracy").build();
        Trial t = a.ask();
        t.suggestInt("trees", 10, 400);
        t.suggestCategorical("rule", List.of("gini", "entropy"));
        a.tell(t, 0.5);
        Study empty = Study.builder().name("Empty").build();
        String text = BestParamsProperties.render(List.of(a, empty));
        Properties p = new Properties();
        p.load(new StringReader(text));
        FrozenBest best = new FrozenBest(a);
        assertEquals(String.valueOf(best.trees), p.getProperty("Tuning.accuracy.trees"));
        assertEquals(best.rule, p.getProperty("Tuning.accuracy.rule"));
        assertEquals("0.5", p.getProperty("Tuning.accuracy.value"));
        assertEquals("0", p.getProperty("Tuning.accuracy.trial"));
        assertEquals(4, p.size());
        List<String> keys = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    private record FrozenBest(int trees, String rule) {
        FrozenBest(Study s) {
            this((Integer) s.bestParams().get("trees"), (String) s.bestParams().get("rule"));
        }
    }

    @Test
    void aStudyWithoutAFeasibleTrialIsExportedWithoutABest(@TempDir Path dir) throws Exception {
        Study s = Study.builder().name("Constrained.cost").build();
        for (int i = 0; i < 3; i++) {
            Trial t = s.ask();
            t.suggestFloat("x", 0, 1);
            t.setConstraint("budget", 1 + i);
            s.tell(t, i);
        }
        Properties p = new Properties();
        p.load(new StringReader(BestParamsProperties.render(List.of(s))));
        assertEquals(Map.of(), Map.copyOf(p), "no best parameters to take: no trial satisfies the constraints");
        JsonNode root = new ObjectMapper().readTree(StudyJson.render(s));
        assertEquals(3, root.get("trials").size());
        assertFalse(root.has("bestTrial") && !root.get("bestTrial").isNull(), root.toString());
        HtmlReport.write(dir.resolve("report.html"), s);
        assertTrue(Files.readString(dir.resolve("report.html"))
                .contains("<dd>none: no completed trial satisfies the constraints</dd>"));
        assertEquals(List.of(), s.bestTrials(), "as Optuna's best_trials");
    }

    @Test
    void propertiesEscapeSpecialCharactersInNames() throws Exception {
        Study s = Study.builder().name("a b=c:é").build();
        Trial t = s.ask();
        t.suggestFloat("x", 0, 1);
        s.tell(t, 1);
        Properties p = new Properties();
        p.load(new StringReader(BestParamsProperties.render(List.of(s))));
        assertEquals("1.0", p.getProperty("a b=c:é.value"));
    }

    @Test
    void aRunningStudysReportReloadsItselfAndTheFinalOneReplacesIt(@TempDir Path dir) throws Exception {
        Study s = ReportFixtures.single(12);
        Path file = dir.resolve("out/report.html");
        HtmlReport.writeRunning(file, List.of(s), Duration.ofSeconds(30));
        String running = Files.readString(file);
        assertTrue(running.contains("<meta http-equiv=\"refresh\" content=\"30\">"), "the browser reloads it");
        assertTrue(running.contains("<strong>running</strong>: this page reloads every 30 s"), "and says so");
        HtmlReport.write(file, s);
        String done = Files.readString(file);
        assertFalse(done.contains("http-equiv=\"refresh\"") || done.contains("<strong>running</strong>"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "written through a temporary file that is moved in place");
        }
    }

    @Test
    void jsonHasSummaryAndEveryTrial() throws Exception {
        Study s = ReportFixtures.single(30);
        JsonNode root = new ObjectMapper().readTree(StudyJson.render(s));
        assertEquals(s.name(), root.get("name").asText());
        assertEquals("MINIMIZE", root.get("directions").get(0).asText());
        assertEquals(30, root.get("trials").size());
        assertEquals(s.bestTrial().number(), root.get("bestTrial").asInt());
        assertEquals(s.bestValue(), root.get("bestValue").asDouble());
        JsonNode failed = root.get("trials").get(5);
        assertEquals("FAIL", failed.get("state").asText());
        assertTrue(failed.get("failReason").asText().contains("diverged"));
        assertTrue(root.get("trials").get(3).get("intermediateValues").size() > 0);
    }

    @Test
    void jsonListsATrialsArtifacts() throws Exception {
        Study s = Study.builder().name("a").build();
        s.addTrial(FrozenTrial.builder().value(1).systemAttr("artifacts:42", "{\"artifact_id\": \"42\","
                + " \"filename\": \"model.tar.gz\", \"mimetype\": \"application/x-tar\", \"encoding\": \"gzip\"}")
                .build());
        String text = StudyJson.render(s);
        JsonNode artifact = new ObjectMapper().readTree(text).get("trials").get(0).get("artifacts").get(0);
        assertEquals("{\"id\":\"42\",\"filename\":\"model.tar.gz\",\"mimetype\":\"application/x-tar\","
                + "\"encoding\":\"gzip\"}", artifact.toString());
        ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertEquals(indenting.writeValueAsString(indenting.readTree(text)), text, "laid out as databind would");
    }

    @Test
    void jsonIsLaidOutAsDatabindIndentsItsTree() throws Exception {
        Study s = ReportFixtures.single(30);
        s.setUserAttr("nested", Map.of("k", List.of(1, 2.5, "x")));
        Trial t = s.ask();
        t.setUserAttr("ratio", 0.25);
        s.tell(t, Double.NaN);
        for (Study study : List.of(s, ReportFixtures.multi(12), Study.builder().name("empty").build())) {
            String text = StudyJson.render(study);
            ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            assertEquals(indenting.writeValueAsString(indenting.readTree(text)), text, study.name());
        }
    }

    @Test
    void jsonListsTheTerminatorsJudgementsWhenTheStudyHasThem() throws Exception {
        Study s = ReportFixtures.terminated(22);
        String text = StudyJson.render(s);
        ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertEquals(indenting.writeValueAsString(indenting.readTree(text)), text, "laid out as databind would");
        JsonNode judged = new ObjectMapper().readTree(text).get("terminator");
        assertEquals(3, judged.size(), "after trials 19, 20 and 21");
        assertEquals(19, judged.get(0).get("afterTrial").asInt());
        assertEquals(20, judged.get(0).get("completeTrials").asInt());
        assertEquals(0.0005, judged.get(2).get("error").asDouble());
        assertTrue(judged.get(2).get("improvement").asDouble() >= 0);
        assertTrue(new ObjectMapper().readTree(StudyJson.render(ReportFixtures.multi(5))).get("terminator") == null,
                "no terminator, no field");
    }

    @Test
    void metricNamesLabelTheJsonAndThePlots() throws Exception {
        Study s = ReportFixtures.multi(20);
        s.setMetricNames(List.of("cost", "quality"));
        JsonNode root = new ObjectMapper().readTree(StudyJson.render(s));
        assertEquals("cost", root.get("metricNames").get(0).asText());
        assertEquals("quality", root.get("metricNames").get(1).asText());
        String html = HtmlReport.render(s);
        assertTrue(html.contains("cost (minimize)") && html.contains("quality (maximize)"), "Pareto front axes");
        assertTrue(new ObjectMapper().readTree(StudyJson.render(ReportFixtures.multi(5))).get("metricNames") == null,
                "no names, no field");
    }

    @Test
    void csvHasOptunasColumnsAndQuotesWhatNeedsIt() {
        Study s = Study.builder().name("csv").build();
        s.enqueueTrial(Map.of("x", 0.5, "kind", "a,b"));
        s.enqueueTrial(Map.of("kind", "plain"));
        Trial first = s.ask();
        double x = first.suggestFloat("x", 0, 1);
        first.suggestCategorical("kind", List.of("a,b", "plain"));
        first.setUserAttr("note", "say \"hi\"");
        s.tell(first, x + 1);
        Trial second = s.ask();
        second.suggestCategorical("kind", List.of("a,b", "plain"));
        s.tell(second, TrialState.FAIL);

        String[] lines = StudyCsv.render(s).split("\r\n");
        assertEquals("number,value,datetime_start,datetime_complete,duration_seconds,params_x,params_kind,"
                + "user_attrs_note,state", lines[0]);
        FrozenTrial done = s.trials().get(0);
        assertEquals("0,1.5," + done.start() + "," + done.complete() + ","
                + Duration.between(done.start(), done.complete()).toNanos() / 1e9
                + ",0.5,\"a,b\",\"say \"\"hi\"\"\",COMPLETE", lines[1]);
        assertTrue(lines[2].startsWith("1,,") && lines[2].endsWith(",,plain,,FAIL"), lines[2]);
        assertEquals(3, lines.length);
    }

    @Test
    void csvOfSeveralObjectivesNamesTheirColumns() {
        Study s = ReportFixtures.multi(3);
        assertTrue(StudyCsv.render(s).startsWith("number,values_0,values_1,datetime_start"));
        s.setMetricNames(List.of("cost", "quality"));
        assertTrue(StudyCsv.render(s).startsWith("number,values_cost,values_quality,datetime_start"));
    }

    @Test
    void jsonSaysTheThresholdsAndWhetherTheStudyReachesThem() throws Exception {
        Study three = ReportFixtures.threeWay(30);  // error at most 0.2, throughput at least 40, latency free
        JsonNode root = new ObjectMapper().readTree(StudyJson.render(three));
        assertEquals("[0.2,null,40.0]", root.get("thresholds").toString());
        boolean reached = three.bestTrials().stream().anyMatch(t -> t.values().get(0) <= 0.2
                && t.values().get(2) >= 40);
        assertEquals(reached, root.get("thresholdsReached").asBoolean());
        Study single = Study.builder().name("gated").build();
        single.setSystemAttr(Thresholds.ATTR, 0.5);
        single.optimize(t -> t.suggestFloat("x", 1, 2), 3);
        JsonNode missed = new ObjectMapper().readTree(StudyJson.render(single));
        assertEquals("[0.5]", missed.get("thresholds").toString());
        assertFalse(missed.get("thresholdsReached").asBoolean(), "minimizing, every value is above 0.5");
        assertTrue(new ObjectMapper().readTree(StudyJson.render(ReportFixtures.multi(5))).get("thresholds") == null);
    }

    @Test
    void jsonOfMultiObjectiveStudyListsTheFront() throws Exception {
        Study s = ReportFixtures.multi(20);
        JsonNode root = new ObjectMapper().readTree(StudyJson.render(s));
        assertEquals(s.bestTrials().size(), root.get("bestTrials").size());
        assertTrue(root.get("bestValue") == null);
    }
}
