"""Optuna 5.0.0's Gaussian process on fixed data sets, for hpo's GpOracleTest (and results/gp-vs-optuna.md).

For each data set (a search space, points drawn from it by numpy's RandomState, an objective to minimize) this runs the
functions Optuna's GPSampler calls in _sample_relative_impl, in its order: SearchSpace.get_normalized_params (X in the
unit cube, a categorical as its index), _standardize_values(-values) (Optuna maximizes; numpy's std, ddof 0),
gp.fit_kernel_params with prior.default_log_prior, minimum noise 1e-6 and no warm start (L-BFGS-B from the default
hyperparameters, all ones), the fitted GPRegressor's marginal_log_likelihood, its posterior at test points near the
data and far from it, and acqf.LogEI with threshold max(y) there. The fitted hyperparameters and every number are
written to a JSON fixture that the Java test reads (CI has no Python).

Environment (torch is not on PyPI's mirror here; Debian's packages are): Debian's python3 3.11.2 with
    apt-get install -y python3-torch python3-scipy python3-cmaes      # torch 1.13.1, scipy 1.10.1, cmaes 0.9.1
    /usr/bin/python3 -m venv --system-site-packages /tmp/gp-venv
and Optuna 5.0.0 with its pure-Python dependencies taken from the QA venv (which has its own numpy 2 / scipy build,
kept out: only the packages listed below are linked, so Debian's numpy, scipy and torch are the ones imported):
    S=/tmp/qa-lib/venv/lib/python3.11/site-packages; D=/tmp/gp-venv/lib/python3.11/site-packages
    for p in optuna optuna-5.0.0.dist-info alembic sqlalchemy colorlog tqdm yaml _yaml mako markupsafe \
             typing_extensions.py packaging; do ln -s $S/$p $D/$p; done
Optuna 5.0.0's _gp runs unchanged on torch 1.13.1 (the script checks the versions it ran with and records them).

Usage (from hpo-bench/optuna): /tmp/gp-venv/bin/python gp_oracle.py \
    ../../hpo-core/src/test/resources/dev/hpo/sampler/gp/optuna-gp.json
"""
import json
import math
import sys

import numpy as np
import optuna
import scipy
import torch
from optuna._gp import acqf as acqf_module
from optuna._gp import gp
from optuna._gp import prior
from optuna._gp import search_space as gss
from optuna.distributions import CategoricalDistribution
from optuna.distributions import FloatDistribution
from optuna.distributions import IntDistribution
from optuna.samplers._gp.sampler import _standardize_values

assert optuna.__version__ == "5.0.0", optuna.__version__
torch.set_default_dtype(torch.float64)


def space_1d():
    return {"lr": FloatDistribution(1e-4, 1.0, log=True)}


def space_3d():
    return {
        "x": FloatDistribution(-5.0, 5.0),
        "depth": IntDistribution(1, 10),
        "kind": CategoricalDistribution(["a", "b", "c"]),
    }


def space_6d():
    space = {f"x{i}": FloatDistribution(0.0, 1.0) for i in range(5)}
    space["c"] = FloatDistribution(1e-3, 10.0, log=True)
    return space


def objective_1d(p):
    t = math.log10(p["lr"])
    return (t + 2.3) ** 2 + 0.3 * math.sin(4 * t)


def objective_3d(p):
    shift = {"a": 0.0, "b": 1.5, "c": -0.7}[p["kind"]]
    return (p["x"] - 1.0) ** 2 / 5 + 0.3 * abs(p["depth"] - 6) + shift + 0.5 * math.cos(p["x"])


HARTMANN_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8],
                       [17, 8, 0.05, 10, 0.1, 14]])
HARTMANN_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
HARTMANN_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def objective_6d(p):
    z = np.array([p[f"x{i}"] for i in range(5)] + [math.log10(p["c"]) / 4 + 0.75])
    return float(-np.sum(HARTMANN_ALPHA * np.exp(-np.sum(HARTMANN_A * (z - HARTMANN_P) ** 2, axis=1))))


def draw(space, rng):
    """One point of the space: floats uniform (in log space when log), integers and choices uniform."""
    p = {}
    for name, d in space.items():
        if isinstance(d, CategoricalDistribution):
            p[name] = d.choices[rng.randint(len(d.choices))]
        elif isinstance(d, IntDistribution):
            p[name] = int(rng.randint(d.low, d.high + 1))
        elif d.log:
            p[name] = float(math.exp(rng.uniform(math.log(d.low), math.log(d.high))))
        else:
            p[name] = float(rng.uniform(d.low, d.high))
    return p


