"""Writes one part of the image-pipeline section of BENCHMARKS.md, leaving everything else alone.

The section is `<!-- imaging:begin -->` … `<!-- imaging:end -->`; inside it each benchmark owns a part
between `<!-- imaging-PART:begin -->` and `<!-- imaging-PART:end -->`. Missing markers are added.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BEGIN, END = "<!-- imaging:begin -->", "<!-- imaging:end -->"


def write_part(part, body):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n## Image pipeline\n{END}\n"
    begin, end = f"<!-- imaging-{part}:begin -->", f"<!-- imaging-{part}:end -->"
    block = f"{begin}\n{body.strip()}\n{end}"
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        cut = text.index(END)
        text = text[:cut] + "\n" + block + "\n" + text[cut:]
    open(path, "w").write(text)
