"""Writes the oracle for hpo's GridSampler numbering (hpo-core/src/test/resources/dev/hpo/sampler/grid/numbering.json):
- "shuffles": numpy's legacy RandomState(seed).shuffle of the list [0, 1, ..., n-1] (the call Optuna 5's GridSampler
  makes on its list of grid points), for many sizes and seeds across the whole seed range [0, 2^32): the first
  entries, and the SHA-256 of the whole permutation written as decimal numbers joined by ",";
- "grids": Optuna's own GridSampler(space, seed) for a few spaces given in unsorted order, with mixed value types:
  its stored search_space and, for each grid_id, the point (values in sorted parameter-name order).
Needs optuna (5.0.0 was used) and numpy. Usage: python grid_fixture.py FILE
"""
import hashlib
import json
import sys

import numpy as np
import optuna

SEEDS = [0, 1, 2, 7, 42, 12345, 2**31 - 1, 2**31, 2**31 + 1, 3_000_000_000, 2**32 - 1]
SIZES = [1, 2, 3, 4, 5, 8, 17, 64, 65, 100, 255, 256, 257, 1000, 4097, 65536, 65537, 100_003]

shuffles = []
for seed in SEEDS:
    for n in SIZES:
        perm = list(range(n))
        np.random.RandomState(seed).shuffle(perm)
        digest = hashlib.sha256(",".join(map(str, perm)).encode()).hexdigest()
        shuffles.append({"seed": seed, "n": n, "head": perm[:12], "sha256": digest})

SPACES = [
    {"x": [3, 1, 2], "kernel": ["rbf", "linear"]},
    {"lr": [0.1, 0.001, 0.01, 1.0], "depth": [8, 2, 4], "use_bias": [True, False], "act": ["tanh", "relu", "gelu"]},
    {"b": [5], "a": [2.5, -1, 0]},
]
grids = []
for space in SPACES:
    for seed in [None, 0, 3, 2**32 - 1]:
        sampler = optuna.samplers.GridSampler(space, seed=seed)
        grids.append({"space": space, "seed": seed, "search_space": sampler._search_space,
                      "param_names": sampler._param_names, "points": [list(p) for p in sampler._all_grids]})

with open(sys.argv[1], "w") as f:
    json.dump({"optuna": optuna.__version__, "numpy": np.__version__, "shuffles": shuffles, "grids": grids}, f,
              indent=None, separators=(",", ":"))
    f.write("\n")
print(len(shuffles), "shuffles,", len(grids), "grids, optuna", optuna.__version__, "numpy", np.__version__)
