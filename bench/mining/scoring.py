#!/usr/bin/env python3
"""Python references for scoring already-parsed classification predictions (reasons 0 and 1).

Usage: scoring.py FILE [--generate N SEED]
  --generate writes N seeded answers (10 classes, top-5 scores as ModelArts strings) to FILE and exits.
  Otherwise reads FILE (untimed), then times on one core:
    - sedna: Sedna's CrossEntropyFilter formula applied per sample in a Python loop, as Sedna runs it;
    - numpy: least confidence, margin and normalised entropy over an [N, k] array (vectorised).
Prints one JSON object with samples/s for each.
"""
import json
import math
import random
import sys
import time


def generate(path, count, seed):
    rng = random.Random(seed)
    with open(path, "w") as handle:
        for _ in range(count):
            raw = [rng.random() ** 3 for _ in range(10)]
            total = sum(raw)
            ranked = sorted(((str(k), v / total) for k, v in enumerate(raw)), key=lambda item: -item[1])[:5]
            handle.write(json.dumps({"predicted_label": ranked[0][0], "scores": [[label, "%.6f" % p] for label, p in ranked]}) + "\n")


def sedna_cross_entropy(probabilities, threshold=0.5):
    # kubeedge/sedna CrossEntropyFilter: hard when 1 + sum(p ln p) / ln K < threshold (no guard for p = 0).
    if not probabilities or any(p < 0 or p > 1 for p in probabilities):
        return False
    k = len(probabilities)
    log_sum = sum(p * math.log(p) for p in probabilities if p > 0)
    return 1 + log_sum / math.log(k) < threshold


def main():
    if len(sys.argv) >= 4 and sys.argv[2] == "--generate":
        generate(sys.argv[1], int(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1)
        return
    rows = []
    with open(sys.argv[1]) as handle:
        for line in handle:
            answer = json.loads(line)
            rows.append([float(score) for _, score in answer["scores"]])
    start = time.process_time()
    hard = sum(1 for probabilities in rows if sedna_cross_entropy(probabilities))
    sedna = time.process_time() - start
    result = {"samples": len(rows), "sedna_per_second": len(rows) / sedna, "sedna_hard": hard}
    try:
        import numpy as np
        array = np.array(rows)
        start = time.process_time()
        ordered = -np.sort(-array, axis=1)
        least = 1 - ordered[:, 0]
        margin = ordered[:, 0] - ordered[:, 1]
        safe = np.clip(array, 1e-12, 1)
        entropy = -(array * np.log(safe)).sum(axis=1) / math.log(array.shape[1])
        flagged = int(((margin < 0.2) | (least > 0.5) | (entropy > 0.5)).sum())
        numpy_seconds = time.process_time() - start
        result.update({"numpy_per_second": len(rows) / numpy_seconds, "numpy_flagged": flagged})
    except ImportError:
        result["numpy_per_second"] = None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
