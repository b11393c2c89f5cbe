"""Writes the journal of two grid studies Optuna began and left half done, for hpo's GridSamplerJournalTest to finish
(hpo-core/src/test/resources/dev/hpo/sampler/grid/optuna-grid.log):
- "grid": GridSampler(SPACE, seed=7), 36 points; 14 trials finished (complete, pruned and failed ones), then one
  asked and never told, left RUNNING as by a worker that died;
- "grid-default": GridSampler(SPACE) without a seed (Optuna's seed 0), 5 trials complete.
Needs optuna (5.0.0 was used). Usage: python grid_journal.py FILE
"""
import sys

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

from grid_common import SPACE, objective


optuna.logging.set_verbosity(optuna.logging.ERROR)
storage = JournalStorage(JournalFileBackend(sys.argv[1]))


def describe(study):
    return [(t.number, t.state.name, t.system_attrs.get("grid_id"), t.params) for t in study.trials]


grid = optuna.create_study(study_name="grid", storage=storage, sampler=optuna.samplers.GridSampler(SPACE, seed=7))
grid.optimize(objective, n_trials=14, catch=(ValueError,))
grid.ask()  # a worker that died: RUNNING for ever
default = optuna.create_study(study_name="grid-default", storage=storage,
                              sampler=optuna.samplers.GridSampler(SPACE))
default.optimize(objective, n_trials=5, catch=(ValueError,))
for study in (grid, default):
    print(study.study_name)
    for row in describe(study):
        print(" ", *row)
