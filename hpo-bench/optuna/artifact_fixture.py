"""Writes the Optuna artifact fixture of hpo-core's tests: a journal whose trials and study uploaded files.

Run with Optuna 5 (the project used 5.0.0): python artifact_fixture.py <output directory>
It writes <dir>/journal.log and <dir>/artifacts/<artifact id> files; ArtifactsTest reads them with hpo.
"""
import os
import sys

import optuna
from optuna.artifacts import FileSystemArtifactStore, upload_artifact
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

out = sys.argv[1]
os.makedirs(os.path.join(out, "artifacts"), exist_ok=True)
store = FileSystemArtifactStore(os.path.join(out, "artifacts"))
storage = JournalStorage(JournalFileBackend(os.path.join(out, "journal.log")))
study = optuna.create_study(study_name="with-artifacts", storage=storage,
                            sampler=optuna.samplers.RandomSampler(seed=0))


def objective(trial):
    x = trial.suggest_float("x", -5, 5)
    path = os.path.join(out, f"model-{trial.number}.json")
    with open(path, "w") as f:
        f.write('{"x": %r}\n' % x)
    upload_artifact(artifact_store=store, file_path=path, study_or_trial=trial)
    os.remove(path)
    return (x - 1) ** 2


study.optimize(objective, n_trials=2)
summary = os.path.join(out, "summary.txt.gz")
with open(summary, "wb") as f:
    f.write(b"not really gzip\n")
upload_artifact(artifact_store=store, file_path=summary, study_or_trial=study)
os.remove(summary)
print("wrote", out)
