package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyFilterTest {

    private static final List<String> STUDIES = List.of("GateTest.acc", "GateTest.loss", "Other.bowl");

    @Test
    void namesAndStarsSelectStudiesAsTheEngineDoes() {
        assertEquals(List.of("GateTest.acc", "Other.bowl"),
                new StudyFilter("GateTest.acc, Other.bowl").filter(STUDIES));
        assertEquals(List.of("GateTest.acc", "GateTest.loss"), new StudyFilter("GateTest.*").filter(STUDIES));
        assertEquals(STUDIES, new StudyFilter(" ").filter(STUDIES));
    }

    @Test
    void namesThatMatchNoStudyAreTold() {
        assertEquals(List.of("Nope.x", "Gate*.f1"),
                new StudyFilter("GateTest.acc,Nope.x,Gate*.f1,*.loss").unmatched(STUDIES, null));
        assertEquals(List.of(), new StudyFilter("").unmatched(STUDIES, null));
    }

    @Test
    void aNameMatchesWithOrWithoutTheStudyPrefix() {
        List<String> prefixed = List.of("ci-GateTest.acc");
        assertEquals(List.of("Nope.x"), new StudyFilter("GateTest.acc,ci-GateTest.acc,Nope.x").unmatched(prefixed,
                "ci-"));
    }
}
