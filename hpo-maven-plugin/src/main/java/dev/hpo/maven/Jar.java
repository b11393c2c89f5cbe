package dev.hpo.maven;

import java.nio.file.Path;

/** A resolved dependency: its coordinates and file. The goal's view of a Maven or resolver artifact. */
public record Jar(String groupId, String artifactId, String version, Path file) {

    /** {@code groupId:artifactId}, the identity two versions of one library share. */
    public String key() {
        return groupId + ":" + artifactId;
    }
}
