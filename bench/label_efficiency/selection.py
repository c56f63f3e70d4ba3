"""What every method picks from the pool, given only the batch service's output (as a Python user has it).

The baselines read the same ModelArts output folder Winnow mines: the output manifest and one
NAME_result.txt per image with the model's top-5 scores as 4-decimal strings. The 10-class probability
vector is rebuilt from them: listed classes keep their score, the unlisted mass (1 − Σ listed, at least 0)
is shared equally among the 5 unlisted classes.
"""

from __future__ import annotations

import glob
import math
import os
import sys
from pathlib import Path

import numpy as np

from .data import CLASS_NAMES, pool_index

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "mining"))
from baselines import load as load_batch_output  # noqa: E402  (bench/mining's reader of a ModelArts batch output)

SEDNA_THRESHOLD_CROSS_ENTROPY = 0.5  # Sedna CrossEntropyFilter default (anchors.md §1)


def read_output(output: str, pool_size: int) -> np.ndarray:
    """pool_size × 10 probabilities from a batch output folder (read by bench/mining/baselines.py's `load`, the
    SUCCESSFUL lines and their answer files); a row of NaN for an image without an answer."""
    probabilities = np.full((pool_size, len(CLASS_NAMES)), np.nan)
    if not glob.glob(os.path.join(output, "infer-result-*.manifest")):
        raise FileNotFoundError(f"{output}: no infer-result-*.manifest (is this a batch output folder?)")
    for source, answer in load_batch_output(output):
        row = np.zeros(len(CLASS_NAMES))
        listed = set()
        for name, score in answer.get("scores", []):
            if name not in CLASS_NAMES:
                raise ValueError(f"{output}: the answer for {source} names an unknown class {name!r}")
            row[CLASS_NAMES.index(name)] = float(score)
            listed.add(CLASS_NAMES.index(name))
        unlisted = [k for k in range(len(CLASS_NAMES)) if k not in listed]
        if unlisted:
            row[unlisted] = max(0.0, 1.0 - row.sum()) / len(unlisted)
        probabilities[pool_index(source)] = row
    return probabilities


def top(scores: np.ndarray, budget: int) -> list[int]:
    """Indices of the `budget` largest scores (NaN last); ties keep pool order."""
    order = np.argsort(-np.nan_to_num(scores, nan=-np.inf), kind="stable")
    return [int(i) for i in order[:budget]]


def least_confidence(p: np.ndarray) -> np.ndarray:
    return 1.0 - p.max(axis=1)


def normalised_entropy(p: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(p > 0, np.log(np.where(p > 0, p, 1.0)), 0.0)
    return -(p * logs).sum(axis=1) / math.log(p.shape[1])


def sedna_cross_entropy_hard(p: np.ndarray) -> np.ndarray:
    """Sedna's CrossEntropyFilter, its published formula and default: hard ⇔ 1 + Σ p_k ln p_k / ln K < 0.5.
    (Sedna raises on p_k = 0, math.log(0); here 0·ln 0 counts 0.) A sample with p_k outside [0, 1] is not hard."""
    valid = np.all((p >= 0) & (p <= 1), axis=1)
    return valid & ((1.0 - normalised_entropy(p)) < SEDNA_THRESHOLD_CROSS_ENTROPY)


def sedna_pick(hard: np.ndarray, budget: int, rng: np.random.Generator) -> list[int]:
    """Sedna only says hard or not (no score, no ranking, no budget): a seeded uniform choice of `budget` among
    the hard samples, topped up uniformly from the rest when fewer are hard."""
    flagged = np.flatnonzero(hard)
    rest = np.flatnonzero(~hard)
    first = rng.permutation(flagged)
    second = rng.permutation(rest)
    return [int(i) for i in np.concatenate([first, second])[:budget]]


def cleanlab_rank_scores(p: np.ndarray) -> np.ndarray:
    """cleanlab.rank.get_label_quality_scores(labels=the model's predicted labels, pred_probs), its defaults
    (method="self_confidence", adjust_pred_probs=False); lower = label less likely right, so ranked ascending."""
    from cleanlab.rank import get_label_quality_scores

    valid = ~np.isnan(p).any(axis=1)
    scores = np.full(len(p), np.nan)
    q = p[valid] / p[valid].sum(axis=1, keepdims=True)
    scores[valid] = get_label_quality_scores(labels=q.argmax(axis=1), pred_probs=q)
    return scores


def cleanlab_ood_scores(p: np.ndarray, start_probabilities: np.ndarray, start_labels: np.ndarray) -> np.ndarray:
    """cleanlab.outlier.OutOfDistribution with its defaults (method="entropy", adjust_pred_probs=True), fitted on
    the labelled start set's out-of-sample (cross-validated) probabilities and labels, then .score() on the pool's
    probabilities; lower = more atypical, so ranked ascending."""
    from cleanlab.outlier import OutOfDistribution

    ood = OutOfDistribution()
    ood.fit(pred_probs=start_probabilities, labels=start_labels, verbose=False)
    valid = ~np.isnan(p).any(axis=1)
    scores = np.full(len(p), np.nan)
    q = p[valid] / p[valid].sum(axis=1, keepdims=True)
    scores[valid] = ood.score(pred_probs=q)
    return scores


def baseline_picks(p: np.ndarray, budgets: list[int], seed: int, start_probabilities: np.ndarray,
                   start_labels: np.ndarray) -> dict[str, dict[int, list[int]]]:
    """{method: {budget: pool indices}} for every baseline, on the same probabilities."""
    answered = ~np.isnan(p).any(axis=1)
    filled = np.where(answered[:, None], p, 1.0 / p.shape[1])
    random_order = [int(i) for i in np.random.default_rng(seed + 1000).permutation(np.flatnonzero(answered))]
    lc = np.where(answered, least_confidence(filled), np.nan)
    entropy = np.where(answered, normalised_entropy(filled), np.nan)
    hard = sedna_cross_entropy_hard(filled) & answered
    rank = cleanlab_rank_scores(p)
    ood = cleanlab_ood_scores(p, start_probabilities, start_labels)
    picks: dict[str, dict[int, list[int]]] = {name: {} for name in
                                              ("random", "least confidence", "entropy", "Sedna CrossEntropy", "cleanlab rank", "cleanlab OOD")}
    for budget in budgets:
        picks["random"][budget] = random_order[:budget]
        picks["least confidence"][budget] = top(lc, budget)
        picks["entropy"][budget] = top(entropy, budget)
        picks["Sedna CrossEntropy"][budget] = sedna_pick(hard, budget, np.random.default_rng(seed + 2000))
        picks["cleanlab rank"][budget] = top(-rank, budget)
        picks["cleanlab OOD"][budget] = top(-ood, budget)
    return picks
