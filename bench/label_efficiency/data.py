"""Seeded Fashion-MNIST splits, deterministic corruptions, and the folders Winnow reads.

Splits (from the package's 60,000 training images, one seeded permutation per seed):
  start set (labelled, trains the first model) | pool (unlabelled, served to the batch service) | validation.
The 10,000 test images are the untouched test split: only ever scored, never used to choose anything.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "models" / "fashion-classifier"))
import fashion_data  # noqa: E402  (the examples' reader of the Debian package's IDX files)

CLASS_NAMES = fashion_data.CLASS_NAMES
CORRUPTIONS = ("dark", "blurred", "rotated", "noisy")


@dataclass
class Split:
    """One seed's data: images as N×28×28 uint8 (pool images after corruption), labels as ints."""

    seed: int
    start_images: np.ndarray
    start_labels: np.ndarray
    pool_images: np.ndarray
    pool_labels: np.ndarray
    pool_corruption: list[str]  # "" for a clean image
    val_images: np.ndarray
    val_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray


def corrupt(image: np.ndarray, kind: str, rng: np.random.Generator) -> np.ndarray:
    """A corrupted copy of one 28×28 uint8 image; the parameters are drawn from `rng` (deterministic per seed)."""
    from PIL import Image, ImageFilter

    if kind == "dark":
        return (image.astype(np.float32) * rng.uniform(0.15, 0.35)).round().astype(np.uint8)
    if kind == "blurred":
        blurred = Image.fromarray(image).filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(1.2, 2.0))))
        return np.asarray(blurred, dtype=np.uint8)
    if kind == "rotated":
        angle = float(rng.uniform(60, 120)) * (1 if rng.random() < 0.5 else -1)
        rotated = Image.fromarray(image).rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        return np.asarray(rotated, dtype=np.uint8)
    if kind == "noisy":
        noisy = image.astype(np.float32) + rng.normal(0, 50, image.shape)
        return np.clip(noisy, 0, 255).round().astype(np.uint8)
    raise ValueError(f"unknown corruption {kind!r}")


def make_split(seed: int, start: int, pool: int, validation: int, corrupted_fraction: float) -> Split:
    """The splits of one seed; `corrupted_fraction` of the pool is corrupted, the kinds in equal shares."""
    images, labels = fashion_data.load_split("train")
    test_images, test_labels = fashion_data.load_split("test")
    if start + pool + validation > len(images):
        raise ValueError(f"start {start} + pool {pool} + validation {validation} exceed the {len(images)} training images")
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(images))
    start_idx, pool_idx = order[:start], order[start:start + pool]
    val_idx = order[start + pool:start + pool + validation]
    pool_images = images[pool_idx].copy()
    corruption = [""] * pool
    chosen = rng.choice(pool, size=int(round(pool * corrupted_fraction)), replace=False)
    for n, index in enumerate(sorted(int(i) for i in chosen)):
        kind = CORRUPTIONS[n % len(CORRUPTIONS)]
        pool_images[index] = corrupt(pool_images[index], kind, rng)
        corruption[index] = kind
    return Split(seed, images[start_idx], labels[start_idx].astype(int), pool_images, labels[pool_idx].astype(int), corruption,
                 images[val_idx], labels[val_idx].astype(int), test_images, test_labels.astype(int))


def pool_name(index: int) -> str:
    return f"p-{index + 1:05d}.png"


def pool_index(source: str) -> int:
    """The pool index of a source path or URI as the batch output or a report names it."""
    name = os.path.basename(source)
    if not (name.startswith("p-") and name.endswith(".png")):
        raise ValueError(f"{source}: not a pool image name (p-NNNNN.png)")
    return int(name[2:-4]) - 1


def write_folders(split: Split, work: Path) -> tuple[Path, Path]:
    """Writes the pool as PNGs (pool/p-00001.png …) and the start set with its ModelArts training manifest;
    returns (pool folder, training manifest)."""
    from PIL import Image

    pool_dir, train_dir = work / "pool", work / "train"
    pool_dir.mkdir(parents=True, exist_ok=True)
    train_dir.mkdir(parents=True, exist_ok=True)
    for index, image in enumerate(split.pool_images):
        Image.fromarray(image).save(pool_dir / pool_name(index))
    manifest = work / "train.manifest"
    with open(manifest, "w") as handle:
        for index, (image, label) in enumerate(zip(split.start_images, split.start_labels)):
            name = f"t-{index + 1:05d}.png"
            Image.fromarray(image).save(train_dir / name)
            handle.write(json.dumps({
                "source": f"./train/{name}", "usage": "TRAIN",
                "annotation": [{"type": "modelarts/image_classification", "name": CLASS_NAMES[int(label)], "annotated-by": "human"}],
            }) + "\n")
    return pool_dir, manifest
