package dev.hpo;

/**
 * The objective threw a checked exception that the optimize options did not catch, which stops the study.
 * The trial is already stored as FAIL; the cause is the objective's exception.
 */
public class ObjectiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ObjectiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
