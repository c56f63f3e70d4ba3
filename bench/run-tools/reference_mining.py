"""The Python pipeline that bench/run compares with `winnow mine` on a ModelArts batch-service output folder.

Usage: reference_mining.py FOLDER TYPE FRACTION OUT

What a Python user of the reference tools would run to do what `winnow mine --reasons 0,1
--max-fraction F --out OUT` does:
  1. read the output manifest(s) infer-result-*.manifest and every SUCCESSFUL result file they name;
  2. score each sample:
     - classification: Sedna's CrossEntropy filter (sedna_filters.py, re-implemented from the published
       formula) and cleanlab.rank.get_label_quality_scores(labels, pred_probs) with its defaults
       (self_confidence). A batch output has no human labels, so `labels` are the model's own predicted
       labels (the only labels there are);
     - detection: Sedna's IBT (its default method) and Threshold filters. cleanlab's detection scores
       (ObjectLab) compare predictions with given annotations, which a batch output does not have, so
       cleanlab takes no part here; samples are ranked by mean box score (Sedna Threshold's quantity,
       lowest first; images without boxes first);
  3. select: the Sedna-hard samples first, then by score (cleanlab's label quality for classification,
     lowest first), up to FRACTION of the scored samples;
  4. write OUT, a ModelArts manifest of the selection (source, hard, hard-coefficient).
Prints one JSON object: scored, sedna_hard, selected.
"""
import glob
import json
import os
import sys

import sedna_filters

# The batch output's reader the mining baselines use (stdlib only, so it adds nothing to the timed start-up).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "mining"))
from baselines import load as read  # noqa: E402


def classification(rows):
    import numpy as np
    from cleanlab.rank import get_label_quality_scores

    names = sorted({label for _, answer in rows for label, _ in answer["scores"]})
    column = {name: index for index, name in enumerate(names)}
    pred_probs = np.zeros((len(rows), len(names)))
    labels = np.zeros(len(rows), dtype=np.int64)
    hard = np.zeros(len(rows), dtype=bool)
    for row, (_, answer) in enumerate(rows):
        probabilities = []
        for label, score in answer["scores"]:
            pred_probs[row, column[label]] = float(score)
            probabilities.append(float(score))
        labels[row] = column[answer["predicted_label"]]
        hard[row] = sedna_filters.sedna_cross_entropy(probabilities)
    pred_probs /= pred_probs.sum(axis=1, keepdims=True)
    quality = get_label_quality_scores(labels, pred_probs)
    return hard, quality


def detection(rows):
    import numpy as np

    hard = np.zeros(len(rows), dtype=bool)
    quality = np.zeros(len(rows))
    for row, (_, answer) in enumerate(rows):
        scores = [float(s) for s in answer.get("detection_scores", [])]
        hard[row] = sedna_filters.sedna_ibt(scores) or sedna_filters.sedna_threshold(scores)
        quality[row] = sum(scores) / len(scores) if scores else -1.0
    return hard, quality


def main():
    folder, kind, fraction, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    import numpy as np

    rows = read(folder)
    hard, quality = classification(rows) if kind == "image_classification" else detection(rows)
    order = np.lexsort((quality, ~hard))  # Sedna-hard first, then lowest score
    budget = int(len(rows) * fraction)
    with open(out, "w") as handle:
        for row in order[:budget]:
            coefficient = float(min(1.0, max(0.0, 1.0 - quality[row])))
            handle.write(json.dumps({"source": rows[row][0], "hard": "true", "hard-coefficient": round(coefficient, 6)}) + "\n")
    print(json.dumps({"scored": len(rows), "sedna_hard": int(hard.sum()), "selected": min(budget, len(rows))}))


if __name__ == "__main__":
    main()
