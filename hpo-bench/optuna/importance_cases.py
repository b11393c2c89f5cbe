"""Edge-case studies for parameter importance and the fixture format the Java oracle tests read.

Imported by ped_anova_oracle.py and forest_edges_oracle.py. Each case is a study (its trials written out in full, so
that Java rebuilds exactly these trials from the fixture), the evaluator's options, the params and target asked for,
and what Optuna 5.0.0's get_param_importances answered: the importances with normalize=True ("normalized") and
normalize=False ("raw"), in Optuna's order, or the exception it raised ("error"). NaN and infinities are written as
JSON's non-standard NaN / Infinity / -Infinity (Jackson reads them with ALLOW_NON_NUMERIC_NUMBERS).

Targets are named, since a lambda cannot be written to JSON: None (the objective value), "values[0]" (the first
objective) and "user_attrs[u]" (the trial's user attribute "u", which may be NaN or infinite).
"""
import json
import math
import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    # Optuna's PED-ANOVA lists parameters in a Python set's order, which decides the order of tied importances:
    # run again with a fixed hash seed so that the fixture is the same on every run
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import optuna  # noqa: E402
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution  # noqa: E402
from optuna.importance import get_param_importances  # noqa: E402
from optuna.trial import TrialState  # noqa: E402

X = [0.1, 0.9, 0.4, 0.7, 0.2, 0.5, 0.8, 0.3, 0.6, 0.05]
Y = [3, 1, 4, 1, 5, 2, 6, 5, 3, 5]
VALUES = [1.3, 0.2, 2.9, 0.4, 3.7, 1.1, 4.6, 2.8, 1.7, 3.9]
SPACE = {"x": FloatDistribution(0.0, 1.0), "y": IntDistribution(1, 6), "fixed": FloatDistribution(2.0, 2.0)}
TARGETS = {
    None: None,
    "values[0]": lambda t: t.values[0],
    "user_attrs[u]": lambda t: t.user_attrs["u"],
}


def trial(i, value=None, state=TrialState.COMPLETE, cond=False, user=None, only=None):
    """Trial i of the x, y, fixed study (x and y from the lists above), with the optional conditional "cond"."""
    params = {"x": X[i], "y": Y[i], "fixed": 2.0}
    dists = dict(SPACE)
    if cond:
        params["cond"], dists["cond"] = round(0.1 * i, 2), FloatDistribution(0.0, 1.0)
    if only is not None:
        params = {k: v for k, v in params.items() if k in only}
        dists = {k: v for k, v in dists.items() if k in only}
    kwargs = {}
    if isinstance(value, list):
        kwargs["values"] = value
    elif value is not None:
        kwargs["value"] = value
    return optuna.create_trial(params=params, distributions=dists, state=state,
                               user_attrs={} if user is None else {"u": user}, **kwargs)


def study_of(trials, directions=None):
    study = optuna.create_study(directions=directions or ["minimize"])
    for t in trials:
        study.add_trial(t)
    return study


def edge_studies():
    """(name, study, params, target) for each edge case."""
    inf = math.inf
    nan = math.nan
    cond = {1, 3, 5, 8, 9}
    return [
        ("no trials", study_of([]), None, None),
        ("no completed trial", study_of([trial(0, state=TrialState.FAIL), trial(1, state=TrialState.PRUNED)]),
         None, None),
        ("no completed trial, a parameter asked for", study_of([trial(0, state=TrialState.FAIL)]), ["x"], None),
        ("an empty list of parameters", study_of([trial(i, VALUES[i]) for i in range(3)]), [], None),
        ("an empty list of parameters, no completed trial", study_of([trial(0, state=TrialState.FAIL)]), [], None),
        ("one completed trial", study_of([trial(0, 1.0), trial(1, state=TrialState.FAIL)]), None, None),
        ("two completed trials", study_of([trial(0, 1.0), trial(1, 2.0)]), None, None),
        ("every value infinite", study_of([trial(i, v) for i, v in enumerate([inf, -inf, inf, inf, -inf])]),
         None, None),
        ("one finite value", study_of([trial(0, inf), trial(1, 1.0), trial(2, -inf)]), None, None),
        ("every value equal", study_of([trial(i, 1.0) for i in range(6)]), None, None),
        ("a target NaN or infinite for some trials",
         study_of([trial(i, VALUES[i], user=u) for i, u in enumerate([1.0, nan, 3.0, inf, 2.0, 6.0, -inf, 0.5])]),
         None, "user_attrs[u]"),
        ("a target finite for one trial only",
         study_of([trial(i, VALUES[i], user=u) for i, u in enumerate([nan, 1.0, inf])]), None, "user_attrs[u]"),
        ("a parameter only some trials have",
         study_of([trial(i, VALUES[i], cond=i in cond) for i in range(10)]), None, None),
        ("a parameter only some trials have, asked for",
         study_of([trial(i, VALUES[i], cond=i in cond) for i in range(10)]), ["cond"], None),
        ("a parameter only some trials have, asked for with another",
         study_of([trial(i, VALUES[i], cond=i in cond) for i in range(10)]), ["cond", "x"], None),
        ("a parameter one trial has, asked for",
         study_of([trial(i, VALUES[i], cond=i == 2) for i in range(6)]), ["cond"], None),
        ("two parameters no trial has together",
         study_of([trial(i, VALUES[i], only={"x"} if i % 2 else {"y"}) for i in range(10)]), ["x", "y"], None),
        ("an unknown parameter", study_of([trial(i, VALUES[i]) for i in range(3)]), ["nope"], None),
        ("an unknown parameter with a known one", study_of([trial(i, VALUES[i]) for i in range(3)]), ["x", "nope"],
         None),
        ("only a single-valued parameter", study_of([trial(i, VALUES[i], only={"fixed"}) for i in range(5)]),
         None, None),
        ("two objectives without a target",
         study_of([trial(i, [VALUES[i], float(Y[i])]) for i in range(10)], ["minimize", "maximize"]), None, None),
    ]


def write_distribution(d):
    if isinstance(d, CategoricalDistribution):
        return {"type": "categorical", "choices": list(d.choices)}
    kind = "int" if isinstance(d, IntDistribution) else "float"
    return {"type": kind, "low": d.low, "high": d.high, "log": d.log, "step": d.step}


def write_study(study):
    trials = []
    for t in study.get_trials(deepcopy=False):
        trials.append({
            "state": t.state.name,
            "values": t.values,
            "params": {k: {"value": t.params[k], "distribution": write_distribution(d)}
                       for k, d in t.distributions.items()},
            "user_attrs": t.user_attrs,
        })
    return {"directions": [d.name.lower() for d in study.directions], "trials": trials}


def answer(study, evaluator, params, target, normalize):
    try:
        result = get_param_importances(study, evaluator=evaluator(), params=params, target=TARGETS[target],
                                       normalize=normalize)
        return {"importances": [[k, float(v)] for k, v in result.items()]}
    except Exception as e:  # what Optuna raised is the expected answer
        return {"error": f"{type(e).__name__}: {e}"}


def case(name, study, evaluator_name, options, evaluator, params=None, target=None):
    return {"name": name, "evaluator": evaluator_name, "options": options, "params": params, "target": target,
            "study": write_study(study),
            "normalized": answer(study, evaluator, params, target, True),
            "raw": answer(study, evaluator, params, target, False)}


def write_fixture(path, cases, about):
    with open(path, "w") as f:
        json.dump({"optuna": optuna.__version__, "about": about, "cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote", path, len(cases), "cases")
