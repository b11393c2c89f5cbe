package dev.hpo.junit.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.JUnitException;

class ForkedLauncherTest {

    @Test
    void tagExpressionsBecomeTagFiltersAndOneThatDoesNotParseIsNamedWithItsParameter() {
        Path p = Path.of("x");
        assertEquals(1, ForkedLauncher.filters(new LaunchArguments(p, p, p)).size(), "the engine filter alone");
        assertEquals(3, ForkedLauncher.filters(new LaunchArguments(p, p, p, "fast & !gpu", "slow", List.of())).size());
        JUnitException e = assertThrows(JUnitException.class,
                () -> ForkedLauncher.filters(new LaunchArguments(p, p, p, null, "gpu &", List.of())));
        assertTrue(e.getMessage().startsWith("invalid tag expression 'gpu &' for excludedGroups"
                + " (hpo.excludedGroups): "), e.getMessage());
    }

    @Test
    void logRecordsTakeOneLineThatStartsWithTheirLevel() {
        String before = System.getProperty(ForkedLauncher.LOG_FORMAT_PROPERTY);
        System.setProperty(ForkedLauncher.LOG_FORMAT_PROPERTY, ForkedLauncher.LOG_FORMAT);
        try {
            LogRecord record = new LogRecord(Level.WARNING, "study S.m trial 2 marked FAIL");
            record.setSourceClassName("dev.hpo.Study");
            record.setSourceMethodName("failStaleTrials");
            assertEquals("WARNING: study S.m trial 2 marked FAIL" + System.lineSeparator(),
                    new SimpleFormatter().format(record));
        } finally {
            if (before == null) {
                System.clearProperty(ForkedLauncher.LOG_FORMAT_PROPERTY);
            } else {
                System.setProperty(ForkedLauncher.LOG_FORMAT_PROPERTY, before);
            }
        }
    }
}
