"""Opens a journal hpo wrote (dev.hpo.bench.JournalRoundTrip write FILE) with Optuna, checks what hpo put in it, and
appends three trials of Optuna's own for hpo to read back (JournalRoundTrip read FILE).
Needs optuna (5.0.0 was used). Usage: python journal_roundtrip.py FILE
"""
import sys

import optuna
from optuna.artifacts import FileSystemArtifactStore, get_all_artifact_meta
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend
from optuna.trial import TrialState

optuna.logging.set_verbosity(optuna.logging.WARNING)
storage = JournalStorage(JournalFileBackend(sys.argv[1]))
print("studies:", [(s.study_name, s.n_trials, [d.name for d in s.directions])
                   for s in optuna.get_all_study_summaries(storage)])

mixed = optuna.load_study(study_name="mixed", storage=storage)
assert mixed.user_attrs == {"owner": "hpo"}
trials = mixed.trials
assert [t.state for t in trials[:5]] == [TrialState.COMPLETE] * 3 + [TrialState.PRUNED, TrialState.FAIL]
assert len(trials) == 12 and all(t.state == TrialState.COMPLETE for t in trials[5:])
assert trials[0].params["x"] == 0.5 and trials[0].params["n"] == 4 and trials[0].params["kind"] == "b"
assert trials[0].distributions == {
    "x": FloatDistribution(-2, 2), "lr": FloatDistribution(1e-4, 1, log=True), "n": IntDistribution(1, 16, log=True),
    "q": FloatDistribution(0, 1, step=0.25), "k": IntDistribution(0, 10, step=2),
    "kind": CategoricalDistribution(("a", "b", "c"))}
store = FileSystemArtifactStore(sys.argv[1] + ".artifacts")
for t in trials:
    assert t.user_attrs == {"note": f"trial {t.number}"}
    (meta,) = get_all_artifact_meta(t, storage=storage)
    assert (meta.filename, meta.mimetype, meta.encoding) == (f"trial-{t.number}.txt", "text/plain", None)
    with store.open_reader(meta.artifact_id) as f:
        text = f.read().decode()
    assert text.startswith(f"trial {t.number} x=") and float(text.split("x=")[1]) == t.params["x"], text
    assert sorted(t.intermediate_values) == [0, 1, 2]
    if t.state == TrialState.COMPLETE:
        p = t.params
        expected = p["x"] ** 2 + p["lr"] + p["n"] + p["q"] + p["k"] + len(p["kind"])
        assert abs(t.value - expected) < 1e-12, (t.number, t.value, expected)
assert trials[3].value == trials[3].intermediate_values[2]  # a pruned trial keeps its last intermediate value
print("mixed: best", mixed.best_value, "at", mixed.best_trial.number, mixed.best_params)

two = optuna.load_study(study_name="two", storage=storage)
assert [d.name for d in two.directions] == ["MINIMIZE", "MAXIMIZE"]
assert all(abs(t.values[1] - t.params["x"] ** 2) < 1e-12 for t in two.trials)
print("two: Pareto front", sorted(t.number for t in two.best_trials), "of", len(two.trials))

mixed.sampler = optuna.samplers.TPESampler(seed=0)
mixed.optimize(lambda t: (t.suggest_float("x", -2, 2) ** 2 + t.suggest_float("lr", 1e-4, 1, log=True)
                          + t.suggest_int("n", 1, 16, log=True) + t.suggest_float("q", 0, 1, step=0.25)
                          + t.suggest_int("k", 0, 10, step=2) + len(t.suggest_categorical("kind", ["a", "b", "c"]))),
               n_trials=3)
print("appended by Optuna:", [(t.number, t.value) for t in mixed.trials[12:]])
print("all checks passed")
