package dev.hpo.sampler;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.multi.ConstrainedDominance;
import dev.hpo.sampler.nsga.Crossover;
import dev.hpo.sampler.nsga.ReferencePointSelection;
import dev.hpo.sampler.nsga.UniformCrossover;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.WeakHashMap;

/**
 * NSGA-II (Deb et al. 2002), the genetic algorithm for multi-objective studies: trials are grouped in
 * generations of {@code populationSize}; each generation's parents are the elite of the previous parents and
 * children, ranked by constrained non-dominated sorting and crowding distance; a child takes two parents by
 * binary tournament, combines them with a {@link Crossover} and mutates each parameter with probability
 * {@code 1/d} (polynomial mutation for numbers, a random choice for categories).
 *
 * <p>With reference points ({@link Builder#referencePoints(int)}) it is NSGA-III (Deb and Jain 2014; Optuna's
 * {@code NSGAIIISampler}, sampler name {@code nsga3}): the front that does not fit the next parents whole is thinned
 * by {@link ReferencePointSelection}'s niching instead of crowding distance, which keeps the population spread
 * when there are three objectives or more, and the tournament compares ranks only.
 *
 * <p>The generation of each trial and the parents of each generation are stored as system attributes, so
 * several workers and processes evolve one population. Trials with constraints ({@code Trial.setConstraint})
 * are ranked by Deb's constrained domination. Parameters outside the common search space are drawn at random.
 */
public final class NsgaIISampler implements Sampler {

    /**
     * Trial system attribute: the trial's generation; with reference points {@value #NSGA3_GENERATION_ATTR}. Optuna's
     * keys, so that a study Optuna's {@code NSGAIISampler} began in a journal goes on in its generations here.
     */
    static final String GENERATION_ATTR = "NSGAIISampler:generation";
    static final String NSGA3_GENERATION_ATTR = "NSGAIIISampler:generation";
    /** Study system attribute, then the generation: the ids of that generation's parents (Optuna's key). */
    static final String PARENTS_ATTR = "NSGAIISampler:parent:";
    static final String NSGA3_PARENTS_ATTR = "NSGAIIISampler:parent:";

    private final int populationSize;
    private final double crossoverProb;
    private final double mutationProb;
    private final double mutationEta;
    private final Crossover crossover;
    /** NSGA-III's reference points, or null for NSGA-II; made per number of objectives from the divisions. */
    private final double[][] referencePoints;
    private final int referenceDivisions;
    private final SplittableRandom random;
    private final RandomSampler independent;
    private final Map<String, List<FrozenTrial>> parentCache = new HashMap<>();
    private final Map<Long, Integer> generations = new HashMap<>();
    private final Map<Study, Followed> followed = new WeakHashMap<>();
    private final String generationAttr;
    private final String parentsAttr;

    private NsgaIISampler(Builder b) {
        this.populationSize = b.populationSize;
        this.crossoverProb = b.crossoverProb;
        this.mutationProb = b.mutationProb;
        this.mutationEta = b.mutationEta;
        this.crossover = b.crossover;
        this.referencePoints = b.referencePoints;
        this.referenceDivisions = b.referenceDivisions;
        this.generationAttr = isNsga3() ? NSGA3_GENERATION_ATTR : GENERATION_ATTR;
        this.parentsAttr = isNsga3() ? NSGA3_PARENTS_ATTR : PARENTS_ATTR;
        long seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
        this.random = new SplittableRandom(seed);
        this.independent = new RandomSampler(random.nextLong());
    }

    /** Optuna's defaults: population 50, uniform crossover with probability 0.9, mutation 1/d. */
    public NsgaIISampler() {
        this(builder());
    }

    public NsgaIISampler(long seed) {
        this(builder().seed(seed));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        followed(study).intersection.space().forEach((name, d) -> {
            if (!d.isSingle()) {
                space.put(name, d);
            }
        });
        return space;
    }

    /** Places the trial in a generation, before anything is sampled. */
    @Override
    public synchronized void beforeTrial(Study study, FrozenTrial trial) {
        int generation = generationOf(followed(study));
        study.storage().setTrialSystemAttr(trial.id(), generationAttr, generation);
        generations.put(trial.id(), generation);
    }

