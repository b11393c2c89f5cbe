package dev.hpo.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.Direction;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import dev.hpo.space.DistributionJson;
import dev.hpo.storage.journal.JournalFile;
import dev.hpo.storage.journal.JournalJson;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The replay of a journal's first bytes, saved beside it ({@code <journal>.snapshot}) so that the next process to
 * open the journal reads those bytes' checksum instead of parsing them, and replays only the lines after them.
 * Optuna's Redis journal keeps snapshots for the same reason; the file journal gets one here because a build opens
 * its journal again right after the forked study wrote thousands of lines to it, in a JVM that has compiled none of
 * the JSON parser.
 *
 * <p>The journal stays the only truth. A snapshot names the prefix it covers by length, line count and CRC-32;
 * when the file no longer starts with those bytes (cut, repaired, replaced) or the snapshot cannot be read, it is
 * ignored and the whole journal is replayed. It is written at close by a storage that replayed at least
 * {@link #MIN_NEW_LINES} lines beyond the snapshot it started from, to a temporary file moved over the old one, so
 * processes sharing the journal never read half a snapshot; whichever is moved last wins, and any of them is
 * right for the prefix it names. Optuna ignores the file.
 */
final class JournalSnapshot {

    /** Lines a storage must have replayed beyond its starting snapshot to write a new one at close. */
    static final long MIN_NEW_LINES = 1000;

    private static final System.Logger LOG = System.getLogger(JournalSnapshot.class.getName());
    private static final String MAGIC = "hpo journal snapshot";
    /** Bump when the layout changes, or the order of {@link TrialState} or {@link Direction} (stored by ordinal). */
    private static final int VERSION = 1;
    private static final TrialState[] STATES = TrialState.values();
    private static final Direction[] DIRECTIONS = Direction.values();

    private JournalSnapshot() {
    }

    static Path pathOf(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".snapshot");
    }

    /**
     * The replay saved beside {@code file}'s journal, with {@code file} moved past the prefix it covers; or null,
     * with {@code file} untouched, when there is no snapshot or it does not match the journal.
     */
    static JournalReplay load(JournalFile file) {
        Path path = pathOf(file.path());
        try (Input in = new Input(path)) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                return null;
            }
            long length = in.readLong();
            long lines = in.readLong();
            long checksum = in.readLong();
            JournalReplay replay = read(in, file.path().toString());
            if (in.read() != -1 || !file.skipVerified(length, lines, checksum)) {
                return null;
            }
            return replay;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // a snapshot is a cache of the journal: one that cannot be read costs a full replay, nothing more
            LOG.log(System.Logger.Level.DEBUG, "journal snapshot {0} not used: {1}", path, e);
            return null;
        }
    }

    /**
     * Saves {@code replay}, the replay of {@code file}'s bytes up to its offset. A journal in a directory this
     * process may not write to simply gets no snapshot.
     */
    static void save(JournalFile file, JournalReplay replay) {
        Path path = pathOf(file.path());
        Path temporary = path.resolveSibling(path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(file.offset());
                out.writeLong(file.linesRead());
                out.writeLong(file.prefixChecksum());
                write(out, replay);
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "journal snapshot {0} not written: {1}", path, e);
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file's name is unique; a leftover harms nothing
            }
        }
    }

    // ---- the format: studies, then trials by id; distributions once, by index ---------------------------------

    private static void write(DataOutputStream out, JournalReplay replay) throws IOException {
        Map<JournalReplay.StudyState, Integer> studyIndex = new IdentityHashMap<>();
        List<JournalReplay.StudyState> studies = new ArrayList<>();
        List<Boolean> live = new ArrayList<>();
        for (JournalReplay.StudyState s : replay.liveStudies()) {
            studyIndex.put(s, studies.size());
            studies.add(s);
            live.add(true);
        }
        for (TrialRecord t : replay.allTrials()) {
            JournalReplay.StudyState s = replay.studyOf(t);
            if (!studyIndex.containsKey(s)) {
                studyIndex.put(s, studies.size());
                studies.add(s);
                live.add(false);
            }
        }
        DistributionTable distributions = new DistributionTable();
        out.writeLong(replay.nextStudyId());
        out.writeInt(studies.size());
        for (int i = 0; i < studies.size(); i++) {
            JournalReplay.StudyState s = studies.get(i);
            out.writeLong(s.id);
            out.writeBoolean(live.get(i));
            writeString(out, s.name);
            out.writeInt(s.directions.size());
            for (Direction d : s.directions) {
                out.writeByte(d.ordinal());
            }
            writeAttrs(out, s.userAttrs);
            writeAttrs(out, s.systemAttrs);
            out.writeInt(s.paramKinds.size());
            for (Map.Entry<String, Distribution> e : s.paramKinds.entrySet()) {
                writeString(out, e.getKey());
                out.writeInt(distributions.index(out, e.getValue()));
            }
        }
        out.writeInt(replay.allTrials().size());
        for (TrialRecord t : replay.allTrials()) {
            out.writeInt(studyIndex.get(replay.studyOf(t)));
            out.writeInt(t.number);
            out.writeByte(t.state.ordinal());
            writeValues(out, t.values);
            out.writeInt(t.params.size());
            for (Map.Entry<String, Object> e : t.params.entrySet()) {
                Distribution d = t.distributions.get(e.getKey());
                writeString(out, e.getKey());
                out.writeInt(distributions.index(out, d));
                out.writeDouble(d.toInternal(e.getValue()));
            }
            out.writeInt(t.intermediateValues.size());
            for (Map.Entry<Integer, Double> e : t.intermediateValues.entrySet()) {
                out.writeInt(e.getKey());
                out.writeDouble(e.getValue());
            }
            writeAttrs(out, t.userAttrs);
            writeAttrs(out, t.systemAttrs);
            writeInstant(out, t.start);
            writeInstant(out, t.complete);
        }
    }

    private static JournalReplay read(Input in, String fileName) throws IOException {
        JournalReplay replay = new JournalReplay(fileName);
        List<Distribution> distributions = new ArrayList<>();
        replay.restoreNextStudyId(in.readLong());
        int studyCount = in.size();
        List<JournalReplay.StudyState> studies = new ArrayList<>(studyCount);
        for (int i = 0; i < studyCount; i++) {
            long id = in.readLong();
            boolean live = in.readBoolean();
            String name = readString(in);
            int directionCount = in.size();
            List<Direction> directions = new ArrayList<>(directionCount);
            for (int d = 0; d < directionCount; d++) {
                directions.add(DIRECTIONS[in.readByte()]);
            }
            JournalReplay.StudyState s = new JournalReplay.StudyState(id, name, directions);
            readAttrs(in, s.userAttrs);
            readAttrs(in, s.systemAttrs);
            int kinds = in.size();
            for (int k = 0; k < kinds; k++) {
                String param = readString(in);
                s.paramKinds.put(param, distribution(in, distributions));
            }
            studies.add(s);
            replay.restoreStudy(s, live);
        }
        int trialCount = in.size();
        for (long id = 0; id < trialCount; id++) {
            JournalReplay.StudyState s = studies.get(in.readInt());
            TrialRecord t = new TrialRecord(id, s.id, in.readInt(), null, null);
            t.state = STATES[in.readByte()];
            t.values = readValues(in);
            int params = in.size();
            for (int p = 0; p < params; p++) {
                String name = readString(in);
                Distribution d = distribution(in, distributions);
                t.distributions.put(name, d);
                t.params.put(name, d.toExternal(in.readDouble()));
            }
            int steps = in.size();
            for (int p = 0; p < steps; p++) {
                t.intermediateValues.put(in.readInt(), in.readDouble());
            }
            readAttrs(in, t.userAttrs);
            readAttrs(in, t.systemAttrs);
            t.start = readInstant(in);
            t.complete = readInstant(in);
            replay.restoreTrial(t, s);
        }
        return replay;
    }

    /** The snapshot's bytes, with sizes checked against the file's, so that a damaged one fails instead of allocating. */
    private static final class Input extends DataInputStream {
        private final long limit;

        Input(Path path) throws IOException {
            super(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            this.limit = Files.size(path);
        }

        /** A count or a length: not negative, and no more than the file has bytes. */
        int size() throws IOException {
            int n = readInt();
            if (n < 0 || n > limit) {
                throw new IOException("damaged: a size of " + n + " in a file of " + limit + " bytes");
            }
            return n;
        }
    }

    /** Distributions in the order first written: each one's JSON the first time, its index after. */
    private static final class DistributionTable {
        private final Map<Distribution, Integer> indices = new HashMap<>();

        int index(DataOutputStream out, Distribution d) throws IOException {
            Integer i = indices.get(d);
            if (i != null) {
                return i;
            }
            int next = indices.size();
            indices.put(d, next);
            out.writeInt(-1);
            writeString(out, DistributionJson.toJson(d));
            return next;
        }
    }

    /** Reads a distribution written by {@link DistributionTable#index}: its JSON, then its index (or the index). */
    private static Distribution distribution(Input in, List<Distribution> table) throws IOException {
        int i = in.readInt();
        if (i == -1) {
            table.add(DistributionJson.fromJson(readString(in)));
            i = in.readInt();
        }
        return table.get(i);
    }

    private static void writeValues(DataOutputStream out, List<Double> values) throws IOException {
        out.writeBoolean(values == null);
        if (values == null) {
            return;
        }
        out.writeInt(values.size());
        for (Double v : values) {
            out.writeBoolean(v != null);
            out.writeDouble(v == null ? 0 : v);
        }
    }

    private static List<Double> readValues(Input in) throws IOException {
        if (in.readBoolean()) {
            return null;
        }
        int n = in.size();
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean present = in.readBoolean();
            double v = in.readDouble();
            values.add(present ? v : null);
        }
        return values;
    }

    /** Attributes as the JSON the journal's lines hold them in (most trials have none: a zero length). */
    private static void writeAttrs(DataOutputStream out, Map<String, Object> attrs) throws IOException {
        if (attrs.isEmpty()) {
            out.writeInt(0);
            return;
        }
        byte[] json = JournalJson.MAPPER.writeValueAsBytes(attrs);
        out.writeInt(json.length);
        out.write(json);
    }

    private static void readAttrs(Input in, Map<String, Object> into) throws IOException {
        int length = in.size();
        if (length == 0) {
            return;
        }
        byte[] json = new byte[length];
        in.readFully(json);
        Iterator<Map.Entry<String, JsonNode>> fields = JournalJson.MAPPER.readTree(json).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            into.put(e.getKey(), JournalJson.toJava(e.getValue()));
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(Input in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** A string of any length (writeUTF stops at 64 KB), as UTF-8. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(Input in) throws IOException {
        byte[] bytes = new byte[in.size()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
