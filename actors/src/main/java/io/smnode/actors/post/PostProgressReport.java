package io.smnode.actors.post;

import io.smnode.post.init.InitProgress;
import java.time.Duration;
import java.util.Locale;

/** How PoST initialization progress reads in the log: percent, labels done of total, rate and ETA. */
final class PostProgressReport {
    private PostProgressReport() {}

    static String line(InitProgress p) {
        String eta = p.eta().map(PostProgressReport::duration).orElse(p.labelsDone() >= p.totalLabels()
                ? "searching for the VRF nonce" : "unknown");
        return String.format(Locale.ROOT, "PoST initialization %.1f%% (%d of %d labels), %.0f labels/s, ETA %s",
                p.percent(), p.labelsDone(), p.totalLabels(), p.labelsPerSecond(), eta);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
