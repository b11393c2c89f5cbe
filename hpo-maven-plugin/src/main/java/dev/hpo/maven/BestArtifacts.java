package dev.hpo.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * The artifact files of a study's best trial, copied where the build hands them on: {@code best/<study>/} in the
 * output directory; for a multi-objective study, which has no single best, those of every trial on its Pareto front
 * that uploaded any, each in {@code best/<study>/trial-<number>/}.
 *
 * @param trials the trials whose files were copied (one for a single objective)
 * @param files how many files were copied
 * @param problem why they could not be copied (a file missing from the store), or {@code null}
 */
record BestArtifacts(String study, List<Integer> trials, boolean paretoFront, Path directory, int files,
        String problem) {

    BestArtifacts {
        trials = List.copyOf(trials);
    }

    /** The log line: where the files went, or why they did not. */
    String describe(String store) {
        String whose = paretoFront ? "the Pareto front's " + Numbers.count(trials.size(), "trial")
                : "best trial #" + trials.get(0);
        if (problem != null) {
            return study + ": cannot copy the artifacts of " + whose + " from " + store + ": " + problem;
        }
        return study + ": " + (paretoFront ? whose + (trials.size() == 1 ? "'s" : "'") + " artifacts ("
                : whose + "'s artifacts (") + Numbers.count(files, "file") + ") copied to " + directory
                + (paretoFront ? " (a directory trial-<number> each)" : "");
    }
}
