package dev.hpo.maven;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code objectives} parameter as a filter on study names, matched as the forked engine matches it: a
 * comma-separated list of study names, where {@code *} stands for any text; empty means every study.
 */
final class StudyFilter {

    private final List<String> names;

    StudyFilter(String objectives) {
        names = objectives == null ? List.of() : Arrays.stream(objectives.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    boolean matches(String study) {
        return names.isEmpty() || names.stream().anyMatch(name -> glob(name).matcher(study).matches());
    }

    List<String> filter(List<String> studies) {
        return studies.stream().filter(this::matches).toList();
    }

    /**
     * The names that match none of the studies, by their full name or by the name without {@code prefix} (the
     * engine takes either); in the order given.
     */
    List<String> unmatched(List<String> studies, String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        return names.stream().filter(name -> studies.stream().noneMatch(study -> glob(name).matcher(study).matches()
                || study.startsWith(p) && glob(name).matcher(study.substring(p.length())).matches())).toList();
    }

    private static Pattern glob(String name) {
        return Pattern.compile(Arrays.stream(name.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
