#!/usr/bin/env python3
"""Reference rankers and filters on a ModelArts batch output, for `bench/mining`.

Reads the output manifest and every result file (what a Python user of the batch output has: the
model's top-k scores), then:
  - ranks by least confidence (1 - p1), margin (p1 - p2) and normalised entropy, computed on the listed
    top-k scores (the unlisted mass is ignored, as a user would do);
  - applies Sedna's CrossEntropy filter (1 + sum p ln p / ln K < 0.5; K = number of listed classes) and,
    for detection, Sedna's IBT (share of boxes with score <= 0.5 at least 0.5) and Threshold (mean box
    score < 0.5) filters, following their published formulas and defaults (anchors.md section 1; Sedna
    is not on PyPI, so these are a few lines of Python, labelled as such).

Usage: baselines.py OUTPUT_FOLDER TYPE BUDGET_FRACTION [--json]
Prints, per ranker, the sources of its top BUDGET_FRACTION of the scored samples, and the Sedna
filters' hard sets; with --json one object.
"""
import glob
import json
import math
import os
import sys
import time


def load(output):
    manifests = sorted(glob.glob(os.path.join(output, "infer-result-*.manifest")))
    rows = []
    for manifest in manifests:
        folder = os.path.dirname(manifest)
        with open(manifest) as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                entry = json.loads(line)
                if entry.get("result") != "SUCCESSFUL":
                    continue
                with open(os.path.join(folder, entry["inference-loc"])) as answer:
                    rows.append((entry["source"], json.load(answer)))
    return rows


def classification_scores(answer):
    probabilities = sorted((float(score) for _, score in answer.get("scores", [])), reverse=True)
    if not probabilities:
        return None
    p1 = probabilities[0]
    p2 = probabilities[1] if len(probabilities) > 1 else 0.0
    k = len(probabilities)
    entropy = -sum(p * math.log(p) for p in probabilities if p > 0)
    normalised = entropy / math.log(k) if k > 1 else 0.0
    sedna_cross_entropy = (1 - normalised) < 0.5 if k > 1 and all(0 <= p <= 1 for p in probabilities) else False
    return {"least_confidence": 1 - p1, "margin": -(p1 - p2), "entropy": normalised, "sedna_cross_entropy": sedna_cross_entropy}


def detection_scores(answer):
    scores = [float(s) for s in answer.get("detection_scores", [])]
    if not scores:
        return {"least_confidence": 1.0, "margin": 0.0, "entropy": 0.0, "sedna_ibt": False, "sedna_threshold": False}
    low = sum(1 for s in scores if s <= 0.5)
    return {
        "least_confidence": 1 - min(scores),
        "margin": -min(abs(s - 0.5) for s in scores),
        "entropy": sum(-(s * math.log(s) + (1 - s) * math.log(1 - s)) if 0 < s < 1 else 0 for s in scores) / len(scores),
        "sedna_ibt": low / len(scores) >= 0.5,
        "sedna_threshold": sum(scores) / len(scores) < 0.5,
    }


def main():
    output, kind, fraction = sys.argv[1], sys.argv[2], float(sys.argv[3])
    started = time.perf_counter()
    rows = load(output)
    measured = []
    for source, answer in rows:
        scores = classification_scores(answer) if kind == "image_classification" else detection_scores(answer)
        if scores is not None:
            measured.append((source, scores))
    budget = int(len(measured) * fraction)
    result = {"scored": len(measured), "budget": budget, "rankings": {}, "filters": {}}
    for ranker in ("least_confidence", "margin", "entropy"):
        ranked = sorted(measured, key=lambda item: -item[1][ranker])
        result["rankings"][ranker] = [source for source, _ in ranked[:budget]]
    for name in ("sedna_cross_entropy", "sedna_ibt", "sedna_threshold"):
        if measured and name in measured[0][1]:
            result["filters"][name] = [source for source, scores in measured if scores[name]]
    result["seconds"] = time.perf_counter() - started
    print(json.dumps(result))


if __name__ == "__main__":
    main()
