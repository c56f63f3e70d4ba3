#!/usr/bin/env python3
"""Writes a demo batch input for the fashion classifier: Fashion-MNIST test images as PNG files.

    python make_demo_input.py OUT_DIR [--count 200] [--seed 0] [--altered 0.1] [--truth FILE]

OUT_DIR gets fm-00001.png, fm-00002.png, ... (28×28 gray) drawn at random from the 10,000 test images,
about 10% of them deliberately altered (dark, blurred, rotated, inverted, noisy: the cases a hard-example
miner should find), and ground-truth.jsonl (or --truth FILE) with one line per image:

    {"source": "fm-00001.png", "label": "Trouser", "label_index": 1, "test_index": 2871, "alteration": null}

The same arguments always write the same files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fashion_data  # noqa: E402

ALTERATIONS = ("dark", "blurred", "rotated", "inverted", "noisy")


def alter(pixels: np.ndarray, alteration: str, rng: np.random.Generator) -> np.ndarray:
    image = Image.fromarray(pixels)
    if alteration == "dark":
        out = np.asarray(image, dtype=np.float32) * rng.uniform(0.15, 0.3)
    elif alteration == "blurred":
        out = np.asarray(image.filter(ImageFilter.GaussianBlur(radius=rng.uniform(1.5, 2.2))), dtype=np.float32)
    elif alteration == "rotated":
        angle = float(rng.choice([-1, 1]) * rng.uniform(60, 120))
        out = np.asarray(image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0), dtype=np.float32)
    elif alteration == "inverted":
        out = 255.0 - np.asarray(image, dtype=np.float32)
    elif alteration == "noisy":
        out = np.asarray(image, dtype=np.float32) + rng.normal(0, 70, size=pixels.shape)
    else:
        raise ValueError(alteration)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=200, help="images to write (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="which images and alterations (default 0)")
    parser.add_argument("--altered", type=float, default=0.1, help="fraction altered (default 0.1)")
    parser.add_argument("--truth", type=Path, default=None, help="where ground-truth.jsonl goes (default OUT_DIR)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")

    images, labels = fashion_data.load_split("test")
    count = min(args.count, len(images))
    rng = np.random.default_rng(args.seed)
    chosen = rng.choice(len(images), size=count, replace=False)
    altered_count = int(round(count * args.altered))
    altered_positions = rng.choice(count, size=altered_count, replace=False)
    alteration_of = {int(p): ALTERATIONS[k % len(ALTERATIONS)] for k, p in enumerate(sorted(altered_positions))}

    args.out_dir.mkdir(parents=True, exist_ok=True)
    truth_path = args.truth or args.out_dir / "ground-truth.jsonl"
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    with open(truth_path, "w", encoding="utf-8") as truth:
        for position, test_index in enumerate(chosen):
            name = f"fm-{position + 1:05d}.png"
            pixels = images[test_index]
            alteration = alteration_of.get(position)
            if alteration:
                pixels = alter(pixels, alteration, rng)
            Image.fromarray(pixels).save(args.out_dir / name, optimize=True)
            label = int(labels[test_index])
            truth.write(json.dumps({"source": name, "label": fashion_data.CLASS_NAMES[label], "label_index": label,
                                    "test_index": int(test_index), "alteration": alteration}) + "\n")
    kinds = ", ".join(f"{sum(1 for a in alteration_of.values() if a == k)} {k}" for k in ALTERATIONS)
    print(f"wrote {count} images to {args.out_dir} ({altered_count} altered: {kinds}) and {truth_path}")


if __name__ == "__main__":
    main()
