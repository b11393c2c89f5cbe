"""Finishes with Optuna's GridSampler the two grid studies hpo began in a journal (dev.hpo.sampler.GridJournal FILE),
and checks that every grid point is finished by exactly one trial and that each trial's parameters are the point its
grid_id means in Optuna's numbering. Not run in CI (no Python there); see hpo-bench/results/grid-optuna.md.
Needs optuna (5.0.0 was used). Usage: python grid_continue.py FILE
"""
import collections
import sys

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

from grid_common import SPACE, objective


optuna.logging.set_verbosity(optuna.logging.ERROR)
storage = JournalStorage(JournalFileBackend(sys.argv[1]))


for name, seed in [("grid", 7), ("grid-default", None)]:
    sampler = optuna.samplers.GridSampler(SPACE, seed=seed)
    study = optuna.load_study(study_name=name, storage=storage, sampler=sampler)
    began = len(study.trials)
    states = collections.Counter(t.state.name for t in study.trials)
    study.optimize(objective, n_trials=100, catch=(ValueError,))
    trials = study.trials
    per_point = collections.Counter()
    for t in trials:
        if t.state.is_finished():
            point = dict(zip(sampler._param_names, sampler._all_grids[t.system_attrs["grid_id"]]))
            assert t.params == point, (t.number, t.params, point)
            per_point[tuple(sorted(t.params.items()))] += 1
    assert len(per_point) == len(sampler._all_grids) == 36, len(per_point)
    assert set(per_point.values()) == {1}, per_point
    print(f"{name}: hpo began {began} trials {dict(states)}; Optuna added {len(trials) - began}:",
          [(t.number, t.system_attrs["grid_id"]) for t in trials[began:]])
    print(f"  {len(per_point)} points, each finished once; states now",
          dict(collections.Counter(t.state.name for t in trials)), "; stopped by the sampler:",
          sampler.is_exhausted(study))
print("all checks passed")
