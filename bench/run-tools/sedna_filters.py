"""KubeEdge Sedna's hard-example-mining filters, re-implemented from their published formulas and defaults.

NOT Sedna's code: Sedna is not on PyPI. These few lines follow
kubeedge/sedna lib/sedna/algorithms/hard_example_mining/hard_example_mining.py as summarised in
../shared/reference/anchors.md §1 (each returns "is hard" for one sample, as Sedna applies them, one
sample at a time):
  - CrossEntropyFilter (threshold_cross_entropy = 0.5): hard when 1 + Σ p ln p / ln K < 0.5, i.e.
    1 − normalised entropy < 0.5; any p outside [0, 1] → not hard. The formula itself is the one in
    bench/mining/scoring.py (reused), which skips p = 0 where Sedna's math.log(0) would raise.
  - ThresholdFilter (threshold = 0.5): hard when the mean box score < 0.5; no boxes → not hard.
  - IBTFilter (threshold_img = 0.5, threshold_box = 0.5): hard when the share of boxes with
    score ≤ 0.5 is ≥ 1 − 0.5; a score outside [0, 1] or no boxes → not hard.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "mining"))
from scoring import sedna_cross_entropy  # noqa: E402  (bench/mining/scoring.py)

__all__ = ["sedna_cross_entropy", "sedna_threshold", "sedna_ibt"]


def sedna_threshold(scores, threshold=0.5):
    """Sedna ThresholdFilter on one image's box scores."""
    if not scores:
        return False
    return sum(scores) / len(scores) < threshold


def sedna_ibt(scores, threshold_img=0.5, threshold_box=0.5):
    """Sedna IBTFilter on one image's box scores."""
    if not scores or any(s < 0 or s > 1 for s in scores):
        return False
    low = sum(1 for s in scores if s <= threshold_box)
    return low / len(scores) >= 1 - threshold_img
