"""Baseline: read a ModelArts manifest the way a Python user would (json.loads per line, check source).

Used by bench/manifest to compare `winnow validate` against the usual Python approach on the same file.
"""
import json
import sys


def main(path):
    lines = 0
    with open(path, "rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            record = json.loads(raw)
            if not isinstance(record.get("source"), str):
                raise SystemExit(f"{path}:{lines + 1}: source missing")
            for annotation in record.get("annotation", []):
                if annotation.get("type") is None:
                    raise SystemExit(f"{path}:{lines + 1}: annotation type missing")
            lines += 1
    print(f"{lines} lines")


if __name__ == "__main__":
    main(sys.argv[1])
