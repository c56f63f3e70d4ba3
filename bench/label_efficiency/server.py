#!/usr/bin/env python3
"""The evaluation's model served as a ModelArts-style model server (docs/model-contract.md), on the
examples' transport (examples/models/common/multipart_server.py).

LE_MODEL names a joblib file holding the scikit-learn model of model.py. Answer:
{"predicted_label": "Trouser", "scores": [["Trouser", "0.9731"], … top 5 as 4-decimal strings]},
as the examples' fashion-classifier answers. Input: any image Pillow reads, made gray 28×28.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "examples" / "models"))
sys.path.insert(0, str(HERE.parent))

from common.multipart_server import RequestError, Upload, decode_image, run  # noqa: E402
from label_efficiency import model as le_model  # noqa: E402  (sets one BLAS thread before numpy)
from label_efficiency.data import CLASS_NAMES  # noqa: E402

import numpy as np  # noqa: E402

TOP_K = 5


def load():
    import joblib

    return joblib.load(os.environ["LE_MODEL"])


def predict(model, upload: Upload) -> dict:
    from PIL import Image

    image = decode_image(upload.data)
    try:
        gray = image.convert("L")
        if gray.size != (28, 28):
            gray = gray.resize((28, 28), Image.Resampling.BILINEAR)
    except (OSError, ValueError) as error:
        raise RequestError(400, "INVALID_IMAGE", f"cannot convert the image to gray 28×28: {error}") from error
    probabilities = model.predict_proba(le_model.features(np.asarray(gray, dtype=np.uint8)[None]))[0]
    order = np.argsort(-probabilities, kind="stable")[:TOP_K]
    names = [CLASS_NAMES[int(model.classes_[i])] for i in order]
    return {"predicted_label": names[0], "scores": [[name, f"{probabilities[i]:.4f}"] for name, i in zip(names, order)]}


if __name__ == "__main__":
    if not os.environ.get("LE_MODEL"):
        sys.exit("server.py: set LE_MODEL to the joblib file of the model")
    run(predict, load=load, name="label-efficiency")
