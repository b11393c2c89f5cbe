"""Reference importances of Optuna 5.0.0's PedAnovaImportanceEvaluator for PedAnovaOracleTest (hpo-core).

Three studies built with optuna.create_trial from the fixed lists below (the test builds the same trials with
Study.addTrial), each evaluated with the default options and with target_quantile=0.2, region_quantile=0.5:

- mixed: a float, a log float, an int, a categorical and a single-valued float, 30 trials plus one whose value is
  infinite (left out, as every non-finite target is). Trials 4 and 25 tie at the default cut (the inverted-CDF cut
  keeps both: 5 top trials of 30, where 0.1 * 30 rounds up to 4), and 0.2 * 30 = 6.000000000000001 takes 7. Also
  evaluated with evaluate_on_local=False.
- conditional: "alpha" exists only for model=linear and "depth" only for model=tree (condPED-ANOVA's regimes);
  "rare" is in one trial only, a regime smaller than _min_n_trials_in_regime = 2, so it scores 0.
- two objectives (minimize, maximize) and no target: top trials by non-domination rank and hypervolume subset
  selection, as multi-objective TPE; also with target=lambda t: t.values[0].

It also writes hpo-core/src/test/resources/dev/hpo/importance/ped-anova-oracle.json, which PedAnovaOracleTest reads:
the three studies above with each set of options, and the edge cases of importance_cases.py (no completed trial, one,
two, every value infinite or equal, a target NaN for some trials, conditional, unknown or no parameters asked for, two
objectives), each with Optuna's answer with normalize=True and normalize=False (PED-ANOVA's raw scores) or the error it
raised.

Needs optuna 5.0.0 (the test's numbers were made with it). Usage: python ped_anova_oracle.py
"""
import math
import os
import warnings

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import PedAnovaImportanceEvaluator, get_param_importances

import importance_cases

assert optuna.__version__ == "5.0.0", optuna.__version__
warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

MIXED = {
    "x": [-4.631, -2.384, -1.977, 3.379, -3.331, -1.064, 4.527, -2.32, -4.135, -3.383, -4.659, 4.173, 2.454,
          -4.592, 4.939, 1.494, -3.493, 2.136, 3.482, -4.454, 3.658, 0.167, 0.769, 1.46, 1.781, 2.479, -0.257,
          -4.655, -4.687, 2.858, 0.5],
    "lr": [0.139, 0.000474, 0.568, 0.202, 0.000416, 0.0725, 0.0111, 0.00678, 0.369, 0.00136, 0.878, 0.0128,
           0.0467, 0.348, 0.00116, 0.284, 0.0018, 0.000208, 0.000471, 0.000215, 0.000125, 0.0482, 0.025, 0.000145,
           0.00154, 0.00129, 0.00596, 0.00103, 0.000112, 0.027, 0.01],
    "depth": [2, 8, 9, 9, 8, 5, 3, 7, 4, 5, 2, 2, 6, 1, 10, 5, 1, 10, 2, 3, 1, 9, 4, 10, 2, 5, 7, 5, 1, 8, 5],
    "kernel": ["rbf", "linear", "poly", "linear", "poly", "rbf", "linear", "linear", "linear", "rbf", "poly",
               "linear", "linear", "poly", "poly", "rbf", "linear", "rbf", "rbf", "linear", "rbf", "poly", "poly",
               "poly", "linear", "rbf", "linear", "linear", "linear", "linear", "rbf"],
    "fixed": [2.0] * 31,
}
MIXED_VALUES = [6.7845, 3.0876, 3.5488, 1.9735, 5.3658, 1.3601, 2.6515, 2.6051, 5.9438, 4.3521, 7.8879, 2.1457,
                0.9236, 7.5666, 4.6838, 0.7348, 4.3108, 1.2627, 1.7302, 6.5995, 2.0339, 1.5937, 1.1301, 1.8939,
                0.4657, 0.9236, 0.7334, 6.942, 7.1036, 1.2198, math.inf]
