"""Baseline: CleanVision's blurry, dark, light and odd-aspect-ratio checks over a folder.

Used by bench/imaging. Prints the wall seconds and the CPU seconds (its own and its worker processes')
spent building the Imagelab and running find_issues (Python start-up and imports excluded, which
favours CleanVision), then the number of images it measured.
Usage: cleanvision_checks.py FOLDER N_JOBS
"""
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")


def main(folder, n_jobs):
    from cleanvision import Imagelab

    def cpu():
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    start, cpu_start = time.perf_counter(), cpu()
    lab = Imagelab(data_path=folder)
    lab.find_issues({"blurry": {}, "dark": {}, "light": {}, "odd_aspect_ratio": {}}, n_jobs=n_jobs, verbose=False)
    seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
    print(f"{seconds:.6f} {cpu_seconds:.6f} {len(lab.issues)}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
