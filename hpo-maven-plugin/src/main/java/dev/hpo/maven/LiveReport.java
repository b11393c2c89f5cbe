package dev.hpo.maven;

import dev.hpo.Study;
import dev.hpo.report.HtmlReport;
import dev.hpo.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The report redrawn while the forked JVM runs, every {@code interval}, from what the storage holds of the studies the
 * fork has started trials of: a study of hours can be watched in a browser, which reloads the page by itself
 * ({@link HtmlReport#writeRunning}). The final outputs replace it once the fork has finished. A build shorter than the
 * interval draws nothing here; a redraw that fails (the storage busy, a study half written) is skipped, never the
 * build's failure.
 */
final class LiveReport implements AutoCloseable {

    /** Opens the storage the fork writes to; called on the first redraw, from the redrawing thread. */
    interface Opener {
        Storage open() throws Exception;
    }

    private final ScheduledExecutorService executor;
    private final Path reportFile;
    private final Duration interval;
    private final Opener opener;
    private final Supplier<Set<String>> studies;
    private final Consumer<String> info;
    private final Consumer<String> debug;
    private Storage storage;
    private boolean announced;

    private LiveReport(Path reportFile, Duration interval, Opener opener, Supplier<Set<String>> studies,
            Consumer<String> info, Consumer<String> debug) {
        this.reportFile = reportFile;
        this.interval = interval;
        this.opener = opener;
        this.studies = studies;
        this.info = info;
        this.debug = debug;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hpo-live-report");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts redrawing {@code reportFile} every {@code interval} (null or zero: never) with the studies the supplier
     * names at that moment.
     *
     * @param info where the one line that says the report is live goes (the build log's information)
     * @param debug where a skipped redraw is explained
     */
    static LiveReport start(Path reportFile, Duration interval, Opener opener, Supplier<Set<String>> studies,
            Consumer<String> info, Consumer<String> debug) {
        LiveReport live = new LiveReport(reportFile, interval, opener, studies, info, debug);
        if (interval != null && !interval.isZero()) {
            live.executor.scheduleWithFixedDelay(live::redraw, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return live;
    }

    private void redraw() {
        Set<String> names = studies.get();
        if (names.isEmpty()) {
            return;
        }
        try {
            if (storage == null) {
                storage = opener.open();
            }
            List<Study> loaded = new ArrayList<>();
            for (String name : names) {
                loaded.add(Study.load(storage, name));
            }
            HtmlReport.writeRunning(reportFile, loaded, interval);
            if (!announced) {
                announced = true;
                info.accept("hpo: " + reportFile + " shows the trials so far and reloads itself every "
                        + Math.max(1, interval.toSeconds()) + " s until the study ends");
            }
        } catch (Exception | LinkageError e) {
            debug.accept("hpo: the report was not redrawn this time: " + e);
        }
    }

    /** Stops redrawing, waits for a redraw under way, and closes the storage it opened. */
    @Override
    public void close() {
        executor.shutdown();  // cancels the next redraws, lets one under way finish
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                debug.accept("hpo: a redraw of the report was still running after a minute; it is left to finish");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (storage != null) {
            storage.close();
        }
    }
}
