package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialsTableTest {

    @Test
    void artifactsAreListedByFileNameWithTheirIdOnHoverOnlyWhenATrialHasOne() {
        try (Study study = Study.builder().name("s").build()) {
            study.addTrial(FrozenTrial.builder().param("x", 1.0, FloatDistribution.of(0, 2)).value(1).build());
            assertFalse(HtmlReport.render(List.of(study)).contains("<th>artifacts</th>"));
            study.addTrial(FrozenTrial.builder().param("x", 0.5, FloatDistribution.of(0, 2)).value(0.5)
                    .systemAttr("artifacts:1234-abcd", "{\"artifact_id\": \"1234-abcd\", \"filename\": \"<m>.bin\","
                            + " \"mimetype\": \"application/octet-stream\", \"encoding\": null}")
                    .build());
            String html = HtmlReport.render(List.of(study));
            assertTrue(html.contains("<th>artifacts</th>"), "an artifacts column");
            assertTrue(html.contains("<span class=\"artifact\" title=\"1234-abcd\">&lt;m&gt;.bin</span>"), html);
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
            assertTrue(html.contains("<th title=\"every constraint at most 0\">feasible</th>"), "a feasible column");
            assertTrue(html.contains(">no</td>") && html.contains(">yes</td>"), html);
            assertTrue(html.contains("{&quot;note&quot;:&quot;&quot;,&quot;tags&quot;:[&quot;a&quot;,2]}"), html);
        }
    }

    @Test
    void anEnqueuedTrialIsMarkedInItsStateCell() {
        try (Study study = Study.builder().name("s").build()) {
            study.enqueueTrial(java.util.Map.of("x", 1.5));
            study.optimize(t -> t.suggestFloat("x", 0, 2), 2);
            String html = HtmlReport.render(List.of(study));
            assertTrue(html.contains("<td>COMPLETE <span class=\"enqueued\" title=\"its parameters were enqueued, not"
                    + " sampled\">enqueued</span></td>"), html);
            assertTrue(html.indexOf("class=\"enqueued\"") == html.lastIndexOf("class=\"enqueued\""),
                    "only the enqueued trial");
        }
    }
}
