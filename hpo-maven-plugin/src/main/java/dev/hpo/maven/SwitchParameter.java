package dev.hpo.maven;

/**
 * A goal parameter that is on or off ({@code skip}, {@code failOnThreshold}), read from the text the user wrote. The
 * goals declare such parameters as {@code String}s rather than {@code boolean}s because Maven's converter reads every
 * word but {@code true} as false: {@code -Dhpo.failOnThreshold=flase} would turn the gate off, and
 * {@code -Dhpo.skip=yes} run the study, without a word. Here only {@code true} and {@code false} are taken, in any
 * case, and anything else fails with one sentence naming the parameter ({@link InvalidParameterException}). A bare
 * {@code -Dhpo.skip} is {@code true}: Maven sets a property given without a value to it.
 *
 * @param name the parameter's name in the POM; its user property is {@code hpo.<name>}
 * @param byDefault the value when the parameter is not set, the same as its {@code @Parameter(defaultValue)} (which
 *        Maven gives the goal as text, so that {@code null} is seen only by goals made outside Maven, as in tests)
 */
record SwitchParameter(String name, boolean byDefault) {

    String property() {
        return "hpo." + name;
    }

    /**
     * Whether {@code text} turns the switch on; surrounding white space is ignored, as Maven trims POM values.
     *
     * @throws InvalidParameterException for anything but {@code true} or {@code false}, the empty text included
     */
    boolean parse(String text) {
        if (text == null) {
            return byDefault;
        }
        String value = text.strip();
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidParameterException(name, property(), text, "true or false");
    }
}
