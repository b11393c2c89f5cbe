"""Writes the journal of an NSGA-II and an NSGA-III study run by Optuna, for hpo's NsgaIISamplerTest to continue
(hpo-core/src/test/resources/dev/hpo/sampler/nsga/optuna-nsga.log): two objectives, two floats, population 6,
15 trials each, so that both stop in the middle of generation 2 with its parents cached.
Needs optuna (5.0.0 was used). Usage: python nsga_journal.py FILE
"""
import sys

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

optuna.logging.set_verbosity(optuna.logging.WARNING)
storage = JournalStorage(JournalFileBackend(sys.argv[1]))


def objective(trial):
    x = trial.suggest_float("x", 0, 1)
    y = trial.suggest_float("y", 0, 1)
    return x, (1 + y) * (1 - x * x)


for name, sampler in [("nsga2", optuna.samplers.NSGAIISampler(population_size=6, seed=0)),
                      ("nsga3", optuna.samplers.NSGAIIISampler(population_size=6, seed=0))]:
    study = optuna.create_study(study_name=name, storage=storage, directions=["minimize", "minimize"],
                                sampler=sampler)
    study.optimize(objective, n_trials=15)
    key = type(sampler).__name__
    print(name, [t.system_attrs[key + ":generation"] for t in study.trials],
          storage.get_study_system_attrs(study._study_id))
