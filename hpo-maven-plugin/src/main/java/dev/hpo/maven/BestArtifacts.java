package dev.hpo.maven;

import java.nio.file.Path;

/**
 * The artifact files of a study's best trial, copied where the build hands them on: {@code best/<study>/} in the
 * output directory.
 *
 * @param files how many files were copied
 * @param problem why they could not be copied (a file missing from the store), or {@code null}
 */
record BestArtifacts(String study, int trial, Path directory, int files, String problem) {
}
