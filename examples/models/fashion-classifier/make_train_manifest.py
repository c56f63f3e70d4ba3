#!/usr/bin/env python3
"""Writes the fashion classifier's training images and a ModelArts manifest of them.

    python make_train_manifest.py OUT_DIR [--count 2000] [--train-size N] [--seed S]

OUT_DIR gets train/tr-00001.png, ... and train.manifest, one line per image:

    {"source": "./train/tr-00001.png", "usage": "TRAIN", "annotation": [{"type": "modelarts/image_classification",
     "name": "Trouser", "annotated-by": "human"}]}

The images are the ones the server trains on (same FASHION_TRAIN_SIZE and FASHION_SEED, read from the
environment as the server does, or --train-size and --seed): the first --count of them (default 2000;
0 writes all), so hard-example mining can compare a batch with the training set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fashion_data  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=2000, help="images to write (default 2000; 0 = all used)")
    parser.add_argument("--train-size", type=int, default=fashion_data.env_train_size(),
                        help="the server's training-set size (default $FASHION_TRAIN_SIZE or 12000)")
    parser.add_argument("--seed", type=int, default=fashion_data.env_seed(),
                        help="the server's seed (default $FASHION_SEED or 0)")
    args = parser.parse_args()

    images, labels = fashion_data.load_split("train")
    indices = fashion_data.train_indices(args.train_size, args.seed, len(images))
    if args.count > 0:
        indices = indices[:args.count]
    train_dir = args.out_dir / "train"
    train_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = args.out_dir / "train.manifest"
    with open(manifest_path, "w", encoding="utf-8") as manifest:
        for position, index in enumerate(indices):
            name = f"tr-{position + 1:05d}.png"
            Image.fromarray(images[index]).save(train_dir / name, optimize=True)
            line = {
                "source": f"./train/{name}",
                "usage": "TRAIN",
                "annotation": [{"type": "modelarts/image_classification",
                                "name": fashion_data.CLASS_NAMES[int(labels[index])], "annotated-by": "human"}],
            }
            manifest.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"wrote {len(indices)} training images to {train_dir} and {manifest_path}")


if __name__ == "__main__":
    main()
