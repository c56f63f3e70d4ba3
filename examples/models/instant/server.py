#!/usr/bin/env python3
"""Instant model: answers at once without decoding the image, for Winnow's tests and benchmarks.

Standard library only. The answer is derived from a SHA-256 of the uploaded bytes, so the same image
always gets the same answer and different images get different ones.

Environment:
  PORT                    port to listen on (Winnow sets it); HOST defaults to 127.0.0.1
  INSTANT_TYPE            image_classification (default) or object_detection
  INSTANT_LABELS          comma-separated class names (default: cat,dog,bird,fish,horse for classification,
                          face for detection)
  INSTANT_TOP_K           how many scores a classification answer lists (default 5)
  INSTANT_SCORE_FORMAT    string (default, as ModelArts: ["cat", "0.9700"]) or number (["cat", 0.97])
  INSTANT_EMBEDDING_DIM   length of the "embedding" vector (default 8; 0 leaves it out)
  INSTANT_DELAY_MS        sleep this long before answering (default 0), to test timeouts and concurrency
  FAIL_ON                 a substring of the uploaded filename that makes the request fail (default: none)
  INSTANT_FAIL_STATUS     the status of those failures (default 400; use e.g. 503 to test retries)
  INSTANT_FAIL_TIMES      fail each matching filename only its first N times (default 0: always)

The request must carry the multipart field "images" (or $MODEL_FIELD_NAME), non-empty, else 400.
Detection boxes lie inside the image when its size can be read from a PNG, GIF, BMP or JPEG header;
for other bytes the answer has no boxes (the bytes are never rejected as "not an image").
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common.multipart_server import RequestError, Upload, run  # noqa: E402

MODEL_TYPE = os.environ.get("INSTANT_TYPE", "image_classification").strip() or "image_classification"
if MODEL_TYPE not in ("image_classification", "object_detection"):
    sys.exit(f"instant: INSTANT_TYPE must be image_classification or object_detection, not {MODEL_TYPE!r}")
DEFAULT_LABELS = "cat,dog,bird,fish,horse" if MODEL_TYPE == "image_classification" else "face"
LABELS = [label.strip() for label in os.environ.get("INSTANT_LABELS", DEFAULT_LABELS).split(",") if label.strip()]
TOP_K = max(1, int(os.environ.get("INSTANT_TOP_K", "5")))
SCORES_AS_STRINGS = os.environ.get("INSTANT_SCORE_FORMAT", "string").strip().lower() != "number"
EMBEDDING_DIM = max(0, int(os.environ.get("INSTANT_EMBEDDING_DIM", "8")))
DELAY = max(0.0, float(os.environ.get("INSTANT_DELAY_MS", "0")) / 1000)
FAIL_ON = os.environ.get("FAIL_ON", "")
FAIL_STATUS = int(os.environ.get("INSTANT_FAIL_STATUS", "400"))
FAIL_TIMES = max(0, int(os.environ.get("INSTANT_FAIL_TIMES", "0")))

_failures: dict[str, int] = {}
_failures_lock = threading.Lock()


def _unit(digest: bytes, index: int) -> float:
    """A number in [0, 1) from two bytes of the (repeated) digest."""
    i = (2 * index) % (len(digest) - 1)
    return ((digest[i] << 8) | digest[i + 1]) / 65536.0


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest() + hashlib.sha256(b"instant" + data).digest()


def image_size(data: bytes):
    """(width, height) read from a PNG, GIF, BMP or JPEG header, or None."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"BM" and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return abs(width), abs(height)
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                i += 1 if marker == 0xFF else 2
                continue
            (length,) = struct.unpack(">H", data[i + 2:i + 4])
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return width, height
            i += 2 + length
    return None


def _score(value: float):
    return f"{value:.4f}" if SCORES_AS_STRINGS else round(value, 4)


def classify(digest: bytes) -> dict:
    weights = [0.05 + _unit(digest, i) ** 3 for i in range(len(LABELS))]
    total = sum(weights)
    ranked = sorted(zip(LABELS, (w / total for w in weights)), key=lambda pair: -pair[1])[:TOP_K]
    return {"predicted_label": ranked[0][0], "scores": [[label, _score(p)] for label, p in ranked]}


def detect(digest: bytes, size) -> dict:
    classes, boxes, scores = [], [], []
    if size and size[0] >= 2 and size[1] >= 2:
        width, height = size
        for k in range(digest[0] % 4):  # 0 to 3 boxes
            u = [_unit(digest, 1 + 5 * k + j) for j in range(5)]
            box_w, box_h = max(1.0, width * (0.1 + 0.4 * u[0])), max(1.0, height * (0.1 + 0.4 * u[1]))
            xmin, ymin = (width - box_w) * u[2], (height - box_h) * u[3]
            classes.append(LABELS[digest[40 + k] % len(LABELS)])
            boxes.append([round(ymin, 2), round(xmin, 2), round(ymin + box_h, 2), round(xmin + box_w, 2)])
            scores.append(round(0.3 + 0.69 * u[4], 4))
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        classes, boxes, scores = [classes[i] for i in order], [boxes[i] for i in order], [scores[i] for i in order]
    return {"detection_classes": classes, "detection_boxes": boxes, "detection_scores": scores}


def predict(_model, upload: Upload) -> dict:
    if FAIL_ON and upload.filename and FAIL_ON in upload.filename:
        fail = True
        if FAIL_TIMES:
            with _failures_lock:
                count = _failures.get(upload.filename, 0)
                fail = count < FAIL_TIMES
                _failures[upload.filename] = count + 1
        if fail:
            raise RequestError(FAIL_STATUS, "INSTANT_FAIL_ON",
                               f"the filename {upload.filename!r} contains FAIL_ON={FAIL_ON!r}")
    if DELAY:
        time.sleep(DELAY)
    digest = _digest(upload.data)
    if MODEL_TYPE == "image_classification":
        answer = classify(digest)
    else:
        answer = detect(digest, image_size(upload.data))
    if EMBEDDING_DIM:
        answer["embedding"] = [round(2 * _unit(digest, 7 + i) - 1, 4) for i in range(EMBEDDING_DIM)]
    return answer


if __name__ == "__main__":
    run(predict, name=f"instant-{'classifier' if MODEL_TYPE == 'image_classification' else 'detector'}")
