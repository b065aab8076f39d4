package dev.dynamite.api;

import java.util.List;

/**
 * Thrown by {@code DynamiteConfig.Builder.build()} when the configuration is invalid; lists every problem at once.
 */
public final class ConfigurationException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * Creates the exception from the problems found.
     *
     * @param problems each problem, as a sentence; at least one
     */
    public ConfigurationException(List<String> problems) {
        super("Invalid Dynamite configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns each problem found, in the order checked.
     *
     * @return the problems; never empty
     */
    public List<String> problems() {
        return problems;
    }
}
