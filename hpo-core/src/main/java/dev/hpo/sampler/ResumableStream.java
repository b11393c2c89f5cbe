package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import java.util.SplittableRandom;

/**
 * Where a seeded sampler's random stream starts: at its first draw for a study, not when the sampler is built.
 * A stream that always restarts from the seed replays, in a build that resumes a study, the draws of the build
 * before it, so every resumed build with a fixed seed evaluated the first build's start-up trials again (Optuna's
 * seeded samplers do the same). Started at trial 0 the stream is the seed's own, so a fresh study's trials are
 * what they always were; started at a later trial it comes from the seed mixed with that trial's number, so a
 * resumed study with the same seed draws new points and is still reproducible from the same stored trials.
 */
final class ResumableStream {

    private ResumableStream() {
    }

    /** The stream of a sampler whose first draw is for {@code trial}. */
    static SplittableRandom startingAt(long seed, FrozenTrial trial) {
        int n = trial.number();
        // an odd multiplier unrelated to SplittableRandom's own increment: two starts are, in practice, never a few
        // steps of one stream apart, so they share no stretch of draws
        return new SplittableRandom(n == 0 ? seed : seed ^ (0xD1B54A32D192ED03L * n));
    }
}
