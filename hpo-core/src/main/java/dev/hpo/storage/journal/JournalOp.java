package dev.hpo.storage.journal;

/** The operation codes of Optuna's journal ({@code op_code}), in Optuna's numbering. */
public enum JournalOp {
    CREATE_STUDY(0),
    DELETE_STUDY(1),
    SET_STUDY_USER_ATTR(2),
    SET_STUDY_SYSTEM_ATTR(3),
    CREATE_TRIAL(4),
    SET_TRIAL_PARAM(5),
    SET_TRIAL_STATE_VALUES(6),
    SET_TRIAL_INTERMEDIATE_VALUE(7),
    SET_TRIAL_USER_ATTR(8),
    SET_TRIAL_SYSTEM_ATTR(9),
    /** Written only by other implementations (Rustuna); Optuna's replay skips it, and so does hpo's. */
    DISCARD_TRIALS(10);

    private static final JournalOp[] BY_CODE = values();

    private final int code;

    JournalOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The operation with this code, or {@code null} for a code this version does not know. */
    public static JournalOp of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
