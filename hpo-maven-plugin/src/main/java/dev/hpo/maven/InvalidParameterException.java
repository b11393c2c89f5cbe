package dev.hpo.maven;

/**
 * A goal parameter has a value the goal cannot use. The message names the parameter, its user property, the bad
 * value and what is allowed, so the fix is in the sentence; the goals turn it into a
 * {@code MojoExecutionException}.
 */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String parameter, String property, String value, String allowed) {
        super("invalid value '" + value + "' for parameter " + parameter + " (" + property + "): allowed is "
                + allowed);
    }
}
