"""Optuna 5.0.0's regret bound κ of EMMR (the first n - 1 trials), for hpo's EmmrKappaOracleTest
(results/emmr-vs-optuna.md, "κ at equal inputs").

As optuna/terminator/improvement/emmr.py: all n values are standardized (numpy's std), the process of the first
n - 1 is fitted on them as they are, and _compute_standardized_regret_bound takes its largest UCB over the space from
2048 points of RandomState(0). hpo's GP centres the n - 1 values again (its prior mean is their mean, Optuna's zero),
so for equal inputs the Optuna process here is rebuilt on the n - 1 values minus their mean under the same fitted
hyperparameters; κ is then also taken with 100,000 points (the best of RandomState 0, 1, 2), closer to the supremum
the bound is defined by. Trials: seed 1 of results/emmr-trials.json, where hpo's κ fell below Optuna's.
Environment: as gp_oracle.py (Debian's torch 1.13.1 with Optuna 5.0.0).

Usage (from hpo-bench/optuna): /tmp/gp-venv/bin/python emmr_kappa_oracle.py ../results/emmr-trials.json \
    ../../hpo-core/src/test/resources/dev/hpo/terminator/optuna-emmr-kappa.json
"""
import json
import sys
import warnings

import numpy as np
import optuna
import torch
from optuna._gp import gp
from optuna._gp import prior
from optuna._gp import search_space as gss
from optuna.distributions import FloatDistribution
from optuna.terminator.improvement.evaluator import _compute_standardized_regret_bound

assert optuna.__version__ == "5.0.0", optuna.__version__
warnings.simplefilter("ignore")


def case(seed, rows, n):
    space = {k: FloatDistribution(0, 1) for k in "xyz"}
    trials = [optuna.trial.create_trial(params=dict(zip("xyz", r[:3])), distributions=space, value=r[3])
              for r in rows[:n]]
    ss = gss.SearchSpace(space)
    x = ss.get_normalized_params(trials)
    s = -np.array([t.value for t in trials])
    y = (s - s.mean()) / max(sys.float_info.min, s.std())
    before = gp.fit_kernel_params(X=x[:-1], Y=y[:-1], gpr_cache=None, is_categorical=ss.is_categorical,
                                  log_prior=prior.default_log_prior, minimum_noise=prior.DEFAULT_MINIMUM_NOISE_VAR,
                                  deterministic_objective=False)
    kappa = _compute_standardized_regret_bound(before, ss, x[:-1], y[:-1], 0.1, rng=np.random.RandomState(0))
    centred = y[:-1] - y[:-1].mean()

    def kappa_centred(samples, rng_seed):
        gpr = gp.GPRegressor(is_categorical=torch.from_numpy(ss.is_categorical), X_train=torch.from_numpy(x[:-1]),
                             y_train=torch.from_numpy(centred),
                             inverse_squared_lengthscales=before.inverse_squared_lengthscales.detach(),
                             kernel_scale=before.kernel_scale.detach(), noise_var=before.noise_var.detach())
        gpr._cache_matrix()
        return float(_compute_standardized_regret_bound(gpr, ss, x[:-1], centred, 0.1, optimize_n_samples=samples,
                                                        rng=np.random.RandomState(rng_seed)))

    return {
        "seed": seed,
        "n": n,
        "x": x[:-1].tolist(),
        "values": (-y[:-1]).tolist(),
        "inverseSquaredLengthScales": before.inverse_squared_lengthscales.tolist(),
        "kernelScale": before.kernel_scale.item(),
        "noiseVar": before.noise_var.item(),
        "kappa": float(kappa),
        "kappaCentred": kappa_centred(2048, 0),
        "kappaCentred100k": max(kappa_centred(100_000, r) for r in range(3)),
    }


def main(trials_file, out):
    runs = json.load(open(trials_file))
    cases = [case(run["seed"], run["trials"], n) for run in runs if run["seed"] == 1 for n in (40, 45, 50, 60)]
    with open(out, "w") as f:
        json.dump({"generator": "hpo-bench/optuna/emmr_kappa_oracle.py", "optuna": optuna.__version__,
                   "cases": cases}, f, indent=1)
        f.write("\n")
    for c in cases:
        print(f'seed {c["seed"]} n {c["n"]}: kappa {c["kappa"]:.4g}, centred {c["kappaCentred"]:.4g}, '
              f'centred 100k {c["kappaCentred100k"]:.4g}')


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
