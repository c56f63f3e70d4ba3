"""The reference tools' side of bench/run's prediction-scoring comparison (timed as a whole process).

Usage: reference_scoring.py sedna|cleanlab FILE TYPE
FILE holds one ModelArts answer JSON per line (generate.py predictions), FILE.labels.jsonl the given labels.

sedna:    reads FILE line by line and applies Sedna's filters to each sample as it is read (streaming, as
          Sedna does): CrossEntropy for classification; IBT (Sedna's default method) and Threshold for
          detection (sedna_filters.py: re-implemented from the published formulas).
cleanlab: reads FILE and the given labels into arrays, then calls with their documented defaults
          - classification: cleanlab.rank.get_label_quality_scores(labels, pred_probs)
            (method="self_confidence", adjust_pred_probs=False);
          - detection: cleanlab.object_detection.rank.get_label_quality_scores(labels, predictions)
            (ObjectLab: overlooked, badloc and swap subtype scores, softmin pooling; every default kept),
            with predictions as cleanlab wants them: per image, one [M, 5] array [x1, y1, x2, y2, score]
            per class.
Prints one JSON object: samples, flagged (sedna: hard; cleanlab: scores below 0.5), and the CPU seconds
spent after reading ("score_seconds").
"""
import json
import sys
import time

import sedna_filters


def sedna(path, kind):
    samples = flagged = 0
    start = None
    with open(path) as handle:
        start = time.process_time()
        for line in handle:
            answer = json.loads(line)
            samples += 1
            if kind == "image_classification":
                hard = sedna_filters.sedna_cross_entropy([float(score) for _, score in answer["scores"]])
            else:
                scores = answer["detection_scores"]
                hard = sedna_filters.sedna_ibt(scores) or sedna_filters.sedna_threshold(scores)
            flagged += hard
    return {"samples": samples, "flagged": flagged, "score_seconds": time.process_time() - start}


def cleanlab_classification(path):
    import numpy as np
    from cleanlab.rank import get_label_quality_scores

    rows = []
    with open(path) as handle:
        for line in handle:
            answer = json.loads(line)
            row = [0.0] * 10
            for label, score in answer["scores"]:
                row[int(label)] = float(score)
            rows.append(row)
    pred_probs = np.array(rows)
    pred_probs /= pred_probs.sum(axis=1, keepdims=True)  # the answers' 6-decimal strings do not sum to exactly 1
    labels = np.loadtxt(path + ".labels.jsonl", dtype=np.int64)
    start = time.process_time()
    scores = get_label_quality_scores(labels, pred_probs)
    return {"samples": len(scores), "flagged": int((scores < 0.5).sum()), "score_seconds": time.process_time() - start}


def cleanlab_detection(path):
    import numpy as np
    from cleanlab.object_detection.rank import get_label_quality_scores

    names = ["car", "person", "bicycle", "dog", "sign"]  # generate.py's classes; given labels are indices into it
    classes = {name: index for index, name in enumerate(names)}
    predictions = []
    with open(path) as handle:
        for line in handle:
            answer = json.loads(line)
            per_class = [[] for _ in range(5)]
            for name, (ymin, xmin, ymax, xmax), score in zip(answer["detection_classes"], answer["detection_boxes"], answer["detection_scores"]):
                per_class[classes[name]].append([xmin, ymin, xmax, ymax, score])
            predictions.append([np.array(boxes, dtype=np.float32).reshape(-1, 5) for boxes in per_class])
    labels = []
    with open(path + ".labels.jsonl") as handle:
        for line in handle:
            given = json.loads(line)
            labels.append({"bboxes": np.array(given["boxes"], dtype=np.float32).reshape(-1, 4),
                           "labels": np.array(given["labels"], dtype=np.int64)})
    start = time.process_time()
    scores = get_label_quality_scores(labels, predictions)
    return {"samples": len(scores), "flagged": int((scores < 0.5).sum()), "score_seconds": time.process_time() - start}


def main():
    tool, path, kind = sys.argv[1], sys.argv[2], sys.argv[3]
    if tool == "sedna":
        result = sedna(path, kind)
    elif kind == "image_classification":
        result = cleanlab_classification(path)
    else:
        result = cleanlab_detection(path)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
