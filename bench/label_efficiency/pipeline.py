"""One seed of the evaluation: splits → model → Winnow batch service over the pool → picks by every method →
confirm with the true labels → retrain → validation and test accuracy."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from . import model as le_model
from .data import make_split, pool_index, write_folders
from .selection import baseline_picks, read_output

HERE = Path(__file__).resolve().parent
MODEL_NAME = "le-fashion-lr"
WINNOW_DEFAULT = "Winnow (defaults)"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def winnow_call(winnow: str, *arguments: str) -> str:
    completed = subprocess.run([winnow, *arguments], capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"winnow {' '.join(arguments)} failed ({completed.returncode}):\n{completed.stderr}{completed.stdout}")
    return completed.stdout


def serve_pool(winnow: str, work: Path, model_file: Path, pool_dir: Path) -> Path:
    """Registers the model (started by Winnow from its spec's command) and runs a batch service over the pool;
    returns the ModelArts output folder."""
    data_dir = str(work / "winnow")
    spec = work / "spec.json"
    spec.write_text(json.dumps({
        "name": MODEL_NAME, "version": "1.0.0", "type": "image_classification",
        "command": f"LE_MODEL={model_file} exec {sys.executable} {HERE / 'server.py'}",
        "request_path": "/", "field_name": "images", "health_path": "/health",
        "max_concurrent_requests": 2, "timeout_seconds": 30, "startup_timeout_seconds": 120,
    }, indent=2))
    output = work / "out"
    winnow_call(winnow, "model", "register", "--data-dir", data_dir, str(spec))
    winnow_call(winnow, "service", "deploy", "--data-dir", data_dir, "--name", "pool", "--model", MODEL_NAME,
                "--input", str(pool_dir), "--output", str(output), "--quiet")
    return output


def winnow_phase1(winnow: str, work: Path, output: Path, manifest: Path, extra: list[str], tag: str) -> Path:
    """Phase 1 of `winnow mine` (every sample scored: pixels, features, embeddings) once per variant, as one shard
    (`--shard 1/1 --partial-out`); the budgets' phase-2 runs read it back (`--partials`), and their output equals a
    single run's (tests: shardsThenPartialsEqualASingleRun)."""
    partial = work / f"phase1-{tag}.jsonl"
    winnow_call(winnow, "mine", "--data-dir", str(work / "winnow"), "--predictions", str(output), "--type", "image_classification",
                "--train-manifest", str(manifest), "--shard", "1/1", "--partial-out", str(partial), "--quiet", *extra)
    return partial


def winnow_picks(winnow: str, work: Path, output: Path, manifest: Path, budget: int, extra: list[str], tag: str,
                 partial: Path) -> tuple[list[int], dict]:
    """`winnow mine` (phase 2, from `partial`) on the batch output with the start set's training manifest and --max
    budget: (pool indices in pick order, the report)."""
    report = work / f"mine-{tag}-{budget}.json"
    winnow_call(winnow, "mine", "--data-dir", str(work / "winnow"), "--predictions", str(output), "--type", "image_classification",
                "--train-manifest", str(manifest), "--partials", str(partial), "--max", str(budget), "--report", str(report),
                "--out", str(work / f"hard-{tag}-{budget}.manifest"), "--quiet", *extra)
    data = json.loads(report.read_text())
    return [pool_index(item["source"]) for item in data["selected"]], data


def describe(picks: list[int], split, predicted: np.ndarray, report: dict | None) -> dict:
    """What the picks are: share of corrupted images, of model errors, and (Winnow) of each reason."""
    chosen = np.array(picks, dtype=int)
    details = {
        "count": len(picks),
        "corrupted": float(np.mean([split.pool_corruption[i] != "" for i in picks])) if picks else 0.0,
        "errors": float(np.mean(predicted[chosen] != split.pool_labels[chosen])) if picks else 0.0,
        "classes": np.bincount(split.pool_labels[chosen], minlength=10).tolist() if picks else [0] * 10,
    }
    if report is not None:
        counts: dict[str, int] = {}
        for item in report["selected"]:
            for reason in item["reasons"]:
                counts[str(reason["reason"])] = counts.get(str(reason["reason"]), 0) + 1
        details["reasons"] = counts
        details["hard_in_pool"] = report["summary"].get("hard")
    return details


def run_seed(seed: int, args, winnow: str, work: Path, variants: dict[str, list[str]]) -> dict:
    """Every method at every budget for one seed; accuracies on validation and test."""
    started = time.monotonic()
    work.mkdir(parents=True, exist_ok=True)
    split = make_split(seed, args.start, args.pool, args.validation, args.corrupted)
    pool_dir, manifest = write_folders(split, work)
    model = le_model.train(split.start_images, split.start_labels)
    model_file = work / "model.joblib"
    import joblib

    joblib.dump(model, model_file)
    base = {"val": le_model.accuracy(model, split.val_images, split.val_labels),
            "test": le_model.accuracy(model, split.test_images, split.test_labels)}
    log(f"seed {seed}: start model on {args.start} images: validation {base['val']:.4f}, test {base['test']:.4f}")

    output = serve_pool(winnow, work, model_file, pool_dir)
    probabilities = read_output(str(output), args.pool)
    answered = int((~np.isnan(probabilities).any(axis=1)).sum())
    predicted = np.nan_to_num(probabilities, nan=0).argmax(axis=1)
    # The served answers must be the model's own: compare with predicting the pool in Python.
    direct = model.predict(le_model.features(split.pool_images))
    agreement = float(np.mean(direct == predicted))
    log(f"seed {seed}: batch service answered {answered}/{args.pool}; agreement with the in-process model {agreement:.4f}; "
        f"{time.monotonic() - started:.0f} s so far")

    budgets = [max(1, int(round(args.pool * f))) for f in args.fractions]
    start_probabilities = le_model.cross_validated_probabilities(split.start_images, split.start_labels)
    picks = baseline_picks(probabilities, budgets, seed, start_probabilities, split.start_labels)
    reports: dict[str, dict[int, dict]] = {}
    for number, (name, extra) in enumerate(variants.items()):
        picks[name], reports[name] = {}, {}
        partial = winnow_phase1(winnow, work, output, manifest, extra, tag=f"v{number}")
        for budget in budgets:
            picks[name][budget], reports[name][budget] = winnow_picks(winnow, work, output, manifest, budget, extra, tag=f"v{number}",
                                                                      partial=partial)
    log(f"seed {seed}: picks ready ({len(picks)} methods × {len(budgets)} budgets); {time.monotonic() - started:.0f} s so far")

    results: dict[str, dict] = {}
    for name, by_budget in picks.items():
        results[name] = {}
        for budget, chosen in by_budget.items():
            images = np.concatenate([split.start_images, split.pool_images[chosen]])
            labels = np.concatenate([split.start_labels, split.pool_labels[chosen]])
            retrained = le_model.train(images, labels)
            results[name][str(budget)] = {
                "val": le_model.accuracy(retrained, split.val_images, split.val_labels),
                "test": le_model.accuracy(retrained, split.test_images, split.test_labels),
                **describe(chosen, split, predicted, reports.get(name, {}).get(budget)),
            }
    log(f"seed {seed}: done in {time.monotonic() - started:.0f} s")
    return {"seed": seed, "base": base, "budgets": budgets, "answered": answered, "agreement": agreement, "methods": results,
            "seconds": round(time.monotonic() - started, 1)}
