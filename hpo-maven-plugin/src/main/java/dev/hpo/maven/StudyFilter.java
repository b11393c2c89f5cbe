package dev.hpo.maven;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code objectives} parameter as a filter on study names, for {@code hpo:report} (the forked engine applies
 * the same parameter itself): a comma-separated list of exact study names; empty means every study.
 */
final class StudyFilter {

    private final Set<String> names;

    StudyFilter(String objectives) {
        names = objectives == null ? Set.of() : Arrays.stream(objectives.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    boolean matches(String study) {
        return names.isEmpty() || names.contains(study);
    }

    List<String> filter(List<String> studies) {
        return studies.stream().filter(this::matches).toList();
    }
}
