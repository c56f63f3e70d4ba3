#!/usr/bin/env python3
"""Face detector on OpenCV's Haar cascade, served as a ModelArts-style model (see docs/model-contract.md).

Answer: {"detection_classes": ["face", ...], "detection_boxes": [[ymin, xmin, ymax, xmax], ...],
         "detection_scores": [0.93, ...]}, boxes in pixels of the uploaded image, highest score first.

Scores: detectMultiScale3(..., outputRejectLevels=True) gives each grouped detection the weight of the
cascade's last stage (how far the window cleared that stage's threshold: about -1 for a barely accepted
window, 5 to 8 for a clear frontal face). It is mapped to (0, 1) with a logistic function,
    score = 1 / (1 + exp(-(weight - FACE_SCORE_CENTER) / FACE_SCORE_SCALE)),
center 2.5 and scale 1.0 by default: weight 5.5 -> 0.95, 2.5 -> 0.5, 0.5 -> 0.12.

Environment:
  PORT                   port to listen on (Winnow sets it)
  FACE_CASCADE           cascade file name in cv2.data.haarcascades, or a path
                         (default haarcascade_frontalface_default.xml)
  FACE_SCALE_FACTOR      detectMultiScale scaleFactor (default 1.1)
  FACE_MIN_NEIGHBORS     detectMultiScale minNeighbors (default 3)
  FACE_MIN_SIZE          smallest face side in pixels of the analysed image (default 24)
  FACE_MAX_SIDE          larger images are scaled down to this longest side before detection, and the boxes
                         scaled back (default 1024; 0 never scales)
  FACE_MIN_SCORE         leave out detections scoring below this (default 0: report all)
  FACE_SCORE_CENTER, FACE_SCORE_SCALE   the logistic mapping above (defaults 2.5 and 1.0)
"""

from __future__ import annotations

import math
import os
import sys
import threading
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common.multipart_server import RequestError, Upload, decode_image, run  # noqa: E402

SCALE_FACTOR = float(os.environ.get("FACE_SCALE_FACTOR", "1.1"))
MIN_NEIGHBORS = int(os.environ.get("FACE_MIN_NEIGHBORS", "3"))
MIN_SIZE = int(os.environ.get("FACE_MIN_SIZE", "24"))
MAX_SIDE = int(os.environ.get("FACE_MAX_SIDE", "1024"))
MIN_SCORE = float(os.environ.get("FACE_MIN_SCORE", "0"))
SCORE_CENTER = float(os.environ.get("FACE_SCORE_CENTER", "2.5"))
SCORE_SCALE = float(os.environ.get("FACE_SCORE_SCALE", "1.0"))


def cascade_path() -> str:
    import cv2

    name = os.environ.get("FACE_CASCADE") or "haarcascade_frontalface_default.xml"
    if os.path.sep in name or os.path.exists(name):
        return name
    data = getattr(cv2, "data", None)
    if data is None or not hasattr(data, "haarcascades"):
        raise RuntimeError("this OpenCV has no cv2.data.haarcascades: install opencv-python-headless<5 "
                           "(the 5.x wheels dropped the Haar cascades) or set FACE_CASCADE to a cascade file")
    return os.path.join(data.haarcascades, name)


class Detector:
    """One CascadeClassifier per thread: OpenCV does not promise detectMultiScale is thread-safe."""

    def __init__(self, path: str):
        import cv2

        self.cv2 = cv2
        self.path = path
        self.local = threading.local()
        self.classifier()  # fail at start-up, not at the first request

    def classifier(self):
        classifier = getattr(self.local, "classifier", None)
        if classifier is None:
            classifier = self.cv2.CascadeClassifier(self.path)
            if classifier.empty():
                raise RuntimeError(f"cannot load the cascade {self.path}")
            self.local.classifier = classifier
        return classifier

    def detect(self, gray: np.ndarray) -> list[tuple[float, list[float]]]:
        """(score, [ymin, xmin, ymax, xmax]) in the pixels of `gray`, highest score first."""
        height, width = gray.shape
        scale = 1.0
        if MAX_SIDE and max(height, width) > MAX_SIDE:
            scale = MAX_SIDE / max(height, width)
            gray = self.cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))),
                                   interpolation=self.cv2.INTER_AREA)
        if min(gray.shape) < MIN_SIZE:
            return []
        boxes, _levels, weights = self.classifier().detectMultiScale3(
            gray, scaleFactor=SCALE_FACTOR, minNeighbors=MIN_NEIGHBORS, minSize=(MIN_SIZE, MIN_SIZE),
            outputRejectLevels=True)
        found = []
        for (x, y, w, h), weight in zip(np.asarray(boxes).reshape(-1, 4), np.asarray(weights).reshape(-1)):
            score = 1.0 / (1.0 + math.exp(-(float(weight) - SCORE_CENTER) / SCORE_SCALE))
            if score < MIN_SCORE:
                continue
            ymin, xmin = max(0.0, y / scale), max(0.0, x / scale)
            ymax, xmax = min(float(height), (y + h) / scale), min(float(width), (x + w) / scale)
            found.append((score, [round(ymin, 1), round(xmin, 1), round(ymax, 1), round(xmax, 1)]))
        found.sort(key=lambda item: -item[0])
        return found


def load() -> Detector:
    import cv2

    cv2.setNumThreads(1)  # one request, one core: requests run in parallel instead
    return Detector(cascade_path())


def predict(detector: Detector, upload: Upload) -> dict:
    image = decode_image(upload.data)
    try:
        gray = np.asarray(image.convert("L"))
    except (OSError, ValueError) as error:
        raise RequestError(400, "INVALID_IMAGE", f"cannot convert the image to gray: {error}") from error
    found = detector.detect(gray)
    return {
        "detection_classes": ["face"] * len(found),
        "detection_boxes": [box for _, box in found],
        "detection_scores": [round(score, 4) for score, _ in found],
    }


if __name__ == "__main__":
    run(predict, load=load, name="face-detector")
