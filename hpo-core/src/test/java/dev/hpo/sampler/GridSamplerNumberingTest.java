package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GridSampler numbers its grid as Optuna 5 does, checked against {@code grid/numbering.json}, written by numpy and
 * Optuna themselves ({@code hpo-bench/optuna/grid_fixture.py}).
 */
class GridSamplerNumberingTest {

    private static JsonNode fixture;

    @BeforeAll
    static void readFixture() throws IOException {
        try (InputStream in = GridSamplerNumberingTest.class.getResourceAsStream("grid/numbering.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void shufflesAsNumpysLegacyRandomStateOverTheWholeSeedRange() throws NoSuchAlgorithmException {
        int cases = 0;
        for (JsonNode c : fixture.get("shuffles")) {
            long seed = c.get("seed").asLong();
            int n = c.get("n").asInt();
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            new NumpyRandomState(seed).shuffle(perm);
            String where = "seed " + seed + ", n " + n;
            List<Integer> head = new ArrayList<>();
            c.get("head").forEach(x -> head.add(x.asInt()));
            assertEquals(head, Arrays.stream(perm).limit(head.size()).boxed().toList(), where);
            StringJoiner text = new StringJoiner(",");
            for (int p : perm) {
                text.add(Integer.toString(p));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(c.get("sha256").asText(), digest, where);
            cases++;
        }
        assertTrue(cases > 100, "the fixture has " + cases + " shuffles");
    }

    @Test
    void numbersEachGridIdAsOptunasGridSampler() {
        ObjectMapper json = new ObjectMapper();
        for (JsonNode g : fixture.get("grids")) {
            @SuppressWarnings("unchecked")
            Map<String, List<?>> space = json.convertValue(g.get("space"), Map.class);
            JsonNode seed = g.get("seed");
            GridSampler sampler = seed.isNull() ? new GridSampler(space) : new GridSampler(space, seed.asLong());
            String where = g.get("space") + " seed " + seed;
            assertEquals(json.convertValue(g.get("search_space"), Map.class), sampler.searchSpace(), where);
            List<String> names = new ArrayList<>();
            g.get("param_names").forEach(x -> names.add(x.asText()));
            assertEquals(names, List.copyOf(sampler.searchSpace().keySet()), where);
            JsonNode points = g.get("points");
            assertEquals(points.size(), sampler.size(), where);
            for (int id = 0; id < sampler.size(); id++) {
                assertEquals(json.convertValue(points.get(id), List.class), List.copyOf(sampler.point(id).values()),
                        where + " grid id " + id);
            }
        }
    }

    @Test
    void aSeedOutsideNumpysRangeIsAnErrorNamingTheRange() {
        for (long seed : new long[] {-1, 1L << 32, Long.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GridSampler(Map.of("x", List.of(1, 2)), seed));
            assertTrue(e.getMessage().contains("seed " + seed) && e.getMessage().contains("[0, 4294967295]"),
                    e.getMessage());
        }
        assertEquals(List.of(4294967295L, 0L), List.of(new GridSampler(Map.of("x", List.of(1)), 4294967295L).seed(),
                new GridSampler(Map.of("x", List.of(1))).seed()));
    }
}
