package dev.hpo.junit.engine;

/**
 * An {@code @Objective} method that cannot run as declared: a bad range, an empty choice list, a parameter whose
 * values cannot be inferred, a return type that is not a number, a private method, or a study name used twice.
 * Found at discovery and reported, when the objective executes, as a failing test whose message names the class,
 * the method, the parameter and the bad value; the other objectives run as usual.
 */
public final class InvalidObjectiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidObjectiveException(String message) {
        super(message);
    }

    public InvalidObjectiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
