package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.apache.commons.math3.random.HaltonSequenceGenerator;
import org.apache.commons.math3.random.RandomVectorGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Quasi-Monte Carlo sampling (Optuna's {@code QMCSampler}): trial k takes point k of a low-discrepancy sequence
 * (Sobol or Halton, from commons-math3), which covers the space more evenly than independent random draws —
 * a better baseline for small budgets and for sensitivity studies.
 *
 * <p>As in Optuna 5, the jointly sampled space is the non-constant parameters of the first finished trial (or a space
 * given to the builder), a categorical one taking a coordinate of the sequence cut into as many equal cells as it
 * has choices; the first trial and parameters outside that space are drawn by an independent {@link RandomSampler}. The index of the last point taken is a study system
 * attribute (one per sequence type, seed and space), so several threads or processes continue one sequence and
 * a resumed study goes on where it stopped.
 *
 * <p>Scrambling (on by default) randomizes the sequence by the seed, so that different seeds give different,
 * equally well spread point sets: a random digital shift (XOR of each coordinate's binary digits with a random
 * mask) for Sobol, which keeps its net structure, and a random shift modulo 1 (Cranley–Patterson rotation) for
 * Halton. Without scrambling the seed only affects the independent sampler.
 */
public final class QmcSampler implements Sampler {

    /** The low-discrepancy sequence. */
    public enum Type {
        SOBOL,
        HALTON
    }

    private static final EnumSet<TrialState> FINISHED_WITH_PARAMS = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);
    private static final int SOBOL_MAX_DIMENSION = 1000;
    private static final int MANTISSA_BITS = 52;
    private static final double TWO_POW_52 = 0x1p52;

    private final Type type;
    private final long seed;
    private final boolean scramble;
    private final RandomSampler independent;
    private volatile Map<String, Distribution> searchSpace;
    private RandomVectorGenerator cachedGenerator;
    private int cachedDimension;

    /** A scrambled Sobol sampler with a random seed. */
    public QmcSampler() {
        this(new SplittableRandom().nextLong());
    }

    /** A scrambled Sobol sampler: same seed, same trials. */
    public QmcSampler(long seed) {
        this(Type.SOBOL, seed);
    }

    /** A scrambled sampler of the given sequence: same seed, same trials. */
    public QmcSampler(Type type, long seed) {
        this(builder().type(type).seed(seed));
    }

    private QmcSampler(Builder b) {
        if (b.type == null) {
            throw new IllegalArgumentException("QmcSampler needs a sequence type, one of " + List.of(Type.values()));
        }
        this.type = b.type;
        this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
        this.scramble = b.scramble;
        this.independent = new RandomSampler(seed);
        this.searchSpace = b.searchSpace;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Type type() {
        return type;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        Map<String, Distribution> s = searchSpace;
        if (s != null) {
            return s;
        }
        List<FrozenTrial> finished = study.storage().trials(study.id(), FINISHED_WITH_PARAMS);
        if (finished.isEmpty()) {
            return Map.of();
        }
        Map<String, Distribution> first = new TreeMap<>();
        finished.get(0).distributions().forEach((name, d) -> {
            if (!d.isSingle()) {
                first.put(name, d);
            }
        });
        s = Collections.unmodifiableMap(first);
        searchSpace = s;
        return s;
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        double[] u = point(study, space);
        Map<String, Double> values = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            values.put(e.getKey(), fromUnit(e.getValue(), u[i++]));
        }
        return values;
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    /** The next point of the sequence for this study, in [0, 1)^d. */
    private synchronized double[] point(Study study, Map<String, Distribution> space) {
        int d = space.size();
        int index = nextSampleIndex(study, space);
        if (cachedGenerator == null || cachedDimension != d || nextIndex(cachedGenerator) > index) {
            cachedGenerator = generator(d);
            cachedDimension = d;
        }
        double[] u = index == nextIndex(cachedGenerator) ? cachedGenerator.nextVector()
                : skipTo(cachedGenerator, index);
        return scramble ? randomize(u) : u;
    }

    /** Claims the next sample index from the study's system attributes. */
    private int nextSampleIndex(Study study, Map<String, Distribution> space) {
        String key = sampleIndexKey(space);
        Object last = study.systemAttrs().get(key);
        int index = last instanceof Number n ? n.intValue() + 1 : 0;
        study.setSystemAttr(key, index);
        return index;
    }

    private String sampleIndexKey(Map<String, Distribution> space) {
        CRC32 crc = new CRC32();
        crc.update(space.toString().getBytes(StandardCharsets.UTF_8));
        return "qmc:" + type.name().toLowerCase(Locale.ROOT) + (scramble ? ":seed " + seed : "") + ":space "
                + Long.toHexString(crc.getValue()) + ":last sample id";
    }

    private RandomVectorGenerator generator(int d) {
        if (type == Type.SOBOL) {
            if (d > SOBOL_MAX_DIMENSION) {
                throw new IllegalArgumentException("the Sobol sequence of commons-math3 has at most "
                        + SOBOL_MAX_DIMENSION + " dimensions, the search space has " + d + " parameters; use Halton");
            }
            return new SobolSequenceGenerator(d);
        }
        return new HaltonSequenceGenerator(d, primes(d), null);
    }

    private static int nextIndex(RandomVectorGenerator g) {
        return g instanceof SobolSequenceGenerator s ? s.getNextIndex()
                : ((HaltonSequenceGenerator) g).getNextIndex();
    }

    private static double[] skipTo(RandomVectorGenerator g, int index) {
        return g instanceof SobolSequenceGenerator s ? s.skipTo(index) : ((HaltonSequenceGenerator) g).skipTo(index);
    }

    /** Applies the seed's randomization to a point: a digital shift (Sobol) or a shift modulo 1 (Halton). */
    private double[] randomize(double[] u) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            if (type == Type.SOBOL) {
                long mask = r.nextLong() >>> (Long.SIZE - MANTISSA_BITS);
                long digits = (long) (u[j] * TWO_POW_52);
                out[j] = (digits ^ mask) / TWO_POW_52;
            } else {
                double shifted = u[j] + r.nextDouble();
                out[j] = shifted >= 1 ? shifted - 1 : shifted;
            }
        }
        return out;
    }

    /**
     * Maps u in [0, 1) to a distribution's internal value: uniformly on the range (on the log scale for log
     * ranges), each grid point of a stepped range or integer taking an equal share of [0, 1).
     */
    static double fromUnit(Distribution distribution, double u) {
        if (distribution instanceof CategoricalDistribution c) {  // C equal cells of the coordinate, as Optuna 5
            return Math.min(c.size() - 1, Math.floor(u * c.size()));
        }
        if (distribution instanceof FloatDistribution f) {
            if (f.log()) {
                double lo = Math.log(f.low());
                double hi = Math.log(f.high());
                return Math.min(f.high(), Math.max(f.low(), Math.exp(lo + u * (hi - lo))));
            }
            if (f.step() != null) {
                return f.round(f.low() - f.step() / 2 + u * (f.high() - f.low() + f.step()));
            }
            return Math.min(f.high(), f.low() + u * (f.high() - f.low()));
        }
        IntDistribution i = (IntDistribution) distribution;
        if (i.log()) {
            double lo = Math.log(i.low() - 0.5);
            double hi = Math.log(i.high() + 0.5);
            return i.round(Math.exp(lo + u * (hi - lo)));
        }
        return i.round(i.low() - i.step() / 2.0 + u * (i.high() - i.low() + i.step()));
    }

    /** The first {@code n} primes: the bases of an n-dimensional Halton sequence. */
    private static int[] primes(int n) {
        int[] p = new int[n];
        int found = 0;
        for (int candidate = 2; found < n; candidate++) {
            boolean prime = true;
            for (int k = 0; k < found && p[k] * p[k] <= candidate; k++) {
                if (candidate % p[k] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                p[found++] = candidate;
            }
        }
        return p;
    }

    @Override
    public String toString() {
        return "QmcSampler(" + type + ", seed=" + seed + ", scramble=" + scramble + ")";
    }

    /** Options of a {@link QmcSampler}. */
    public static final class Builder {
        private Type type = Type.SOBOL;
        private Long seed;
        private boolean scramble = true;
        private Map<String, Distribution> searchSpace;

        private Builder() {
        }

        /** Sobol (the default) or Halton. */
        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        /** Seeds the scrambling and the independent sampler; random when not given. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether to randomize the sequence by the seed (default true). */
        public Builder scramble(boolean scramble) {
            this.scramble = scramble;
            return this;
        }

        /**
         * The space to sample jointly from the first trial on, instead of the first finished trial's parameters;
         * constant distributions (one value) are not allowed in it.
         */
        public Builder searchSpace(Map<String, Distribution> searchSpace) {
            Map<String, Distribution> s = new TreeMap<>();
            searchSpace.forEach((name, d) -> {
                if (d.isSingle()) {
                    throw new IllegalArgumentException("QmcSampler samples ranges and choices; parameter '" + name
                            + "' is " + d + ", which has one value, leave it out of the search space");
                }
                s.put(name, d);
            });
            this.searchSpace = Collections.unmodifiableMap(s);
            return this;
        }

        public QmcSampler build() {
            return new QmcSampler(this);
        }
    }
}
