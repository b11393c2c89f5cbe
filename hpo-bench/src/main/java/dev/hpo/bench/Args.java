package dev.hpo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line arguments of the benchmark mains, which exec passes as one string ({@code -Dbench.args}). */
final class Args {

    private Args() {
    }

    /** Every argument split at whitespace, empty ones dropped. */
    static String[] split(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            for (String part : a.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out.toArray(new String[0]);
    }

    /** The file after {@code --out}, or {@code fallback}, for mains that take no other argument. */
    static Path out(String[] rawArgs, Path fallback) {
        String[] args = split(rawArgs);
        Path out = fallback;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            }
        }
        return out;
    }

    /**
     * The Markdown paragraph that tells how to regenerate a results file: the exec execution {@code execId} of
     * hpo-bench's POM with this run's {@code arguments}.
     */
    static String regenerate(String execId, String arguments) {
        return "Regenerate (from the repository root; `-Dexec.skip=true` keeps exec off the other reactor modules,"
                + " hpo-bench switches it back on):\n\n```\nmvn -B -q -pl hpo-bench -am compile exec:exec@" + execId
                + " -Dexec.skip=true -Dexec.executable=java -Dbench.args=\"" + arguments + "\"\n```\n\n";
    }
}
