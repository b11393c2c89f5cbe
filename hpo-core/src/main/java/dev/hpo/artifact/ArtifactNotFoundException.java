package dev.hpo.artifact;

import java.io.IOException;

/** No artifact has the requested id in the store. */
public class ArtifactNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    public ArtifactNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
