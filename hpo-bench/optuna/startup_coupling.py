"""Optuna's TPESampler on the five problems of problems.json, as is and with its start-up sampler reseeded.

TPESampler(seed=s) seeds two numpy RandomStates with the same s: the TPE's own and the RandomSampler that draws the
10 start-up trials. The first TPE decision (trial 10) then reuses the very uniforms that placed the start-up trials:
its 24 kernel choices and its candidates' coordinates are functions of the start-up points. The "decoupled" runs
give the start-up RandomSampler the seed s + 1000003 and change nothing else, which is what a sampler with
independent streams (like hpo's) does. Prints median [25th, 75th percentile] regret after 50, 100 and 200 trials.
Needs optuna (5.0.0 was used). Usage: python startup_coupling.py [problems.json] [first_seed] [seeds]
"""
import json
import math
import sys

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
path = sys.argv[1] if len(sys.argv) > 1 else "../src/main/resources/problems.json"
first = int(sys.argv[2]) if len(sys.argv) > 2 else 0
count = int(sys.argv[3]) if len(sys.argv) > 3 else 20
problems = json.load(open(path))["problems"]


def suggest(trial, p):
    out = {}
    for q in p["parameters"]:
        if q["type"] == "float":
            out[q["name"]] = trial.suggest_float(q["name"], q["low"], q["high"], log=q.get("log", False))
        elif q["type"] == "int":
            out[q["name"]] = trial.suggest_int(q["name"], q["low"], q["high"], step=q.get("step", 1),
                                               log=q.get("log", False))
        else:
            out[q["name"]] = trial.suggest_categorical(q["name"], q["choices"])
    return out


def value(name, c, xs):
    v = list(xs.values())
    if name == "branin":
        b, cc, s, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 10, 1 / (8 * math.pi)
        return (v[1] - b * v[0] ** 2 + cc * v[0] - 6) ** 2 + s * (1 - t) * math.cos(v[0]) + s
    if name == "hartmann6":
        return -sum(c["alpha"][i] * math.exp(-sum(c["A"][i][j] * (v[j] - c["P"][i][j]) ** 2 for j in range(6)))
                    for i in range(4))
    if name == "rosenbrock4":
        return sum(100 * (v[i + 1] - v[i] ** 2) ** 2 + (v[i] - 1) ** 2 for i in range(3))
    if name == "ackley5":
        return (-20 * math.exp(-0.2 * math.sqrt(sum(x * x for x in v) / 5))
                - math.exp(sum(math.cos(2 * math.pi * x) for x in v) / 5) + 20 + math.e)
    o = xs["optimizer"]
    return (0.1 + c["base"][o] + 0.08 * (math.log10(xs["lr"]) - c["lr_opt_log10"][o]) ** 2
            + 0.03 * (math.log10(xs["weight_decay"]) + 4) ** 2
            + 0.004 * (xs["layers"] * math.log2(xs["units"]) - 36) ** 2 + 0.01 * (xs["layers"] - 4) ** 2
            + 2.0 * (xs["dropout"] - 0.0625 * xs["layers"]) ** 2)


def cell(r):
    return "%.3g [%.3g, %.3g]" % (np.median(r), np.percentile(r, 25), np.percentile(r, 75))


print("| problem | startup | after 50 | after 100 | after 200 |\n|---|---|---|---|---|")
for p in problems:
    for mode in ("coupled", "decoupled"):
        regrets = []
        for seed in range(first, first + count):
            sampler = optuna.samplers.TPESampler(seed=seed)
            if mode == "decoupled":
                sampler._random_sampler = optuna.samplers.RandomSampler(seed=seed + 1000003)
            study = optuna.create_study(sampler=sampler)
            study.optimize(lambda t: value(p["name"], p.get("constants"), suggest(t, p)), n_trials=200)
            best = np.minimum.accumulate([t.value for t in study.trials])
            regrets.append([best[n - 1] - p["optimum_value"] for n in (50, 100, 200)])
        r = np.array(regrets)
        print(f"| {p['name']} | {mode} | {cell(r[:, 0])} | {cell(r[:, 1])} | {cell(r[:, 2])} |", flush=True)
