"""Optuna's own TPE on three problems of problems.json for three seed sets, to show how far a 20-seed median
moves with the seeds alone. Needs optuna (5.0.0 was used). Usage: python seed_sensitivity.py [path/to/problems.json]"""
import json
import math
import sys

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
problems = {p["name"]: p for p in json.load(open(sys.argv[1] if len(sys.argv) > 1 else
                                                "../src/main/resources/problems.json"))["problems"]}


def branin(t):
    x1, x2 = t.suggest_float("x1", -5, 10), t.suggest_float("x2", 0, 15)
    b, c, s, tt = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 10, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + s * (1 - tt) * math.cos(x1) + s


H = problems["hartmann6"]["constants"]


def hartmann6(t):
    x = [t.suggest_float(f"x{i}", 0, 1) for i in range(1, 7)]
    return -sum(H["alpha"][i] * math.exp(-sum(H["A"][i][j] * (x[j] - H["P"][i][j]) ** 2 for j in range(6)))
                for i in range(4))


L = problems["lr_valley6"]["constants"]


def lr_valley6(t):
    lr = t.suggest_float("lr", 1e-5, 1.0, log=True)
    wd = t.suggest_float("weight_decay", 1e-6, 0.1, log=True)
    layers = t.suggest_int("layers", 1, 8)
    units = t.suggest_int("units", 16, 1024, log=True)
    opt = t.suggest_categorical("optimizer", ["sgd", "adam", "rmsprop"])
    d = t.suggest_float("dropout", 0.0, 0.5)
    return (0.1 + L["base"][opt] + 0.08 * (math.log10(lr) - L["lr_opt_log10"][opt]) ** 2
            + 0.03 * (math.log10(wd) + 4) ** 2 + 0.004 * (layers * math.log2(units) - 36) ** 2
            + 0.01 * (layers - 4) ** 2 + 2.0 * (d - 0.0625 * layers) ** 2)


for name, f in [("branin", branin), ("hartmann6", hartmann6), ("lr_valley6", lr_valley6)]:
    for offset in (0, 20, 40):
        regrets = []
        for seed in range(offset, offset + 20):
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(f, n_trials=100)
            regrets.append(study.best_value - problems[name]["optimum_value"])
        print(name, f"{offset}..{offset + 19}", f"{np.median(regrets):.3g}", flush=True)
