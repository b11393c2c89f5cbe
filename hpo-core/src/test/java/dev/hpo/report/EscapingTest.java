package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void escapeReplacesMarkupCharacters() {
        assertEquals("&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;", Html.escape("<script>a & \"b\" 'c'</script>"));
    }

    @Test
    void svgWriterEscapesTextAndTitles() {
        String svg = new SvgWriter("<x>").text(0, 0, "<script>&", "middle", null, 0)
                .circle(1, 1, 1, "pt", "a<b>&c").toString();
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("&lt;script&gt;&amp;"), svg);
        assertTrue(svg.contains("<title>a&lt;b&gt;&amp;c</title>"), svg);
    }

    @Test
    void reportEscapesStudyParameterChoiceAttributeAndFailureStrings() {
        String html = HtmlReport.render(List.of(ReportFixtures.single(40)));
        // the only script elements are the report's own two and the study's trials as JSON data
        assertEquals(2, html.split("<script>", -1).length - 1, "unexpected <script> in the page");
        assertEquals(3, html.split("<script", -1).length - 1, "unexpected <script in the page");
        assertEquals(3, html.split("</script", -1).length - 1, "a user string closes a script element");
        assertFalse(html.contains("<!--"), "a user string opens a comment");
        assertFalse(html.contains("<script>alert"), "a user string reached the page unescaped");
        assertTrue(html.contains("svm &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), "study name escaped");
        assertTrue(html.contains("kernel &lt;script&gt;&amp;"), "parameter name escaped");
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), "choice escaped");
        assertTrue(html.contains("&lt;b&gt;me&lt;/b&gt;"), "user attribute escaped");
        assertTrue(html.contains("diverged \\u003Cscript\\u003Ealert('fail')\\u003C/script\\u003E \\u0026 stopped"),
                "fail reason escaped in the trials' JSON");
        assertTrue(TrialsTableTest.rows(html).toString().contains("diverged <script>alert('fail')</script> & stopped"),
                "and read back as it was");
    }

    @Test
    void trialsJsonInItsScriptElementCannotCloseItOpenACommentOrBreakALine() {
        String choice = "</script><script>alert(1)</script><!-- x -->";
        String reason = "a\u2028b\u2029c & d </SCRIPT >";
        try (Study study = Study.builder().name("s").build()) {
            study.addTrial(FrozenTrial.builder().param("k", choice, CategoricalDistribution.of(List.of(choice, "b")))
                    .state(TrialState.FAIL).systemAttr(Study.FAIL_REASON_ATTR, reason).build());
            String html = HtmlReport.render(List.of(study));
            String start = "<script type=\"application/json\" class=\"trials-data\">";
            int from = html.indexOf(start) + start.length();
            String data = html.substring(from, html.indexOf("</script>", from));
            for (String bad : List.of("<", ">", "&", "\u2028", "\u2029")) {
                assertFalse(data.contains(bad), bad + " in the script element: " + data);
            }
            assertTrue(data.contains("\\u003C/script\\u003E") && data.contains("\\u2028"), data);
            JsonNode row = TrialsTableTest.rows(html).get(0);
            assertEquals(choice, row.get(5).asText(), "the choice reads back as it was");
            assertEquals(reason, row.get(6).asText(), "the fail reason reads back as it was");
        }
    }

    @Test
    void rankPlotEscapesParameterNamesAndChoicesInLabelsAndHoverTitles() {
        dev.hpo.Study study = dev.hpo.Study.builder().sampler(new dev.hpo.sampler.RandomSampler(2)).build();
        study.optimize(t -> t.suggestFloat("x <b>&", 0, 1)
                + (t.suggestCategorical("k<script>", List.of("<script>a</script>", "b&c")).equals("b&c") ? 1 : 0), 12);
        SvgWriter svg = new SvgWriter("rank");
        new RankPlot().render(StudyData.of(study), svg);
        String out = svg.toString();
        assertFalse(out.contains("<script>") || out.contains("<b>"), out);
        assertTrue(out.contains(">k&lt;script&gt;</text>"), "axis label escaped");
        assertTrue(out.contains("k&lt;script&gt;=&lt;script&gt;a&lt;/script&gt;"), "choice escaped in a hover title");
        assertTrue(out.contains("x &lt;b&gt;&amp;="), "name escaped in a hover title");
    }
}
