"""Optuna 5.0.0's FanovaImportanceEvaluator and MeanDecreaseImpurityImportanceEvaluator on two fixed studies, averaged
over forest seeds, for hpo-bench/results/importance-vs-optuna.md and ForestImportanceOracleTest (hpo-core).

The trials are a Weyl sequence, so that Java rebuilds them from the same formula (OptunaForestFixtures): trial i
(0-based) has u_j = frac((i + 1) * sqrt(P_j)) for the j-th prime P_j = 2, 3, 5, 7, 11, and

- mixed (120 trials): x = -5 + 10 u_0 in [-5, 5], k = 1 + floor(10 u_1) in 1..10, c = ("a", "b", "c")[floor(3 u_2)],
  w = u_3 in [0, 1], z = u_4 in [0, 1]; value x^2 + 3 OFF[c] + 0.8 k + 4 w with OFF = (0, 1, 2): x dominates
  (about 0.82 of the variance), c and k are moderate (0.09, 0.08), w is weak (0.02), z is irrelevant.
- logcat (100 trials): lr = exp(ln 1e-5 + u_0 ln 1e4), log float in [1e-5, 1e-1]; units = round(exp(ln 4 + u_1 ln 64)),
  log int in 4..256; opt = ("sgd", "adam", "rmsprop")[floor(3 u_2)]; drop = 0.5 u_3 in [0, 0.5]; value
  (log10 lr + 3)^2 + 0.5 |log2 units - 6| + OPT[opt] + 0.2 drop with OPT = (1.5, 0, 0.5).
- outlier (30 trials): a = u_0, b = u_1, both in [0, 1]; value a + (100 if b > 0.97 else 0). One trial (b = 0.98)
  is an outlier that only b isolates; about a third of the bootstrap samples miss it, and their trees split on a
  alone. scikit-learn scales each tree's impurity decreases to sum to 1 before averaging, so a keeps about that
  third of MDI; a sum of raw decreases would give b nearly everything.
- twins (40 trials): a = b = u_0, both in [0, 1]; value a. Every split on one ties with the same split on the other;
  scikit-learn visits the features in a random order at each node and keeps the first best, so each gets about half.

Each evaluator runs with seeds 0..SEEDS-1 and the defaults (64 trees, max_depth 64); the script prints the mean and
the standard deviation (ddof=1) of each parameter's normalized importance, as get_param_importances returns it.
Column "fANOVA, hpo's measure" is Optuna's own _Fanova on the same forest settings but with the coordinates hpo
integrates in: log parameters in log space, integers widened by half a step, a categorical as one code column whose
values each get width 1 (sklearn then splits the codes as ordered values, where hpo splits one category from the
rest). It separates what the measure changes from what the forest changes.

Needs optuna 5.0.0 and scikit-learn. Usage: python fanova_oracle.py [seeds, default 10] [fixture...]
"""
import math
import statistics
import sys
import warnings

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator, MeanDecreaseImpurityImportanceEvaluator
from optuna.importance import get_param_importances
from optuna.importance._fanova._fanova import _Fanova

assert optuna.__version__ == "5.0.0", optuna.__version__
warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

SEEDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
FIXTURES = sys.argv[2:] or ["mixed", "logcat", "outlier", "twins"]
PRIMES = (2, 3, 5, 7, 11)


def weyl(i, j):
    v = (i + 1) * math.sqrt(PRIMES[j])
    return v - math.floor(v)


MIXED_SPACE = {
    "x": FloatDistribution(-5.0, 5.0),
    "k": IntDistribution(1, 10),
    "c": CategoricalDistribution(["a", "b", "c"]),
    "w": FloatDistribution(0.0, 1.0),
    "z": FloatDistribution(0.0, 1.0),
}
LOGCAT_SPACE = {
    "lr": FloatDistribution(1e-5, 1e-1, log=True),
    "units": IntDistribution(4, 256, log=True),
    "opt": CategoricalDistribution(["sgd", "adam", "rmsprop"]),
    "drop": FloatDistribution(0.0, 0.5),
}


