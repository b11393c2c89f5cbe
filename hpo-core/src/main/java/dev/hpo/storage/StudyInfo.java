package dev.hpo.storage;

import dev.hpo.Direction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a storage knows about one study, apart from its trials. */
public record StudyInfo(long id, String name, List<Direction> directions, Map<String, Object> userAttrs,
        Map<String, Object> systemAttrs) {

    public StudyInfo {
        directions = List.copyOf(directions);
        userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }
}
