"""Optuna 5.0.0's FanovaImportanceEvaluator and MeanDecreaseImpurityImportanceEvaluator (seed 0, default forest) on
the edge cases of importance_cases.py, for ForestEdgeCasesOracleTest (hpo-core).

Writes hpo-core/src/test/resources/dev/hpo/importance/forest-edges-oracle.json. The forests differ from hpo's (smile
and scikit-learn, other random streams), so the test compares behaviour, not digits: the error or not, which
parameters appear, which are 0 and whether the shares are equal; the numbers are in the file for a reader.

Needs optuna 5.0.0 and scikit-learn. Usage: python forest_edges_oracle.py
"""
import os
import warnings

import optuna
from optuna.importance import FanovaImportanceEvaluator, MeanDecreaseImpurityImportanceEvaluator

import importance_cases

assert optuna.__version__ == "5.0.0", optuna.__version__
warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)

cases = []
for name, study, params, target in importance_cases.edge_studies():
    cases.append(importance_cases.case(name, study, "fanova", {}, lambda: FanovaImportanceEvaluator(seed=0),
                                       params, target))
    cases.append(importance_cases.case(name, study, "mean_decrease_impurity", {},
                                       lambda: MeanDecreaseImpurityImportanceEvaluator(seed=0), params, target))
importance_cases.write_fixture(
    os.path.join(os.path.dirname(os.path.abspath(__file__)),
                 "../../hpo-core/src/test/resources/dev/hpo/importance/forest-edges-oracle.json"),
    cases, "Optuna's fANOVA and MDI (seed 0): written by hpo-bench/optuna/forest_edges_oracle.py")