def test_points(x, is_categorical, rng):
    """Near: the first trials moved by 0.02 along every numeric axis. Far: the cube's two corners, random points."""
    near = []
    for i in range(min(4, len(x))):
        q = x[i].copy()
        step = np.where(rng.rand(len(q)) < 0.5, -0.02, 0.02)
        q[~is_categorical] = np.clip(q[~is_categorical] + step[~is_categorical], 0.0, 1.0)
        near.append(q)
    far = []
    for corner in (0.0, 1.0):
        q = np.full(x.shape[1], corner)
        q[is_categorical] = 0.0
        far.append(q)
    for _ in range(3):
        q = rng.rand(x.shape[1])
        q[is_categorical] = 0.0
        far.append(q)
    # A trial itself: the posterior variance there is close to the noise.
    return near, far, [x[-1].copy()]


def fit_case(name, space, objective, n, seed):
    rng = np.random.RandomState(seed)
    params = [draw(space, rng) for _ in range(n)]
    values = np.array([objective(p) for p in params])
    trials = [
        optuna.trial.create_trial(params=p, distributions=space, value=v) for p, v in zip(params, values)
    ]
    ss = gss.SearchSpace(space)
    x = ss.get_normalized_params(trials)
    y, means, stds = _standardize_values(-values[:, None])  # minimized: Optuna models -value
    y = y[:, 0]
    gpr = gp.fit_kernel_params(
        X=x,
        Y=y,
        is_categorical=ss.is_categorical,
        log_prior=prior.default_log_prior,
        minimum_noise=prior.DEFAULT_MINIMUM_NOISE_VAR,
        deterministic_objective=False,
    )
    with torch.no_grad():
        mll = gpr.marginal_log_likelihood().item()
        log_prior = prior.default_log_prior(gpr).item()
    near, far, at = test_points(x, ss.is_categorical, rng)
    threshold = float(y.max())
    acqf = acqf_module.LogEI(gpr=gpr, search_space=ss, threshold=threshold)
    points = []
    for kind, qs in (("near", near), ("far", far), ("trial", at)):
        for q in qs:
            t = torch.from_numpy(np.asarray(q, dtype=np.float64))
            with torch.no_grad():
                mean, var = gpr.posterior(t)
                logei = acqf.eval_acqf(t).item()
            points.append({"kind": kind, "x": q.tolist(), "mean": mean.item(), "var": var.item(), "logEi": logei})
    dists = []
    for d in space.values():
        if isinstance(d, CategoricalDistribution):
            dists.append({"type": "categorical", "choices": list(d.choices)})
        elif isinstance(d, IntDistribution):
            dists.append({"type": "int", "low": d.low, "high": d.high, "log": d.log})
        else:
            dists.append({"type": "float", "low": d.low, "high": d.high, "log": d.log})
    return {
        "name": name,
        "names": list(space.keys()),
        "distributions": dists,
        "params": [[p[k] for k in space] for p in params],
        "values": values.tolist(),
        "x": x.tolist(),
        "y": y.tolist(),
        "valueMean": float(means[0]),
        "valueStd": float(stds[0]),
        "inverseSquaredLengthScales": gpr.inverse_squared_lengthscales.tolist(),
        "kernelScale": gpr.kernel_scale.item(),
        "noiseVar": gpr.noise_var.item(),
        "marginalLogLikelihood": mll,
        "logPrior": log_prior,
        "threshold": threshold,
        "points": points,
    }


def main(out):
    cases = []
    for label, space, objective in (("1d", space_1d(), objective_1d), ("3d-mixed", space_3d(), objective_3d),
                                    ("6d", space_6d(), objective_6d)):
        for n in (5, 20, 60):
            cases.append(fit_case(f"{label}-n{n}", space, objective, n, seed=n + len(cases)))
    fixture = {
        "generator": "hpo-bench/optuna/gp_oracle.py",
        "versions": {"optuna": optuna.__version__, "torch": torch.__version__, "numpy": np.__version__,
                     "scipy": scipy.__version__},
        "cases": cases,
    }
    with open(out, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    for c in cases:
        ls = 1 / np.sqrt(np.array(c["inverseSquaredLengthScales"]))
        far = [p for p in c["points"] if p["kind"] == "far"]
        print(f'{c["name"]:12s} l={np.array2string(ls, precision=3)} s2={c["kernelScale"]:.4g} '
              f'noise={c["noiseVar"]:.3g} far sd={np.sqrt([p["var"] for p in far]).round(3)}')


if __name__ == "__main__":
    main(sys.argv[1])
