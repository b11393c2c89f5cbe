package dev.hpo.maven;

/**
 * A goal parameter has a value the goal cannot use. The message names the parameter, its user property, the bad
 * value and what is allowed, so the fix is in the sentence; the goals turn it into a
 * {@code MojoExecutionException}.
 */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String parameter, String property, String value, String allowed) {
        this(parameter, property, value, "allowed is ", allowed);
    }

    private InvalidParameterException(String parameter, String property, String value, String lead, String text) {
        super("invalid value '" + value + "' for parameter " + parameter + " (" + property + "): " + lead + text);
    }

    /** For a value whose kind is allowed but whose details are not: the reason says which detail and the fix. */
    public static InvalidParameterException because(String parameter, String property, String value, String reason) {
        return new InvalidParameterException(parameter, property, value, "", reason);
    }
}
