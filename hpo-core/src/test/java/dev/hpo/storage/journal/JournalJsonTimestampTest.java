package dev.hpo.storage.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp writer and reader agree with {@link DateTimeFormatter} on every instant. */
class JournalJsonTimestampTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    private static Instant random(SplittableRandom rnd) {
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        return Instant.ofEpochSecond(rnd.nextLong(min, max + 1), rnd.nextInt(1_000_000_000));
    }

    @Test
    void timestampWritesWhatTheFormatterWrites() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = random(rnd);
            assertEquals(REFERENCE.format(t.atOffset(ZoneOffset.UTC)) + "+00:00", JournalJson.timestamp(t), t::toString);
        }
    }

    @Test
    void timestampOfAYearBeyond9999IsTheFormatters() {
        Instant t = Instant.parse("+12345-06-07T08:09:10.123456Z");
        assertEquals(REFERENCE.format(t.atOffset(ZoneOffset.UTC)) + "+00:00", JournalJson.timestamp(t));
    }

    @Test
    void fastReaderReadsWhatTheGeneralParserReads() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String text = JournalJson.timestamp(random(rnd));
            assertEquals(OffsetDateTime.parse(text).toInstant(), JournalJson.utcMicros(text), text);
        }
    }

    @Test
    void timestampReadsBackTruncatedToMicroseconds() {
        Instant t = Instant.parse("2026-02-28T23:59:59.999999999Z");
        var node = JournalJson.MAPPER.getNodeFactory().textNode(JournalJson.timestamp(t));
        assertEquals(t.truncatedTo(ChronoUnit.MICROS), JournalJson.instant(node));
    }

    @Test
    void otherFormsAreLeftToTheGeneralParser() {
        assertNull(JournalJson.utcMicros("2026-11-22T14:57:39.916472+01:00"));
        assertNull(JournalJson.utcMicros("2026-11-22T14:57:39.916+00:00"));
        assertNull(JournalJson.utcMicros("2026-02-30T14:57:39.916472+00:00"));
        assertNull(JournalJson.utcMicros("2026-11-22T24:57:39.916472+00:00"));
        assertNull(JournalJson.utcMicros("2026-1a-22T14:57:39.916472+00:00"));
    }

    @Test
    void timestampWithAnotherOffsetOrWithoutOneIsStillRead() {
        var nodes = JournalJson.MAPPER.getNodeFactory();
        assertEquals(Instant.parse("2026-11-22T13:57:39.916472Z"),
                JournalJson.instant(nodes.textNode("2026-11-22T14:57:39.916472+01:00")));
        assertEquals(LocalDateTime.parse("2026-11-22T14:57:39.916472").atZone(ZoneId.systemDefault()).toInstant(),
                JournalJson.instant(nodes.textNode("2026-11-22T14:57:39.916472")));
    }

    @Test
    void leapDayIsRead() {
        assertEquals(Instant.parse("2024-02-29T00:00:00.000001Z"),
                JournalJson.utcMicros("2024-02-29T00:00:00.000001+00:00"));
    }
}