    @Override
    public synchronized Map<String, Double> sampleRelative(Study study, FrozenTrial trial,
            Map<String, Distribution> searchSpace) {
        Followed followed = followed(study);
        List<FrozenTrial> all = followed.trials;
        Integer g = generations.remove(trial.id());
        int generation = g != null ? g : generationOf(followed);
        if (generation == 0 || searchSpace.isEmpty()) {
            return Map.of();
        }
        List<FrozenTrial> parents = parents(study, all, generation);
        if (parents.size() < 2) {
            return Map.of();
        }
        int[] rank = new int[parents.size()];
        double[] crowding = new double[parents.size()];
        rankAndCrowd(parents, study.directions(), rank, crowding);
        if (isNsga3()) {
            Arrays.fill(crowding, 0);  // NSGA-III's tournament compares ranks only
        }
        FrozenTrial p1 = parents.get(tournament(rank, crowding));
        FrozenTrial p2 = parents.get(tournament(rank, crowding));

        List<String> names = new ArrayList<>(searchSpace.keySet());
        double[] x1 = new double[names.size()];
        double[] x2 = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Distribution d = searchSpace.get(names.get(i));
            if (!(d instanceof CategoricalDistribution)) {
                x1[i] = toUnit(d, p1.internalParam(names.get(i)));
                x2[i] = toUnit(d, p2.internalParam(names.get(i)));
            }
        }
        double[] child = random.nextDouble() < crossoverProb ? crossover.cross(x1, x2, random) : x1.clone();
        double pm = Double.isNaN(mutationProb) ? 1.0 / names.size() : mutationProb;
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Distribution d = searchSpace.get(names.get(i));
            double value;
            if (d instanceof CategoricalDistribution c) {
                value = random.nextBoolean() ? p1.internalParam(names.get(i)) : p2.internalParam(names.get(i));
                if (random.nextDouble() < pm) {
                    value = random.nextInt(c.size());
                }
            } else {
                double u = child[i];
                if (random.nextDouble() < pm) {
                    u = polynomialMutation(u);
                }
                value = fromUnit(d, u);
            }
            out.put(names.get(i), value);
        }
        return out;
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    /** The current generation: the latest one, or the next once the latest has a full population of results. */
    private int generationOf(Followed followed) {
        int latest = followed.latestFinished;
        List<FrozenTrial> trials = followed.trials;
        for (int i = followed.finished.firstOpen(); i < trials.size(); i++) {  // the running ones, and any finished since
            if (trials.get(i).systemAttrs().get(generationAttr) instanceof Number n) {
                latest = Math.max(latest, n.intValue());
            }
        }
        if (latest < 0) {
            return 0;
        }
        return followed.completeByGeneration.getOrDefault(latest, 0) >= populationSize ? latest + 1 : latest;
    }

    /** The study's state as this sampler follows it, brought up to date with the trials finished since last time. */
    private Followed followed(Study study) {
        Followed f = followed.computeIfAbsent(study, s -> new Followed(generationAttr));
        f.update(study);
        return f;
    }

    /**
     * One study as the sampler follows it: each trial is read once, when it finishes, into the intersection of the
     * completed trials' spaces and the count of completed trials per generation (a pass over every trial for each
     * decision made a long study's cost per trial grow with its length). A generation only begins once the one
     * before it has a full population, so the latest generation among the finished trials and the unfinished ones
     * is the latest of all.
     */
    private static final class Followed {
        final FinishedTrials finished = new FinishedTrials();
        final IncrementalIntersection intersection = new IncrementalIntersection();
        final Map<Integer, Integer> completeByGeneration = new HashMap<>();
        final String generationAttr;
        int latestFinished = -1;
        /** The study's trials as of the last update. */
        List<FrozenTrial> trials = List.of();

        Followed(String generationAttr) {
            this.generationAttr = generationAttr;
        }

        void update(Study study) {
            trials = study.trials();
            List<FrozenTrial> complete = new ArrayList<>();
            for (FrozenTrial t : finished.update(trials)) {
                boolean done = t.state() == TrialState.COMPLETE;
                if (done) {
                    complete.add(t);
                }
                if (t.systemAttrs().get(generationAttr) instanceof Number n) {
                    latestFinished = Math.max(latestFinished, n.intValue());
                    if (done) {
                        completeByGeneration.merge(n.intValue(), 1, Integer::sum);
                    }
                }
            }
            intersection.update(complete);
        }
    }

    /** The parents of a generation: the elite of the previous parents and the previous generation's trials. */
    private List<FrozenTrial> parents(Study study, List<FrozenTrial> all, int generation) {
        String key = study.id() + ":" + generation;
        List<FrozenTrial> cached = parentCache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<Long, FrozenTrial> byId = new HashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        Object stored = study.systemAttrs().get(parentsAttr + generation);
        List<FrozenTrial> parents = new ArrayList<>();
        if (stored instanceof List<?> ids) {
            for (Object id : ids) {
                FrozenTrial t = byId.get(((Number) id).longValue());
                if (t != null) {
                    parents.add(t);
                }
            }
        } else {
            List<FrozenTrial> pool = new ArrayList<>(generation > 1 ? parents(study, all, generation - 1) : List.of());
            for (FrozenTrial t : all) {
                if (t.state() == TrialState.COMPLETE && t.systemAttrs().get(generationAttr) instanceof Number n
                        && n.intValue() == generation - 1) {
                    pool.add(t);
                }
            }
            parents = elite(pool, study.directions());
            study.setSystemAttr(parentsAttr + generation, parents.stream().map(FrozenTrial::id).toList());
        }
        parentCache.put(key, parents);
        return parents;
    }

    private List<FrozenTrial> elite(List<FrozenTrial> pool, List<Direction> directions) {
        List<FrozenTrial> out = new ArrayList<>();
        for (List<FrozenTrial> front : ConstrainedDominance.fronts(pool, directions)) {
            if (out.size() + front.size() <= populationSize) {
                out.addAll(front);
                continue;
            }
            if (isNsga3()) {
                for (int k : referenceSelection(directions.size()).choose(minimized(out, directions),
                        minimized(front, directions), populationSize - out.size(), random)) {
                    out.add(front.get(k));
                }
                break;
            }
            double[] crowding = ConstrainedDominance.crowdingDistance(front, directions);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -crowding[i]));
            for (int k = 0; out.size() < populationSize; k++) {
                out.add(front.get(order.get(k)));
            }
            break;
        }
        return out;
    }

    private boolean isNsga3() {
        return referencePoints != null || referenceDivisions > 0;
    }

    private ReferencePointSelection referenceSelection(int objectives) {
        ReferencePointSelection selection = new ReferencePointSelection(referencePoints != null ? referencePoints
                : ReferencePointSelection.dasDennis(objectives, referenceDivisions));
        if (selection.objectives() != objectives) {
            throw new IllegalStateException("NSGA-III's reference points have " + selection.objectives()
                    + " coordinates but the study has " + objectives + " objectives; give one coordinate per"
                    + " objective");
        }
        return selection;
    }

    private static double[][] minimized(List<FrozenTrial> trials, List<Direction> directions) {
        double[][] out = new double[trials.size()][directions.size()];
        for (int s = 0; s < trials.size(); s++) {
            for (int i = 0; i < directions.size(); i++) {
                out[s][i] = directions.get(i).toMinimized(trials.get(s).values().get(i));
            }
        }
        return out;
    }

    private static void rankAndCrowd(List<FrozenTrial> parents, List<Direction> directions, int[] rank, double[] crowding) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < parents.size(); i++) {
            index.put(parents.get(i).id(), i);
        }
        int r = 0;
        for (List<FrozenTrial> front : ConstrainedDominance.fronts(parents, directions)) {
            double[] c = ConstrainedDominance.crowdingDistance(front, directions);
            for (int k = 0; k < front.size(); k++) {
                int i = index.get(front.get(k).id());
                rank[i] = r;
                crowding[i] = c[k];
            }
            r++;
        }
    }

    /** Binary tournament by Deb's crowded comparison: lower rank wins, then larger crowding distance. */
    private int tournament(int[] rank, double[] crowding) {
        int a = random.nextInt(rank.length);
        int b = random.nextInt(rank.length);
        if (rank[a] != rank[b]) {
            return rank[a] < rank[b] ? a : b;
        }
        return crowding[a] >= crowding[b] ? a : b;
    }

    /** Deb's bounded polynomial mutation of a coordinate in [0, 1]. */
    private double polynomialMutation(double y) {
        double u = random.nextDouble();
        double e = mutationEta + 1;
        double delta;
        if (u < 0.5) {
            double val = 2 * u + (1 - 2 * u) * Math.pow(1 - y, e);
            delta = Math.pow(val, 1 / e) - 1;
        } else {
            double val = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(y, e);
            delta = 1 - Math.pow(val, 1 / e);
        }
        return Math.min(1, Math.max(0, y + delta));
    }

    static double toUnit(Distribution d, double v) {
        if (d instanceof FloatDistribution f) {
            return f.log() ? (Math.log(v) - Math.log(f.low())) / (Math.log(f.high()) - Math.log(f.low()))
                    : (v - f.low()) / (f.high() - f.low());
        }
        IntDistribution i = (IntDistribution) d;
        return i.log() ? (Math.log(v) - Math.log(i.low())) / (Math.log(i.high()) - Math.log(i.low()))
                : (v - i.low()) / (double) (i.high() - i.low());
    }

    static double fromUnit(Distribution d, double u) {
        if (d instanceof FloatDistribution f) {
            double v = f.log() ? Math.exp(Math.log(f.low()) + u * (Math.log(f.high()) - Math.log(f.low())))
                    : f.low() + u * (f.high() - f.low());
            return f.round(v);
        }
        IntDistribution i = (IntDistribution) d;
        double v = i.log() ? Math.exp(Math.log(i.low()) + u * (Math.log(i.high()) - Math.log(i.low())))
                : i.low() + u * (i.high() - i.low());
        return i.round(v);
    }

    /** Options of {@link NsgaIISampler}. */
    public static final class Builder {
        private int populationSize = 50;
        private double crossoverProb = 0.9;
        private double mutationProb = Double.NaN;
        private double mutationEta = 20;
        private Crossover crossover = new UniformCrossover();
        private double[][] referencePoints;
        private int referenceDivisions;
        private Long seed;

        private Builder() {
        }

        public Builder populationSize(int populationSize) {
            if (populationSize < 2) {
                throw new IllegalArgumentException("populationSize must be at least 2, got " + populationSize);
            }
            this.populationSize = populationSize;
            return this;
        }

        public Builder crossoverProb(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("crossoverProb must be in [0, 1], got " + p);
            }
            this.crossoverProb = p;
            return this;
        }

        /** Probability to mutate each parameter; NaN (the default) means 1 / number of parameters. */
        public Builder mutationProb(double p) {
            if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("mutationProb must be in [0, 1] or NaN, got " + p);
            }
            this.mutationProb = p;
            return this;
        }

        /** Distribution index of polynomial mutation: larger keeps mutants closer to the child (default 20). */
        public Builder mutationEta(double eta) {
            if (!(eta >= 0)) {
                throw new IllegalArgumentException("mutationEta must be at least 0, got " + eta);
            }
            this.mutationEta = eta;
            return this;
        }

        public Builder crossover(Crossover crossover) {
            this.crossover = java.util.Objects.requireNonNull(crossover, "crossover");
            return this;
        }

        /**
         * Makes the sampler NSGA-III, with Das and Dennis's reference points: every point of the objectives' unit
         * simplex whose coordinates are multiples of {@code 1 / divisions} (Optuna's {@code dividing_parameter},
         * default {@value ReferencePointSelection#DEFAULT_DIVISIONS}).
         */
        public Builder referencePoints(int divisions) {
            if (divisions < 1) {
                throw new IllegalArgumentException("reference point divisions must be at least 1, got " + divisions);
            }
            this.referenceDivisions = divisions;
            this.referencePoints = null;
            return this;
        }

        /** Makes the sampler NSGA-III, with these reference points: one row per point, one column per objective. */
        public Builder referencePoints(double[][] points) {
            new ReferencePointSelection(points);  // validates them now, not at the first generation
            this.referencePoints = Arrays.stream(points).map(double[]::clone).toArray(double[][]::new);
            this.referenceDivisions = 0;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public NsgaIISampler build() {
            return new NsgaIISampler(this);
        }
    }
}
