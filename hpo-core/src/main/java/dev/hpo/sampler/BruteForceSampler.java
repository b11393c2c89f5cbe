package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Tries every combination of a finite define-by-run space once (Optuna's {@code BruteForceSampler}), including
 * conditional branches: a parameter suggested only after {@code kernel = "rbf"} is enumerated only there. The
 * study stops when every path has been tried. Floats need a step; integers and categorical values are finite.
 *
 * <p>Nothing is remembered here: for each suggestion the sampler reads the study's trials (finished or running)
 * that agree with the current trial so far, arranges the rest of their parameters as a tree, and picks, at random
 * by the seed, a value whose subtree still holds an untried path, preferring values no running trial explores.
 * So a resumed study and several workers share the enumeration. The study stops when no path is untried; a
 * running trial covers its path only where a finished trial shows that paths end at that depth (otherwise it may
 * still go deeper), which avoids the premature stop Optuna's default has with parallel workers. The space must be deterministic: the same
 * answers so far lead to the same next parameter. A trial that ended before reaching as far as another on the
 * same path (it failed early, say) does not count as having covered that path.
 */
public final class BruteForceSampler implements Sampler {

    private static final EnumSet<TrialState> SEEN = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED,
            TrialState.FAIL, TrialState.RUNNING);

    private final SplittableRandom random;

    /** Enumerates in a random order. */
    public BruteForceSampler() {
        this(new SplittableRandom().nextLong());
    }

    /** Enumerates in an order shuffled by {@code seed}: same seed, same trials. */
    public BruteForceSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One node of the tree of tried paths: a parameter with one child per value, or the end of a path. */
    private static final class Node {
        String param;
        Node[] children;
        boolean finishedHere;
        boolean runningHere;

        void expand(String name, int candidates) {
            if (children == null) {
                param = name;
                children = new Node[candidates];
                finishedHere = false;
            } else if (!param.equals(name) || children.length != candidates) {
                throw new IllegalStateException("BruteForceSampler needs a deterministic search space, but after the"
                        + " same values one trial suggested '" + param + "' (" + children.length + " values) and"
                        + " another '" + name + "' (" + candidates + " values)");
            }
        }

        Node child(int index) {
            if (children[index] == null) {
                children[index] = new Node();
            }
            return children[index];
        }

        /** True when some path below is untried, running paths counting as the mode says. */
        boolean hasUntried(Running mode) {
            if (children == null) {
                return !finishedHere && !(runningHere && mode == Running.TRIED);
            }
            boolean pathsEndBelow = false;
            for (Node c : children) {
                pathsEndBelow |= c != null && c.children == null && c.finishedHere;
            }
            for (Node c : children) {
                if (c == null) {
                    return true;
                }
                boolean coveredRun = c.children == null && c.runningHere
                        && (mode == Running.TRIED || mode == Running.TRIED_WHERE_PATHS_END && pathsEndBelow);
                if (!coveredRun && c.hasUntried(mode)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How a running trial's path counts when looking for untried paths. */
    private enum Running {
        /** As tried: spreads concurrent trials over different paths. */
        TRIED,
        /**
         * As tried only where a finished sibling shows that paths end at that depth; elsewhere the running trial
         * may still go deeper, and its subtree may hold untried paths. Used to decide when to stop.
         */
        TRIED_WHERE_PATHS_END,
        /** As untried: the last resort when every path is tried or running. */
        UNTRIED
    }

    @Override
    public synchronized double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        int candidates = candidateCount(name, distribution);
        Node root = new Node();
        root.expand(name, candidates);
        for (FrozenTrial t : study.storage().trials(study.id(), SEEN)) {
            if (t.id() != trial.id() && agreesWith(t, trial)) {
                addPath(root, t, trial.params().keySet(), t.state().isFinished());
            }
        }
        List<Integer> choices = untriedChildren(root, Running.TRIED);
        if (choices.isEmpty()) {
            choices = untriedChildren(root, Running.UNTRIED);
        }
        int index = choices.isEmpty() ? random.nextInt(candidates) : choices.get(random.nextInt(choices.size()));
        return valueAt(distribution, index);
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
        Node root = new Node();
        for (FrozenTrial t : study.storage().trials(study.id(), SEEN)) {
            boolean current = t.id() == trial.id();
            addPath(root, current ? trial : t, Set.of(), current || t.state().isFinished());
        }
        if (!root.hasUntried(Running.TRIED_WHERE_PATHS_END)) {
            study.stop();
        }
    }

    private static List<Integer> untriedChildren(Node node, Running mode) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < node.children.length; i++) {
            Node c = node.children[i];
            if (c == null || c.hasUntried(mode)) {
                out.add(i);
            }
        }
        return out;
    }

    /** True when {@code other} has every parameter of {@code current} with the same value. */
    private static boolean agreesWith(FrozenTrial other, FrozenTrial current) {
        for (Map.Entry<String, Object> e : current.params().entrySet()) {
            if (!other.distributions().containsKey(e.getKey())
                    || other.internalParam(e.getKey()) != current.internalParam(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Adds the parameters of {@code t} not in {@code skip}, in suggestion order, as a path from {@code root}. */
    private static void addPath(Node root, FrozenTrial t, Set<String> skip, boolean finished) {
        Node node = root;
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            node.expand(e.getKey(), candidateCount(e.getKey(), e.getValue()));
            node = node.child(indexOf(e.getValue(), t.internalParam(e.getKey())));
        }
        if (node.children == null) {
            if (finished) {
                node.finishedHere = true;
            } else {
                node.runningHere = true;
            }
        }
    }

    private static int candidateCount(String name, Distribution d) {
        long n;
        if (d instanceof FloatDistribution f) {
            if (f.step() == null && !f.isSingle()) {
                throw new IllegalArgumentException("BruteForceSampler cannot enumerate float parameter '" + name
                        + "' (" + f + ") without a step; suggest it with a step, e.g. suggestFloat(\"" + name
                        + "\", low, high, step)");
            }
            n = f.isSingle() ? 1 : f.gridSize();
        } else if (d instanceof IntDistribution i) {
            n = i.size();
        } else {
            n = ((CategoricalDistribution) d).size();
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' (" + d + ") has " + n
                    + " values, too many to enumerate");
        }
        return (int) n;
    }

    private static int indexOf(Distribution d, double internal) {
        if (d instanceof FloatDistribution f) {
            return f.isSingle() ? 0 : (int) Math.round((internal - f.low()) / f.step());
        }
        if (d instanceof IntDistribution i) {
            return (int) (((long) internal - i.low()) / i.step());
        }
        return (int) internal;
    }

    private static double valueAt(Distribution d, int index) {
        if (d instanceof FloatDistribution f) {
            return f.isSingle() ? f.low() : f.round(f.low() + index * f.step());
        }
        if (d instanceof IntDistribution i) {
            return i.low() + (long) index * i.step();
        }
        return index;
    }

    @Override
    public String toString() {
        return "BruteForceSampler";
    }
}
