package dev.hpo;

/**
 * Thrown by an objective to tell the study that the current trial was pruned. It is unchecked so that
 * objectives can throw it from anywhere without declaring it.
 */
public class TrialPruned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrialPruned() {
        super("trial pruned");
    }

    public TrialPruned(String message) {
        super(message);
    }
}
