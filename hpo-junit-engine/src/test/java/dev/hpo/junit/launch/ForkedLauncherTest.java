package dev.hpo.junit.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class ForkedLauncherTest {

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
