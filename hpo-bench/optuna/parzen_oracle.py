"""Reference log densities of Optuna 5.0.0's Parzen estimator for ParzenEstimatorOracleTest (hpo-core).

One mixed search space (float, log float, int, log int, stepped float, categorical), eight observations with
unequal weights and no repeated value in a numeric dimension (Optuna sorts with an unstable sort, so with
repeated values its tie order, and with it the bandwidths of unequally weighted kernels, is arbitrary), and the
log density at six points. Needs optuna 5.0.0 (the test's numbers were made with it). Usage: python parzen_oracle.py
"""
import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

assert optuna.__version__ == "5.0.0", optuna.__version__
space = {
    "a_float": FloatDistribution(-2.0, 3.0),
    "b_logfloat": FloatDistribution(1e-4, 1.0, log=True),
    "c_int": IntDistribution(0, 10),
    "d_logint": IntDistribution(1, 200, log=True),
    "e_stepfloat": FloatDistribution(-1.0, 1.0, step=0.25),
    "f_cat": CategoricalDistribution(["x", "y", "z"]),
}
# internal representation: categorical as the choice index
obs = {
    "a_float": [-1.9, 0.3, 0.35, 2.9, 1.1, -0.4, 2.2, 0.0],
    "b_logfloat": [1e-3, 0.5, 2e-4, 0.03, 0.9, 0.0071, 0.2, 1e-4],
    "c_int": [0, 3, 7, 10, 5, 1, 9, 4],
    "d_logint": [1, 3, 50, 200, 17, 120, 8, 2],
    "e_stepfloat": [-1.0, -0.5, 0.25, 1.0, 0.0, 0.75, -0.25, 0.5],
    "f_cat": [0, 1, 1, 2, 0, 1, 1, 2],
}
weights = np.array([0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0, 1.0])
points = [
    [0.3, 1e-3, 3, 3, -0.5, 1],
    [-2.0, 1e-4, 0, 1, -1.0, 0],
    [3.0, 1.0, 10, 200, 1.0, 2],
    [1.0, 0.05, 6, 40, 0.25, 1],
    [-0.41, 0.0069, 1, 119, 0.75, 2],
    [2.5, 0.3, 8, 9, -0.25, 0],
]
params = _ParzenEstimatorParameters(prior_weight=1.0, consider_magic_clip=True, consider_endpoints=False,
                                    weights=default_weights, multivariate=True)
pe = _ParzenEstimator({k: np.asarray(v, dtype=float) for k, v in obs.items()}, space, params, weights.copy())
log_pdf = pe.log_pdf({k: np.asarray([p[i] for p in points], dtype=float) for i, k in enumerate(space)})
print("double[] expected = {" + ", ".join(repr(float(v)) for v in log_pdf) + "};")
