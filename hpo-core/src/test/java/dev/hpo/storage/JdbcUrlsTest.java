package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hpo.storage.jdbc.JdbcUrls;
import dev.hpo.storage.jdbc.SqlDialect;
import dev.hpo.storage.jdbc.StoredDouble;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL handling and value encoding of the JDBC storage, without a database. */
class JdbcUrlsTest {

    @Test
    void passwordParameterIsMasked() {
        assertEquals("jdbc:postgresql://db:5432/hpo?user=me&password=***&ssl=true",
                JdbcUrls.redact("jdbc:postgresql://db:5432/hpo?user=me&password=s3cr3t&ssl=true"));
    }

    @Test
    void passwordInUserInfoIsMasked() {
        assertEquals("jdbc:mysql://me:***@db/hpo", JdbcUrls.redact("jdbc:mysql://me:hunter2@db/hpo"));
    }

    @Test
    void environmentCredentialsFillOnlyWhatTheUrlLacks() {
        Map<String, String> env = Map.of(JdbcUrls.USER_ENV, "envuser", JdbcUrls.PASSWORD_ENV, "envpass");
        Properties none = JdbcUrls.credentials("jdbc:postgresql://db/hpo?user=me&password=x", env);
        assertEquals(new Properties(), none);
        Properties both = JdbcUrls.credentials("jdbc:postgresql://db/hpo", env);
        assertEquals("envuser", both.getProperty("user"));
        assertEquals("envpass", both.getProperty("password"));
    }

    @Test
    void dialectFollowsTheSubprotocol() {
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of("jdbc:postgresql://h/db"));
        assertEquals(SqlDialect.SQLITE, SqlDialect.of("jdbc:sqlite:study.db"));
        assertEquals(SqlDialect.H2, SqlDialect.of("JDBC:H2:mem:x"));
        assertThrows(IllegalArgumentException.class, () -> SqlDialect.of("jdbc:derby:x"));
    }

    @Test
    void nonFiniteValuesHaveTheirOwnKind() {
        assertEquals(StoredDouble.NAN, StoredDouble.kind(Double.NaN));
        assertEquals(StoredDouble.POSITIVE_INFINITY, StoredDouble.kind(Double.POSITIVE_INFINITY));
        assertEquals(StoredDouble.NEGATIVE_INFINITY, StoredDouble.kind(Double.NEGATIVE_INFINITY));
        assertEquals(StoredDouble.FINITE, StoredDouble.kind(-0.0));
        assertEquals(null, StoredDouble.number(Double.NaN));
    }
}
