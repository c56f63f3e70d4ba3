"""Seeded inputs for bench/run: model answers as JSON Lines, their given labels, and ModelArts output folders.

Usage:
  generate.py predictions FILE TYPE N SEED   writes N answers to FILE (one ModelArts answer JSON per line)
                                             and the given labels to FILE.labels.jsonl
  generate.py output FOLDER TYPE N SEED      writes FOLDER/batch-output, a ModelArts batch-service output
                                             folder (infer-result-bench.manifest and one NAME_result.txt
                                             per image under infer-result/), and FOLDER/batch-input with
                                             the N images it names: hard links to one 640 × 480 JPEG
                                             (detection needs the images' sizes for PASCAL VOC)

image_classification: 10 classes ("0"–"9"); each sample has a true class; the model's softmax puts a
random boost on it (on another class for 15% of samples), and all 10 scores are listed, as a string with
6 decimals, highest first. The given label is the true class, flipped to a random class for 5%.
object_detection: 5 classes on 640 × 480 images; 1–4 given boxes per image; the model finds each with
probability 0.9 (box jittered by up to 8% of its size, another class for 5%, score ~ Beta(5, 2)) and adds
0–2 false boxes (score ~ Beta(2, 5)). Boxes are written as ModelArts does: [ymin, xmin, ymax, xmax].
"""
import json
import os
import shutil
import sys

import numpy as np

DETECTION_CLASSES = ["car", "person", "bicycle", "dog", "sign"]
WIDTH, HEIGHT = 640, 480


def classification(rng, count):
    """(answer lines, label lines) for `count` classification samples."""
    k = 10
    truth = rng.integers(0, k, count)
    logits = rng.normal(0.0, 1.0, (count, k))
    boosted = np.where(rng.random(count) < 0.15, rng.integers(0, k, count), truth)
    logits[np.arange(count), boosted] += rng.uniform(0.0, 6.0, count)
    probabilities = np.exp(logits)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    order = np.argsort(-probabilities, axis=1)
    given = np.where(rng.random(count) < 0.05, rng.integers(0, k, count), truth)
    answers, labels = [], []
    for row in range(count):
        ranked = order[row]
        scores = ", ".join(f'["{c}", "{probabilities[row, c]:.6f}"]' for c in ranked)
        answers.append(f'{{"predicted_label": "{ranked[0]}", "scores": [{scores}]}}')
        labels.append(str(int(given[row])))
    return answers, labels


def _boxes(rng, count):
    """`count` random boxes [x1, y1, x2, y2] inside the image, as an array."""
    w = rng.uniform(20, 300, count)
    h = rng.uniform(20, 240, count)
    x1 = rng.uniform(0, 1, count) * (WIDTH - w)
    y1 = rng.uniform(0, 1, count) * (HEIGHT - h)
    return np.stack([x1, y1, x1 + w, y1 + h], axis=1)


def detection(rng, count):
    """(answer lines, label lines) for `count` detection samples (vectorised, then formatted per image)."""
    k = len(DETECTION_CLASSES)
    given_count = rng.integers(1, 5, count)
    given = _boxes(rng, int(given_count.sum()))
    given_labels = rng.integers(0, k, len(given))
    found = rng.random(len(given)) < 0.9
    size = np.stack([given[:, 2] - given[:, 0], given[:, 3] - given[:, 1]] * 2, axis=1)
    jittered = np.clip(given + rng.uniform(-0.08, 0.08, given.shape) * size, 0, [WIDTH, HEIGHT, WIDTH, HEIGHT])
    found_labels = np.where(rng.random(len(given)) < 0.05, rng.integers(0, k, len(given)), given_labels)
    found_scores = rng.beta(5, 2, len(given))
    false_count = rng.integers(0, 3, count)
    false = _boxes(rng, int(false_count.sum()))
    false_labels = rng.integers(0, k, len(false))
    false_scores = rng.beta(2, 5, len(false))

    def ymin_first(boxes):
        return np.round(boxes[:, [1, 0, 3, 2]], 1).tolist()

    given_list, given_label_list = np.round(given, 1).tolist(), given_labels.tolist()
    found_list, found_mask = ymin_first(jittered), found.tolist()
    found_label_list, found_score_list = found_labels.tolist(), np.round(found_scores, 4).tolist()
    false_list, false_label_list, false_score_list = ymin_first(false), false_labels.tolist(), np.round(false_scores, 4).tolist()
    answers, labels = [], []
    g = f = 0
    for image in range(count):
        gn, fn = int(given_count[image]), int(false_count[image])
        picked = [i for i in range(g, g + gn) if found_mask[i]]
        classes = [DETECTION_CLASSES[found_label_list[i]] for i in picked] + [DETECTION_CLASSES[c] for c in false_label_list[f:f + fn]]
        boxes = [found_list[i] for i in picked] + false_list[f:f + fn]
        scores = [found_score_list[i] for i in picked] + false_score_list[f:f + fn]
        answers.append(json.dumps({"detection_classes": classes, "detection_boxes": boxes, "detection_scores": scores}))
        labels.append(json.dumps({"boxes": given_list[g:g + gn], "labels": given_label_list[g:g + gn]}))
        g += gn
        f += fn
    return answers, labels


def answers_and_labels(kind, count, seed):
    rng = np.random.default_rng(seed)
    return classification(rng, count) if kind == "image_classification" else detection(rng, count)


def write_predictions(path, kind, count, seed):
    answers, labels = answers_and_labels(kind, count, seed)
    with open(path + ".tmp", "w") as handle:
        handle.write("\n".join(answers) + "\n")
    with open(path + ".labels.jsonl", "w") as handle:
        handle.write("\n".join(labels) + "\n")
    os.rename(path + ".tmp", path)


def _jpeg(path):
    """One 640 × 480 JPEG: smooth gradients with a little noise, like a plain photo."""
    from PIL import Image

    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    pixels = np.stack([x / WIDTH * 200, y / HEIGHT * 200, (x + y) / (WIDTH + HEIGHT) * 255], axis=2)
    pixels += rng.normal(0, 6, pixels.shape)
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, quality=90)


def write_output(folder, kind, count, seed):
    answers, _ = answers_and_labels(kind, count, seed)
    tmp = folder + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    output, images = os.path.join(tmp, "batch-output"), os.path.join(tmp, "batch-input")
    os.makedirs(os.path.join(output, "infer-result"))
    os.makedirs(images)
    image = os.path.join(tmp, "image.jpg")
    _jpeg(image)
    lines = []
    for index, answer in enumerate(answers):
        name = f"img{index:07d}.jpg"
        if index % 50_000 == 0 and index:  # a file system allows only so many links to one file (ext4: 65,000)
            image = os.path.join(tmp, f"image-{index}.jpg")
            shutil.copyfile(os.path.join(tmp, "image.jpg"), image)
        os.link(image, os.path.join(images, name))
        with open(os.path.join(output, "infer-result", name + "_result.txt"), "w") as handle:
            handle.write(answer)
        lines.append(f'{{"source": "../batch-input/{name}", "result": "SUCCESSFUL", "inference-loc": "infer-result/{name}_result.txt"}}')
    with open(os.path.join(output, "infer-result-bench.manifest"), "w") as handle:
        handle.write("\n".join(lines) + "\n")
    os.rename(tmp, folder)


if __name__ == "__main__":
    what, path, kind, count, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    (write_predictions if what == "predictions" else write_output)(path, kind, count, seed)