MIXED_SPACE = {
    "x": FloatDistribution(-5.0, 5.0),
    "lr": FloatDistribution(1e-4, 1.0, log=True),
    "depth": IntDistribution(1, 10),
    "kernel": CategoricalDistribution(["rbf", "linear", "poly"]),
    "fixed": FloatDistribution(2.0, 2.0),
}

MODEL = ["tree", "tree", "tree", "linear", "linear", "tree", "linear", "tree", "linear", "linear", "tree", "linear",
         "linear", "linear", "linear", "tree", "linear", "tree", "tree", "linear", "linear", "tree", "tree", "tree",
         "tree", "tree", "linear", "linear", "linear", "linear"]
COND_X = [0.64, 0.599, 0.136, 0.149, 0.148, 0.549, 0.068, 0.966, 0.815, 0.747, 0.919, 0.666, 0.284, 0.352, 0.16,
          0.902, 0.974, 0.709, 0.143, 0.036, 0.984, 0.422, 0.428, 0.48, 0.223, 0.537, 0.848, 0.066, 0.633, 0.479]
ALPHA = [None, None, None, 0.000732, 0.00486, None, 0.00465, None, 9.18e-05, 0.0805, None, 0.000417, 0.00439,
         0.0596, 0.0241, None, 0.000172, None, None, 0.0305, 0.00101, None, None, None, None, None, 0.0608,
         1.71e-05, 0.014, 0.0179]
TREE_DEPTH = [8, 10, 5, None, None, 11, None, 4, None, None, 3, None, None, None, None, 3, None, 3, 12, None, None,
              2, 3, 4, 8, 10, None, None, None, None]
COND_VALUES = [1.34, 1.699, 0.636, 0.1545, 0.2894, 1.849, 0.2016, 1.666, 1.1377, 1.8366, 1.819, 0.7093, 0.4078,
               1.2974, 0.733, 1.802, 1.1493, 1.609, 1.643, 0.6969, 0.984, 1.522, 1.328, 1.18, 0.923, 1.637, 1.8027,
               1.0027, 1.0271, 0.9499]
RARE_TRIAL = 5

MO_A = [0.061, 0.498, 0.612, 0.127, 0.226, 0.258, 0.495, 0.014, 0.196, 0.552, 0.617, 0.615, 0.718, 0.201, 0.974,
        0.181, 0.815, 0.239, 0.632, 0.507, 0.696, 0.106, 0.24, 0.198, 0.402, 0.6, 0.393, 0.348, 0.279, 0.076]
MO_B = [0.559, 0.237, 0.427, 0.496, 0.65, 0.72, 0.624, 0.257, 0.94, 0.887, 0.395, 0.577, 0.024, 0.064, 0.239, 1.0,
        0.734, 0.087, 0.663, 0.082, 0.997, 0.423, 0.289, 0.194, 0.038, 0.272, 0.45, 0.892, 0.412, 0.127]
MO_N = [4, 2, 1, 3, 5, 2, 3, 3, 2, 2, 1, 4, 4, 3, 5, 2, 5, 2, 3, 1, 3, 1, 2, 3, 1, 3, 1, 2, 2, 2]
MO_C = ["p", "p", "q", "q", "p", "q", "p", "p", "p", "p", "p", "q", "q", "p", "q", "q", "q", "p", "q", "q", "q", "p",
        "q", "p", "q", "p", "p", "p", "p", "p"]
MO_COST = [0.4731, 0.7115, 0.7484, 0.4567, 0.727, 0.5038, 0.819, 0.3299, 0.4376, 0.7818, 0.7361, 1.0527, 1.1584,
           0.5444, 1.5074, 0.4093, 1.3415, 0.4395, 0.9394, 0.6386, 1.0228, 0.2369, 0.4663, 0.5288, 0.5281, 0.9031,
           0.4969, 0.5712, 0.5228, 0.2975]
MO_QUALITY = [0.5285, -0.012, 0.321, 0.6325, 0.537, 0.791, 0.3765, 0.25, 0.842, 0.611, 0.0865, 0.4695, -0.135,
              -0.0365, -0.048, 1.1095, 0.5265, -0.0325, 0.547, 0.0285, 0.849, 0.37, 0.369, 0.095, 0.037, -0.028,
              0.2535, 0.718, 0.2725, 0.089]


