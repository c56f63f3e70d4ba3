#!/usr/bin/env python3
"""Fashion-MNIST image classifier served as a ModelArts-style model (see docs/model-contract.md).

At first start it trains a small scikit-learn MLP (784 -> 64 ReLU -> 10) on a seeded subset of the
Fashion-MNIST training set from the Debian package dataset-fashion-mnist, measures it on the 10,000 test
images and caches it with joblib; later starts load the cache. GET /health answers 503 while it trains.

Answer: {"predicted_label": "Trouser", "scores": [["Trouser", "0.9731"], ... top 5], "embedding": [64 numbers]}
The embedding is the hidden layer's activations for the image.

Environment:
  PORT                   port to listen on (Winnow sets it)
  FASHION_TRAIN_SIZE     training images (default 12000; tests use 2000)
  FASHION_SEED           seed of the training subset and of the MLP (default 0)
  FASHION_TOP_K          scores listed per answer (default 5)
  FASHION_DATA_DIR       folder of the IDX files (default /usr/share/datasets/fashion-mnist)
  WINNOW_MODEL_CACHE     folder of the cached model (default ~/.cache/winnow-examples, or $XDG_CACHE_HOME)

`python server.py --train` trains (or loads) the model, prints its test accuracy and exits.
"""

from __future__ import annotations

import os

# One BLAS thread: answers are single images, and the machine is shared.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from common.multipart_server import RequestError, Upload, decode_image, run  # noqa: E402
import fashion_data  # noqa: E402

MODEL_FORMAT = 1
EPOCHS = 25
HIDDEN_UNITS = 64
TOP_K = max(1, min(10, int(os.environ.get("FASHION_TOP_K", "5"))))


def log(message: str) -> None:
    print(f"fashion-classifier: {message}", file=sys.stderr, flush=True)


def cache_dir() -> Path:
    if os.environ.get("WINNOW_MODEL_CACHE"):
        return Path(os.environ["WINNOW_MODEL_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "winnow-examples"


def cache_path(size: int, seed: int) -> Path:
    import sklearn

    return cache_dir() / f"fashion-mlp-f{MODEL_FORMAT}-n{size}-s{seed}-sklearn{sklearn.__version__}.joblib"


def train(size: int, seed: int) -> dict:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    images, labels = fashion_data.load_split("train")
    test_images, test_labels = fashion_data.load_split("test")
    indices = fashion_data.train_indices(size, seed, len(images))
    x = images[indices].reshape(len(indices), -1).astype(np.float32) / 255.0
    y = labels[indices]
    log(f"training an MLP ({HIDDEN_UNITS} hidden units, {EPOCHS} epochs) on {len(indices)} Fashion-MNIST images")
    started = time.monotonic()
    model = MLPClassifier(hidden_layer_sizes=(HIDDEN_UNITS,), alpha=1e-3, batch_size=128, max_iter=EPOCHS,
                          random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a fixed, small number of epochs on purpose
        model.fit(x, y)
    seconds = time.monotonic() - started
    accuracy = float((model.predict(test_images.reshape(len(test_images), -1) / 255.0) == test_labels).mean())
    log(f"trained in {seconds:.1f} s; accuracy on the {len(test_labels)} test images: {accuracy:.4f}")
    return {"format": MODEL_FORMAT, "model": model, "train_size": int(len(indices)), "seed": seed,
            "train_seconds": round(seconds, 2), "test_accuracy": accuracy}


def load() -> dict:
    import joblib

    size, seed = fashion_data.env_train_size(), fashion_data.env_seed()
    path = cache_path(size, seed)
    if path.exists():
        try:
            bundle = joblib.load(path)
            if bundle.get("format") == MODEL_FORMAT:
                log(f"loaded {path} (trained on {bundle['train_size']} images, "
                    f"test accuracy {bundle['test_accuracy']:.4f})")
                return bundle
        except Exception as error:  # a cache from another version or a partial write: train again
            log(f"ignoring unreadable cache {path}: {error}")
    bundle = train(size, seed)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        joblib.dump(bundle, temporary)
        os.replace(temporary, path)
        log(f"cached the model at {path}")
    except OSError as error:
        log(f"could not cache the model at {path}: {error} (it will be trained again next time)")
    return bundle


def to_vector(image) -> np.ndarray:
    """Any Pillow image as the model's input: gray, 28×28, scaled to [0, 1], shape (1, 784)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # Transparent pixels count as background (black), as in Fashion-MNIST.
        background = Image.new("RGBA", image.size, (0, 0, 0, 255))
        image = Image.alpha_composite(background, image.convert("RGBA"))
    gray = image.convert("L")
    if gray.size != (28, 28):
        gray = gray.resize((28, 28), Image.Resampling.BILINEAR, reducing_gap=3.0)
    return (np.asarray(gray, dtype=np.float32) / 255.0).reshape(1, 784)


def predict(bundle: dict, upload: Upload) -> dict:
    image = decode_image(upload.data)
    try:
        x = to_vector(image)
    except (OSError, ValueError) as error:
        raise RequestError(400, "INVALID_IMAGE", f"cannot convert the image to gray 28×28: {error}") from error
    model = bundle["model"]
    probabilities = model.predict_proba(x)[0]
    hidden = np.maximum(x @ model.coefs_[0] + model.intercepts_[0], 0.0)[0]
    order = np.argsort(-probabilities, kind="stable")[:TOP_K]
    names = [fashion_data.CLASS_NAMES[int(model.classes_[i])] for i in order]
    return {
        "predicted_label": names[0],
        "scores": [[name, f"{probabilities[i]:.4f}"] for name, i in zip(names, order)],
        "embedding": [round(float(v), 4) for v in hidden],
    }


def main() -> None:
    if "--train" in sys.argv[1:]:
        bundle = load()
        print(json.dumps({k: bundle[k] for k in ("train_size", "seed", "train_seconds", "test_accuracy")}))
        return
    try:
        fashion_data.load_split("test")  # fail at once, with the fix in the message, when the data is missing
    except fashion_data.DataMissing as error:
        log(str(error))
        sys.exit(1)
    run(predict, load=load, name="fashion-classifier")


if __name__ == "__main__":
    main()
