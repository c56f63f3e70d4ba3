"""The small scikit-learn model: logistic regression on 2×2-average-pooled pixels (14×14 = 196 features).

The same function turns training arrays and served images into features, so the served model answers
exactly what the trained one computes. One BLAS thread: the machine is shared.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import warnings  # noqa: E402

import numpy as np  # noqa: E402

C = 1.0
MAX_ITER = 300


def features(images: np.ndarray) -> np.ndarray:
    """N×28×28 uint8 (or N×784 in [0, 1] × 255) → N×196 floats in [0, 1]."""
    images = np.asarray(images, dtype=np.float32).reshape(-1, 28, 28)
    return images.reshape(len(images), 14, 2, 14, 2).mean(axis=(2, 4)).reshape(len(images), -1) / 255.0


def train(images: np.ndarray, labels: np.ndarray):
    """A LogisticRegression(C=1, lbfgs, max_iter=300) on the images' features; deterministic (convex)."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=MAX_ITER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(features(images), labels)
    return model


def accuracy(model, images: np.ndarray, labels: np.ndarray) -> float:
    return float((model.predict(features(images)) == labels).mean())


def cross_validated_probabilities(images: np.ndarray, labels: np.ndarray, folds: int = 5) -> np.ndarray:
    """Out-of-sample predicted probabilities on a labelled set (what cleanlab asks for when it is fitted)."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return cross_val_predict(LogisticRegression(C=C, max_iter=MAX_ITER), features(images), labels,
                                 cv=StratifiedKFold(folds, shuffle=True, random_state=0), method="predict_proba")