def mixed_study():
    study = optuna.create_study()
    for i, value in enumerate(MIXED_VALUES):
        study.add_trial(optuna.create_trial(params={k: v[i] for k, v in MIXED.items()}, distributions=MIXED_SPACE,
                                            value=value))
    return study


def conditional_study():
    study = optuna.create_study()
    for i, value in enumerate(COND_VALUES):
        params = {"model": MODEL[i], "x": COND_X[i]}
        dists = {"model": CategoricalDistribution(["linear", "tree"]), "x": FloatDistribution(0.0, 1.0)}
        if ALPHA[i] is not None:
            params["alpha"], dists["alpha"] = ALPHA[i], FloatDistribution(1e-5, 1e-1, log=True)
        if TREE_DEPTH[i] is not None:
            params["depth"], dists["depth"] = TREE_DEPTH[i], IntDistribution(2, 12)
        if i == RARE_TRIAL:
            params["rare"], dists["rare"] = 0.5, FloatDistribution(0.0, 1.0)
        study.add_trial(optuna.create_trial(params=params, distributions=dists, value=value))
    return study


def two_objective_study():
    study = optuna.create_study(directions=["minimize", "maximize"])
    dists = {"a": FloatDistribution(0.0, 1.0), "b": FloatDistribution(0.0, 1.0), "n": IntDistribution(1, 5),
             "c": CategoricalDistribution(["p", "q"])}
    for i in range(len(MO_A)):
        params = {"a": MO_A[i], "b": MO_B[i], "n": MO_N[i], "c": MO_C[i]}
        study.add_trial(optuna.create_trial(params=params, distributions=dists,
                                            values=[MO_COST[i], MO_QUALITY[i]]))
    return study


def show(label, study, target=None, **options):
    importances = get_param_importances(study, evaluator=PedAnovaImportanceEvaluator(**options), target=target)
    print(label + ": " + ", ".join(f"{k}={v!r}" for k, v in importances.items()))


show("mixed default", mixed_study())
show("mixed target 0.2 region 0.5", mixed_study(), target_quantile=0.2, region_quantile=0.5)
show("mixed target 0.2 global", mixed_study(), target_quantile=0.2, evaluate_on_local=False)
show("conditional default", conditional_study())
show("conditional target 0.2 region 0.5", conditional_study(), target_quantile=0.2, region_quantile=0.5)
show("two objectives default", two_objective_study())
show("two objectives target 0.2 region 0.5", two_objective_study(), target_quantile=0.2, region_quantile=0.5)
show("two objectives cost only", two_objective_study(), target=lambda t: t.values[0])


OPTIONS = [({}, {}), ({"target_quantile": 0.2, "region_quantile": 0.5}, {"targetQuantile": 0.2, "regionQuantile": 0.5})]
cases = []
for name, study, target, option_sets in (
        ("mixed", mixed_study(), None, OPTIONS + [({"target_quantile": 0.2, "evaluate_on_local": False},
                                                  {"targetQuantile": 0.2, "evaluateOnLocal": False})]),
        ("conditional", conditional_study(), None, OPTIONS),
        ("two objectives", two_objective_study(), None, OPTIONS),
        ("two objectives, cost only", two_objective_study(), "values[0]", OPTIONS[:1])):
    for optuna_options, hpo_options in option_sets:
        cases.append(importance_cases.case(name, study, "ped_anova", hpo_options,
                                           lambda o=optuna_options: PedAnovaImportanceEvaluator(**o), target=target))
for name, study, params, target in importance_cases.edge_studies():
    cases.append(importance_cases.case(name, study, "ped_anova", {}, PedAnovaImportanceEvaluator, params, target))
importance_cases.write_fixture(
    os.path.join(os.path.dirname(os.path.abspath(__file__)),
                 "../../hpo-core/src/test/resources/dev/hpo/importance/ped-anova-oracle.json"),
    cases, "Optuna's PedAnovaImportanceEvaluator: written by hpo-bench/optuna/ped_anova_oracle.py")
