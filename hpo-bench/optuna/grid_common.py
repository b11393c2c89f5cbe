"""The grid and the objective that grid_journal.py (Optuna begins) and grid_continue.py (Optuna finishes) share with
hpo's GridSamplerJournalTest and dev.hpo.sampler.GridJournal: the same names, values in the same order, the same
pruned and failing points."""
import optuna

SPACE = {"x": [3, 1, 2, 5], "kernel": ["rbf", "linear", "poly"], "c": [0.1, 1.0, 10.0]}


def objective(trial):
    x = trial.suggest_int("x", 1, 5)
    kernel = trial.suggest_categorical("kernel", ["rbf", "linear", "poly"])
    c = trial.suggest_float("c", 0.01, 100, log=True)
    if kernel == "poly" and c == 10.0:
        raise optuna.TrialPruned()
    if x == 5:
        raise ValueError("x=5 fails, on purpose")
    return x * c + len(kernel)
