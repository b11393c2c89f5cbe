package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search space mapped onto the unit cube {@code [0,1]^d}, the coordinates that model-based samplers (CMA-ES,
 * Gaussian processes) search in. Each numeric parameter becomes one coordinate, log-transformed when its
 * distribution is log-scaled; a discrete parameter (an integer or a stepped float) owns one cell of the unit
 * interval per value, so that every value is equally likely under a uniform draw and a continuous point maps to
 * the value whose cell contains it. A categorical parameter becomes one coordinate holding the index of its
 * choice; samplers that model categories treat it with {@link #isCategorical}.
 */
public final class UnitSpace {

    private final List<String> names;
    private final List<Distribution> distributions;

    /** The space of these parameters, in the map's order. */
    public UnitSpace(Map<String, Distribution> space) {
        this.names = List.copyOf(space.keySet());
        this.distributions = List.copyOf(space.values());
    }

    /** The number of coordinates. */
    public int dimension() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public Distribution distribution(int i) {
        return distributions.get(i);
    }

    public boolean isCategorical(int i) {
        return distributions.get(i) instanceof CategoricalDistribution;
    }

    /** True for integers and stepped floats: coordinates whose values are a finite grid of cells. */
    public boolean isDiscrete(int i) {
        Distribution d = distributions.get(i);
        return d instanceof IntDistribution || d instanceof FloatDistribution f && f.step() != null;
    }

    /** The number of choices of a categorical coordinate. */
    public int choices(int i) {
        return ((CategoricalDistribution) distributions.get(i)).size();
    }

    /** The unit coordinate of an internal value (the index itself for a categorical parameter). */
    public double toUnit(int i, double internal) {
        Distribution d = distributions.get(i);
        if (d instanceof FloatDistribution f) {
            if (f.isSingle()) {
                return 0.5;
            }
            if (f.log()) {
                return clamp((Math.log(internal) - Math.log(f.low())) / (Math.log(f.high()) - Math.log(f.low())));
            }
            if (f.step() != null) {
                long k = Math.round((internal - f.low()) / f.step());
                return (k + 0.5) / f.gridSize();
            }
            return clamp((internal - f.low()) / (f.high() - f.low()));
        }
        if (d instanceof IntDistribution n) {
            if (n.log()) {
                double lo = Math.log(n.low() - 0.5);
                double hi = Math.log(n.high() + 0.5);
                return clamp((Math.log(internal) - lo) / (hi - lo));
            }
            long k = Math.round((internal - n.low()) / n.step());
            return (k + 0.5) / n.size();
        }
        return internal;
    }

    /**
     * The internal value of a unit coordinate: the nearest value of the distribution (the value whose cell holds
     * the coordinate, for discrete parameters; the rounded index for categorical ones).
     */
    public double fromUnit(int i, double u) {
        Distribution d = distributions.get(i);
        double v = clamp(u);
        if (d instanceof FloatDistribution f) {
            if (f.isSingle()) {
                return f.low();
            }
            if (f.log()) {
                return Math.min(f.high(), Math.max(f.low(),
                        Math.exp(Math.log(f.low()) + v * (Math.log(f.high()) - Math.log(f.low())))));
            }
            if (f.step() != null) {
                long k = Math.min(f.gridSize() - 1, (long) Math.floor(v * f.gridSize()));
                return f.round(f.low() + k * f.step());
            }
            return Math.min(f.high(), Math.max(f.low(), f.low() + v * (f.high() - f.low())));
        }
        if (d instanceof IntDistribution n) {
            if (n.log()) {
                double lo = Math.log(n.low() - 0.5);
                double hi = Math.log(n.high() + 0.5);
                return n.round(Math.exp(lo + v * (hi - lo)));
            }
            long k = Math.min(n.size() - 1, (long) Math.floor(v * n.size()));
            return n.low() + k * n.step();
        }
        int size = ((CategoricalDistribution) d).size();
        return Math.max(0, Math.min(size - 1, Math.round(u)));
    }

    /**
     * The cell {@code [lower, upper]} of unit coordinates that map to the same value as {@code u}, for a discrete
     * coordinate; {@code [u, u]} for a continuous one.
     */
    public double[] cell(int i, double u) {
        Distribution d = distributions.get(i);
        double value = fromUnit(i, u);
        if (d instanceof IntDistribution n && n.log()) {
            double lo = Math.log(n.low() - 0.5);
            double hi = Math.log(n.high() + 0.5);
            return new double[] {clamp((Math.log(value - 0.5) - lo) / (hi - lo)),
                clamp((Math.log(value + 0.5) - lo) / (hi - lo))};
        }
        long size = d instanceof IntDistribution n ? n.size()
                : d instanceof FloatDistribution f && f.step() != null ? f.gridSize() : -1;
        if (size < 0) {
            return new double[] {u, u};
        }
        double k = Math.min(size - 1, Math.floor(clamp(u) * size));
        return new double[] {k / size, (k + 1) / size};
    }

    /** Snaps a unit coordinate to the centre of the value it maps to (itself for continuous coordinates). */
    public double snap(int i, double u) {
        if (!isDiscrete(i) && !isCategorical(i)) {
            return clamp(u);
        }
        return toUnit(i, fromUnit(i, u));
    }

    /** The unit point of a trial, or {@code null} when it lacks one of the parameters. */
    public double[] toUnit(FrozenTrial trial) {
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            String name = names.get(i);
            if (!trial.params().containsKey(name) || !distributions.get(i).equals(trial.distributions().get(name))) {
                return null;
            }
            x[i] = toUnit(i, trial.internalParam(name));
        }
        return x;
    }

    /** The unit point of internal parameter values by name, or {@code null} when one of the space's is missing. */
    public double[] toUnit(Map<String, Double> internal) {
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            Double v = internal.get(names.get(i));
            if (v == null) {
                return null;
            }
            x[i] = toUnit(i, v);
        }
        return x;
    }

    /** The internal parameter values of a unit point, by name. */
    public Map<String, Double> toParams(double[] x) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            out.put(names.get(i), fromUnit(i, x[i]));
        }
        return out;
    }

    /** The numeric, non-single parameters of a space: what a continuous optimizer such as CMA-ES can model. */
    public static Map<String, Distribution> numericPart(Map<String, Distribution> space) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        space.forEach((name, d) -> {
            if (!(d instanceof CategoricalDistribution) && !d.isSingle()) {
                out.put(name, d);
            }
        });
        return out;
    }

    /** The non-single parameters of a space. */
    public static Map<String, Distribution> withoutSingles(Map<String, Distribution> space) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        space.forEach((name, d) -> {
            if (!d.isSingle()) {
                out.put(name, d);
            }
        });
        return out;
    }

    /** The unit points of the trials that have every parameter of this space. */
    public List<double[]> points(List<FrozenTrial> trials) {
        List<double[]> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            double[] x = toUnit(t);
            if (x != null) {
                out.add(x);
            }
        }
        return out;
    }

    private static double clamp(double u) {
        return Math.max(0.0, Math.min(1.0, u));
    }
}
