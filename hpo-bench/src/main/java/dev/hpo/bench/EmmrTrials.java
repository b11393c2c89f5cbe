package dev.hpo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.FrozenTrial;
import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.sampler.TpeSampler;
import dev.hpo.terminator.EmmrEvaluator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trials for comparing {@link EmmrEvaluator} with Optuna's {@code EMMREvaluator}: TPE on a three-parameter function
 * (a bowl in x and y, a wave in z), 60 trials per seed, and hpo's bound on the first 5, 10, …, 60 of them. Writes
 * {@code results/emmr-trials.json} (or {@code --out}), which {@code hpo-bench/optuna/emmr_compare.py} reads to put
 * Optuna's bound on the same trials beside hpo's in {@code results/emmr-vs-optuna.md}.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl hpo-bench -am compile exec:exec@emmr-trials -Dexec.skip=true
 * -Dexec.executable=java}.
 */
public final class EmmrTrials {

    private static final int TRIALS = 60;
    private static final ObjectiveFunction FUNCTION = t -> {
        double x = t.suggestFloat("x", 0, 1);
        double y = t.suggestFloat("y", 0, 1);
        double z = t.suggestFloat("z", 0, 1);
        return (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7) + 0.3 * Math.sin(9 * z);
    };

    private EmmrTrials() {
    }

    public static void main(String[] rawArgs) throws IOException {
        Path out = Args.out(rawArgs, Path.of("results", "emmr-trials.json"));
        ObjectMapper json = new ObjectMapper();
        ArrayNode runs = json.createArrayNode();
        for (long seed : new long[] {1, 2}) {
            Study study = Study.builder().name("emmr").sampler(TpeSampler.builder().seed(seed).build()).build();
            study.optimize(FUNCTION, TRIALS);
            List<FrozenTrial> trials = study.trials();
            ObjectNode run = runs.addObject().put("seed", seed);
            ArrayNode rows = run.putArray("trials");
            for (FrozenTrial t : trials) {
                rows.addArray().add((Double) t.params().get("x")).add((Double) t.params().get("y"))
                        .add((Double) t.params().get("z")).add(t.value());
            }
            ObjectNode bounds = run.putObject("hpo");
            for (int n = 5; n <= TRIALS; n += 5) {
                Study prefix = Study.builder().name("prefix").build();
                prefix.addTrials(trials.subList(0, n));
                bounds.put(Integer.toString(n), new EmmrEvaluator().evaluate(prefix));
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), runs);
        System.out.println("wrote " + out);
    }
}