def mixed_trial(i):
    u = [weyl(i, j) for j in range(5)]
    params = {"x": -5 + 10 * u[0], "k": 1 + math.floor(10 * u[1]), "c": "abc"[math.floor(3 * u[2])], "w": u[3],
              "z": u[4]}
    value = params["x"] ** 2 + 3 * "abc".index(params["c"]) + 0.8 * params["k"] + 4 * params["w"]
    return params, value


def logcat_trial(i):
    u = [weyl(i, j) for j in range(4)]
    opts = ["sgd", "adam", "rmsprop"]
    params = {"lr": math.exp(math.log(1e-5) + u[0] * math.log(1e4)),
              "units": min(256, max(4, round(math.exp(math.log(4) + u[1] * math.log(64))))),
              "opt": opts[math.floor(3 * u[2])], "drop": 0.5 * u[3]}
    value = ((math.log10(params["lr"]) + 3) ** 2 + 0.5 * abs(math.log2(params["units"]) - 6)
             + (1.5, 0.0, 0.5)[opts.index(params["opt"])] + 0.2 * params["drop"])
    return params, value


OUTLIER_SPACE = {"a": FloatDistribution(0.0, 1.0), "b": FloatDistribution(0.0, 1.0)}


def outlier_trial(i):
    params = {"a": weyl(i, 0), "b": weyl(i, 1)}
    return params, params["a"] + (100.0 if params["b"] > 0.97 else 0.0)


TWINS_SPACE = {"a": FloatDistribution(0.0, 1.0), "b": FloatDistribution(0.0, 1.0)}


def twins_trial(i):
    return {"a": weyl(i, 0), "b": weyl(i, 0)}, weyl(i, 0)


def build(space, trial, n):
    study = optuna.create_study()
    for i in range(n):
        params, value = trial(i)
        study.add_trial(optuna.create_trial(params=params, distributions=space, value=value))
    return study


def hpo_measure(study, space, seed):
    """Optuna's _Fanova in hpo's coordinates (see the module's docstring), normalized as get_param_importances."""
    names = list(space)
    trials = study.get_trials(states=(optuna.trial.TrialState.COMPLETE,))
    bounds, columns = [], []
    for name in names:
        d = space[name]
        if isinstance(d, CategoricalDistribution):
            bounds.append((-0.5, len(d.choices) - 0.5))
            columns.append([d.choices.index(t.params[name]) for t in trials])
        elif d.log:
            half = 0.5 if isinstance(d, IntDistribution) else 0.0
            bounds.append((math.log(d.low - half), math.log(d.high + half)))
            columns.append([math.log(t.params[name]) for t in trials])
        else:
            half = 0.5 * d.step if d.step is not None else 0.0
            bounds.append((d.low - half, d.high + half))
            columns.append([t.params[name] for t in trials])
    fanova = _Fanova(n_trees=64, max_depth=64, min_samples_split=2, min_samples_leaf=1, seed=seed)
    fanova.fit(np.array(columns).T, np.array([t.value for t in trials]), np.array(bounds),
               [np.array([f]) for f in range(len(names))])
    raw = [fanova.get_importance(f)[0] for f in range(len(names))]
    return {name: r / sum(raw) for name, r in zip(names, raw)}


def summary(label, runs):
    names = sorted(runs[0], key=lambda n: -statistics.mean(r[n] for r in runs))
    cells = [f"{n}={statistics.mean(r[n] for r in runs):.4f}±{statistics.stdev(r[n] for r in runs):.4f}"
             for n in names]
    print(f"{label}: " + ", ".join(cells))


for label, space, trial, n in (("mixed", MIXED_SPACE, mixed_trial, 120), ("logcat", LOGCAT_SPACE, logcat_trial, 100),
                                ("outlier", OUTLIER_SPACE, outlier_trial, 30), ("twins", TWINS_SPACE, twins_trial, 40)):
    if label not in FIXTURES:
        continue
    study = build(space, trial, n)
    summary(f"{label} fANOVA", [get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=s))
                                for s in range(SEEDS)])
    summary(f"{label} MDI", [get_param_importances(study, evaluator=MeanDecreaseImpurityImportanceEvaluator(seed=s))
                             for s in range(SEEDS)])
    summary(f"{label} fANOVA, hpo's measure", [hpo_measure(study, space, s) for s in range(SEEDS)])
