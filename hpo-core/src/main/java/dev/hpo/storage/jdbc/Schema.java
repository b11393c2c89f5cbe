package dev.hpo.storage.jdbc;

import dev.hpo.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of the JDBC storage, created when absent and versioned in {@code hpo_version}, so that an older hpo
 * never writes into a schema it does not understand.
 *
 * <p>Every table a study reads has an index that starts with what the read filters on: trials by study (and by
 * state, for the waiting trials every {@code ask} looks for), their parameters, values, intermediate values and
 * attributes by trial. Parameters and attributes keep their insertion order through a generated key.
 */
public final class Schema {

    /** The schema version this hpo writes; a database with a higher one is refused. */
    public static final int VERSION = 1;

    private Schema() {
    }

    /** The DDL, in dependency order, each statement a no-op when its object exists. */
    static List<String> ddl(SqlDialect d) {
        String key = d.keyType();
        String text = d.textType();
        String id = d.generatedKey();
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE IF NOT EXISTS hpo_version (version_key INTEGER PRIMARY KEY,"
                + " schema_version INTEGER NOT NULL)");
        out.add("CREATE TABLE IF NOT EXISTS hpo_studies (study_id " + id + ", study_name " + key + " NOT NULL UNIQUE,"
                + " directions VARCHAR(4000) NOT NULL, next_trial_number INTEGER NOT NULL)");
        out.add("CREATE TABLE IF NOT EXISTS hpo_study_attrs (attr_id " + id + ","
                + " study_id BIGINT NOT NULL REFERENCES hpo_studies (study_id), attr_kind CHAR(1) NOT NULL,"
                + " attr_key " + key + " NOT NULL, value_json " + text + " NOT NULL,"
                + " UNIQUE (study_id, attr_kind, attr_key))");
        out.add("CREATE TABLE IF NOT EXISTS hpo_trials (trial_id " + id + ","
                + " study_id BIGINT NOT NULL REFERENCES hpo_studies (study_id), trial_number INTEGER NOT NULL,"
                + " trial_state VARCHAR(16) NOT NULL, start_ns BIGINT, complete_ns BIGINT,"
                + " UNIQUE (study_id, trial_number)"
                + (d.separateIndexes() ? "" : ", INDEX hpo_trials_by_state (study_id, trial_state)") + ")");
        if (d.separateIndexes()) {
            out.add("CREATE INDEX IF NOT EXISTS hpo_trials_by_state ON hpo_trials (study_id, trial_state)");
        }
        out.add("CREATE TABLE IF NOT EXISTS hpo_trial_params (param_id " + id + ","
                + " trial_id BIGINT NOT NULL REFERENCES hpo_trials (trial_id), param_name " + key + " NOT NULL,"
                + " internal_value DOUBLE PRECISION NOT NULL, distribution_json " + text + " NOT NULL,"
                + " UNIQUE (trial_id, param_name))");
        out.add("CREATE TABLE IF NOT EXISTS hpo_trial_values (trial_id BIGINT NOT NULL REFERENCES hpo_trials (trial_id),"
                + " objective INTEGER NOT NULL, num_value DOUBLE PRECISION, value_kind CHAR(1) NOT NULL,"
                + " PRIMARY KEY (trial_id, objective))");
        out.add("CREATE TABLE IF NOT EXISTS hpo_trial_intermediate ("
                + "trial_id BIGINT NOT NULL REFERENCES hpo_trials (trial_id), step_no INTEGER NOT NULL,"
                + " num_value DOUBLE PRECISION, value_kind CHAR(1) NOT NULL, PRIMARY KEY (trial_id, step_no))");
        out.add("CREATE TABLE IF NOT EXISTS hpo_trial_attrs (attr_id " + id + ","
                + " trial_id BIGINT NOT NULL REFERENCES hpo_trials (trial_id), attr_kind CHAR(1) NOT NULL,"
                + " attr_key " + key + " NOT NULL, value_json " + text + " NOT NULL,"
                + " UNIQUE (trial_id, attr_kind, attr_key))");
        out.add("CREATE TABLE IF NOT EXISTS hpo_heartbeats ("
                + "trial_id BIGINT NOT NULL PRIMARY KEY REFERENCES hpo_trials (trial_id), beat_ms BIGINT NOT NULL)");
        return out;
    }

    /**
     * Creates the tables that are missing and checks the stored version.
     *
     * @throws StorageException when the database holds a schema of another (newer) hpo
     */
    public static void ensure(Connection c, SqlDialect dialect, String redactedUrl) throws SQLException {
        if (dialect.schemaLock() != null) {
            Sql.execute(c, dialect.schemaLock());
        }
        for (String statement : ddl(dialect)) {
            Sql.execute(c, statement);
        }
        Long stored = Sql.queryLong(c, "SELECT schema_version FROM hpo_version WHERE version_key = 1");
        if (stored == null) {
            Sql.update(c, "INSERT INTO hpo_version (version_key, schema_version) VALUES (1, ?)", VERSION);
        } else if (stored > VERSION) {
            throw new StorageException("the database " + redactedUrl + " holds hpo schema version " + stored
                    + ", newer than this hpo understands (version " + VERSION + "); use the hpo release that"
                    + " wrote it, or a newer one");
        } else if (stored < VERSION) {
            throw new StorageException("the database " + redactedUrl + " holds hpo schema version " + stored
                    + ", which this hpo (version " + VERSION + ") cannot migrate");
        }
    }
}
