"""Fashion-MNIST from the Debian package dataset-fashion-mnist, shared by the server and the scripts.

The data are the package's gzipped IDX files (read with gzip + numpy, no download). The training subset
is a seeded permutation of the 60,000 training images, so a smaller subset is a prefix of a larger one and
make_train_manifest.py can write exactly the images the server trained on.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import numpy as np

CLASS_NAMES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]
DATA_DIR = Path(os.environ.get("FASHION_DATA_DIR", "/usr/share/datasets/fashion-mnist"))
DEFAULT_TRAIN_SIZE = 12_000
DEFAULT_SEED = 0
FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
}


class DataMissing(RuntimeError):
    pass


def read_idx(path: Path) -> np.ndarray:
    """An IDX file (optionally gzipped) as a numpy array of unsigned bytes."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise ValueError(f"{path}: not an IDX file of unsigned bytes")
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_split(split: str) -> tuple[np.ndarray, np.ndarray]:
    """(images as N×28×28 uint8, labels as N uint8) of "train" or "test"."""
    images_name, labels_name = FILES[split]
    images_path, labels_path = DATA_DIR / images_name, DATA_DIR / labels_name
    if not images_path.exists() or not labels_path.exists():
        raise DataMissing(
            f"Fashion-MNIST not found in {DATA_DIR}: run `apt-get install -y dataset-fashion-mnist` "
            f"(or examples/models/setup.sh), or point FASHION_DATA_DIR at a folder with {images_name}"
        )
    images, labels = read_idx(images_path), read_idx(labels_path)
    if len(images) != len(labels):
        raise ValueError(f"{DATA_DIR}: {len(images)} {split} images but {len(labels)} labels")
    return images, labels


def train_indices(size: int, seed: int = DEFAULT_SEED, total: int = 60_000) -> np.ndarray:
    """Indices of the training images used for a model trained on `size` images with `seed`."""
    return np.random.default_rng(seed).permutation(total)[:min(size, total)]


def env_train_size() -> int:
    return int(os.environ.get("FASHION_TRAIN_SIZE") or DEFAULT_TRAIN_SIZE)


def env_seed() -> int:
    return int(os.environ.get("FASHION_SEED") or DEFAULT_SEED)
