"""Optuna 5.0.0's RegretBoundEvaluator on fixed studies, for hpo's RegretBoundOracleTest (results/gp-vs-optuna.md).

The studies are the two TPE runs of results/emmr-trials.json ((x - 0.3)² + (y - 0.7)² + 0.3 sin(9z) over [0, 1]³,
minimized), cut after 20, 41 and 60 trials. For each: the trials Optuna models (the better half, at least 20), their
standardization (numpy's std), the hyperparameters Optuna fits, the standardized bound's two parts (the largest UCB
over the search space, sampled on 2048 points of RandomState(0), and the largest LCB over the modelled trials; Optuna
maximizes -value) and the bound itself. Environment: as gp_oracle.py (Debian's torch 1.13.1 with Optuna 5.0.0).

Usage (from hpo-bench/optuna): /tmp/gp-venv/bin/python regret_bound_oracle.py ../results/emmr-trials.json \
    ../../hpo-core/src/test/resources/dev/hpo/terminator/optuna-regret-bound.json
"""
import json
import sys
import warnings

import numpy as np
import optuna
from optuna._gp import acqf as acqf_module
from optuna._gp import gp
from optuna._gp import optim_sample
from optuna._gp import search_space as gss
from optuna.distributions import FloatDistribution
from optuna.study import StudyDirection
from optuna.terminator.improvement.evaluator import _get_beta
from optuna.terminator.improvement.evaluator import RegretBoundEvaluator

assert optuna.__version__ == "5.0.0", optuna.__version__
warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)


def case(seed, rows, n):
    space = {k: FloatDistribution(0, 1) for k in "xyz"}
    trials = [optuna.trial.create_trial(params=dict(zip("xyz", r[:3])), distributions=space, value=r[3])
              for r in rows[:n]]
    evaluator = RegretBoundEvaluator(seed=0)
    bound = evaluator.evaluate(trials, StudyDirection.MINIMIZE)
    # The same steps again, kept apart, to record the parts (the same RandomState(0) draws, so the same bound).
    evaluator = RegretBoundEvaluator(seed=0)
    ss = gss.SearchSpace(space)
    values = -np.array([t.value for t in trials])
    x = ss.get_normalized_params(trials)
    top_x, top_v = evaluator._get_top_n(x, values)
    mean, std = top_v.mean(), max(1e-10, top_v.std())
    y = (top_v - mean) / std
    gpr = gp.fit_kernel_params(X=top_x, Y=y, is_categorical=ss.is_categorical, log_prior=evaluator._log_prior,
                               minimum_noise=evaluator._minimum_noise, deterministic_objective=False, gpr_cache=None)
    beta = _get_beta(3, len(top_x), 0.1)
    ucb = acqf_module.UCB(gpr, ss, beta)
    lcb = acqf_module.LCB(gpr=gpr, search_space=ss, beta=beta)
    ucb_top = float(ucb.eval_acqf_no_grad(top_x).max())
    ucb_sampled = float(optim_sample.optimize_acqf_sample(ucb, n_samples=2048, rng=evaluator._rng.rng)[1])
    lcb_top = float(np.max(lcb.eval_acqf_no_grad(top_x)))
    parts = max(ucb_top, ucb_sampled) - lcb_top
    assert abs(parts * std - bound) <= 1e-12 * abs(bound), (parts * std, bound)
    return {
        "seed": seed,
        "n": n,
        "x": x.tolist(),
        "values": (-values).tolist(),
        "topX": top_x.tolist(),
        "topValues": (-top_v).tolist(),
        "fitFailed": bool(np.all(gpr.inverse_squared_lengthscales.numpy() == 1.0) and gpr.kernel_scale.item() == 1.0),
        "topMean": float(-mean),
        "topStd": float(std),
        "inverseSquaredLengthScales": gpr.inverse_squared_lengthscales.tolist(),
        "kernelScale": gpr.kernel_scale.item(),
        "noiseVar": gpr.noise_var.item(),
        "beta": beta,
        "maxUcbAtTop": ucb_top,
        "maxUcbSampled": ucb_sampled,
        "maxLcbAtTop": lcb_top,
        "bound": bound,
    }


def main(trials_file, out):
    runs = json.load(open(trials_file))
    cases = [case(run["seed"], run["trials"], n) for run in runs for n in (20, 41, 60)]
    with open(out, "w") as f:
        json.dump({"generator": "hpo-bench/optuna/regret_bound_oracle.py", "optuna": optuna.__version__,
                   "cases": cases}, f, indent=1)
        f.write("\n")
    for c in cases:
        print(f'seed {c["seed"]} n {c["n"]}: top {len(c["topX"])} bound {c["bound"]:.4g} '
              f'(ucb top {c["maxUcbAtTop"]:.4g}, sampled {c["maxUcbSampled"]:.4g}, lcb top {c["maxLcbAtTop"]:.4g}, '
              f'std {c["topStd"]:.4g}) fit failed {c["fitFailed"]}')


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
