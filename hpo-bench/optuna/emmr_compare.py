"""Optuna's EMMREvaluator beside hpo's EmmrEvaluator on the same trials (results/emmr-vs-optuna.md).

Reads the trials and hpo's bounds that dev.hpo.bench.EmmrTrials wrote (results/emmr-trials.json) and computes, on the
first 5, 10, ..., 60 trials of each run, Optuna's bound twice: as Optuna 5.0.0 ships it, and with the paper's
divergence term (the variance and mean at the last point from the Gaussian process of the trials before it under the
last kernel, as Optuna 4 and Ishibashi et al. have it; 5.0.0 takes them from the process that already holds the last
point). The parts of the bound are printed too: the expected gap, the regret bound kappa and the divergence.
Needs optuna 5.0.0 with torch and scipy. Usage: python emmr_compare.py ../results/emmr-trials.json ../results/emmr-vs-optuna.md
"""
import json
import math
import sys

import numpy as np
import optuna
import scipy.stats as stats
import torch
from optuna._gp import gp, prior
from optuna._gp import search_space as gss
from optuna.distributions import FloatDistribution
from optuna.terminator.improvement import emmr
from optuna.terminator.improvement.evaluator import _compute_standardized_regret_bound

assert optuna.__version__ == "5.0.0", optuna.__version__
optuna.logging.set_verbosity(optuna.logging.ERROR)


def bound(trials, paper):
    """Optuna 5.0.0's EMMREvaluator.evaluate for a minimized study, with the paper's divergence when asked."""
    space = gss.SearchSpace(optuna.search_space.intersection_search_space(trials))
    x = space.get_normalized_params(trials)
    s = -np.array([t.value for t in trials])
    y = (s - s.mean()) / s.std()
    fit = dict(is_categorical=space.is_categorical, log_prior=prior.default_log_prior,
               minimum_noise=prior.DEFAULT_MINIMUM_NOISE_VAR, deterministic_objective=False)
    before = gp.fit_kernel_params(X=x[:-1], Y=y[:-1], gpr_cache=None, **fit)
    now = gp.fit_kernel_params(X=x, Y=y, gpr_cache=before, **fit)
    i, j = int(np.argmax(y)), int(np.argmax(y[:-1]))
    cov = emmr._compute_gp_posterior_cov_two_thetas(x, now, i, j)
    if paper:
        divergence_gp = gp.GPRegressor(space.is_categorical, torch.from_numpy(x[:-1]), torch.from_numpy(y[:-1]),
                                       now.inverse_squared_lengthscales, now.kernel_scale, now.noise_var)
        divergence_gp._cache_matrix()
    else:
        divergence_gp = now
    mu_last, var_last = emmr._compute_gp_posterior(x[-1], divergence_gp)
    _, var_j = emmr._compute_gp_posterior(x[j], now)
    mu_i, var_i = emmr._compute_gp_posterior(x[i], now)
    mu_j_before, _ = emmr._compute_gp_posterior(x[j], before)
    kappa = _compute_standardized_regret_bound(before, space, x[:-1], y[:-1], 0.1, rng=np.random.RandomState(0))
    v = math.sqrt(max(1e-10, var_i - 2 * cov + var_j))
    g = (mu_i - mu_j_before) / v
    gap = (mu_j_before - mu_i) + v * stats.norm.pdf(g) + v * g * stats.norm.cdf(g)
    lam = 1 / prior.DEFAULT_MINIMUM_NOISE_VAR
    kl = (0.5 * math.log(1 + lam * var_last) - 0.5 * var_last / (var_last + 1 / lam)
          + 0.5 * var_last * (y[-1] - mu_last) ** 2 / (var_last + 1 / lam) ** 2)
    return gap + kappa * math.sqrt(0.5 * kl), gap, kappa, kl


def main(trials_file, out):
    runs = json.load(open(trials_file))
    space = {k: FloatDistribution(0, 1) for k in "xyz"}
    lines = ["# hpo's EmmrEvaluator beside Optuna 5.0.0's EMMREvaluator", "",
             "Written by `hpo-bench/optuna/emmr_compare.py` from the trials of `dev.hpo.bench.EmmrTrials` (TPE on "
             "(x - 0.3)² + (y - 0.7)² + 0.3 sin(9z) over [0, 1]³, seeds 1 and 2). The bound on the first n trials: "
             "hpo's; Optuna 5.0.0's as shipped; Optuna's with the paper's divergence (what hpo computes); and that "
             "variant's parts: the expected gap, the regret bound κ of the first n - 1 trials and the divergence "
             "(the paper's equation 4), all in standardized units.", ""]
    for run in runs:
        trials = [optuna.trial.create_trial(params=dict(zip("xyz", r[:3])), distributions=space, value=r[3])
                  for r in run["trials"]]
        lines += [f"## Seed {run['seed']}", "",
                  "| n | hpo | Optuna 5.0.0 | Optuna, paper's divergence | its gap | its κ | its divergence |",
                  "|---|---|---|---|---|---|---|"]
        for n_text, hpo in run["hpo"].items():
            n = int(n_text)
            shipped = bound(trials[:n], False)[0]
            paper, gap, kappa, kl = bound(trials[:n], True)
            lines.append(f"| {n} | {hpo:.4g} | {shipped:.4g} | {paper:.4g} | {gap:.3g} | {kappa:.3g} | {kl:.3g} |")
        lines.append("")
    open(out, "w").write("\n".join(lines))
    print("wrote", out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
