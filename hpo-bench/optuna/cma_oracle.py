"""One CMA-ES generation of the cmaes library (cmaes.CMA.tell, the update Optuna's CmaEsSampler runs), for hpo's
CmaEsOracleTest (results/gp-vs-optuna.md, section 5).

A state in the unit cube (mean, σ, a non-identity covariance C, evolution paths p_σ and p_c, the generation count), a
population drawn from N(m, σ² C) by numpy's RandomState and its values on a rotated ellipsoid, for n = 4 (λ = 8) and
n = 6 (λ = 9). The fixture holds the state before, the state after `tell`, and cmaes's own weights and rates, plus
the part of the covariance update that comes from cmaes's negative recombination weights (active CMA, Hansen's
tutorial eq. 46-47), computed from cmaes's own weights and C^(-1/2): hpo's CMA-ES recombines with the positive weights
only, and the test checks that this part is the whole difference.

Environment: as gp_oracle.py; the cmaes package is Debian's python3-cmaes 0.9.1 (Optuna 5.0's figures used 0.13.1;
the library's later CMA.tell makes the same update of mean, σ, C and the paths unless learning-rate adaptation is on).

Usage (from hpo-bench/optuna): /tmp/gp-venv/bin/python cma_oracle.py \
    ../../hpo-core/src/test/resources/dev/hpo/sampler/cmaes/cmaes-tell.json
"""
import json
import sys

import cmaes
import numpy as np


def case(n, seed, generation):
    rng = np.random.RandomState(seed)
    mean = rng.uniform(0.3, 0.7, n)
    sigma = 0.15
    a = rng.randn(n, n)
    cov = a @ a.T / n + 0.5 * np.eye(n)
    p_sigma = 0.3 * rng.randn(n)
    p_c = 0.2 * rng.randn(n)
    cma = cmaes.CMA(mean=mean.copy(), sigma=sigma, cov=cov.copy(), seed=seed)
    lam = cma.population_size
    cma._p_sigma = p_sigma.copy()
    cma._pc = p_c.copy()
    cma._g = generation
    before_cov = cma._C.copy()
    L = np.linalg.cholesky(cov)
    xs = mean + sigma * (rng.randn(lam, n) @ L.T)
    rot = np.linalg.qr(rng.randn(n, n))[0]
    scales = 10.0 ** np.linspace(0, 2, n)
    values = [float(np.sum(scales * (rot @ (x - 0.4)) ** 2)) for x in xs]
    # What tell will use: the sorted population and C^(-1/2) of the (symmetrized) covariance.
    B, D = cma._eigen_decomposition()
    c_inv_half = B @ np.diag(1 / D) @ B.T
    order = np.argsort(values, kind="stable")
    y = (xs[order] - mean) / sigma
    w = cma._weights
    w_io = w * np.where(w >= 0, 1, n / (np.linalg.norm(c_inv_half @ y.T, axis=0) ** 2 + 1e-8))
    negative = w < 0
    active = cma._cmu * (-np.sum(w[negative]) * cma._C
                         + sum(wi * np.outer(yi, yi) for wi, yi, neg in zip(w_io, y, negative) if neg))
    cma.tell([(x.copy(), v) for x, v in zip(xs, values)])
    return {
        "n": n,
        "popsize": lam,
        "generationBefore": generation,
        "mean": mean.tolist(),
        "sigma": sigma,
        "cov": before_cov.tolist(),
        "pathSigma": p_sigma.tolist(),
        "pathC": p_c.tolist(),
        "solutions": xs.tolist(),
        "values": values,
        "weights": w.tolist(),
        "c1": cma._c1,
        "cmu": cma._cmu,
        "cc": cma._cc,
        "cSigma": cma._c_sigma,
        "dSigma": cma._d_sigma,
        "activePart": active.tolist(),
        "after": {
            "mean": cma._mean.tolist(),
            "sigma": cma._sigma,
            "cov": cma._C.tolist(),
            "pathSigma": cma._p_sigma.tolist(),
            "pathC": cma._pc.tolist(),
        },
    }


def main(out):
    cases = [case(4, 1, 3), case(6, 2, 7)]
    with open(out, "w") as f:
        json.dump({"generator": "hpo-bench/optuna/cma_oracle.py", "cmaes": cmaes.__version__, "cases": cases}, f,
                  indent=1)
        f.write("\n")
    for c in cases:
        print(c["n"], c["popsize"], "sigma", c["sigma"], "->", c["after"]["sigma"])


if __name__ == "__main__":
    main(sys.argv[1])
