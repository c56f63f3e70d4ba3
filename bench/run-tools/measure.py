"""Whole-process measurement for bench/run: wall time, CPU time and peak memory of a command.

The command runs under /usr/bin/time (GNU time), whose own figures are read back: CPU seconds (user +
system of the command and its waited-for children) and the kernel's peak RSS of the largest single
process. /usr/bin/time stands between so that this Python process's own memory does not count: Linux
carries the parent's resident size over a fork into the child's ru_maxrss.

Peak memory is the larger of that figure and the largest sum of the resident set sizes of the command
and all its descendants, sampled from /proc every 50 ms while it runs (what a multi-process tool such
as CleanVision with n_jobs > 1 holds at once).
"""
import os
import subprocess
import tempfile
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")
TIME = "/usr/bin/time"


def _tree_rss(root):
    """Resident bytes of the descendants of `root` (one scan of /proc); `root` itself not counted."""
    parents, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * PAGE
    children = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    total, stack, seen = 0, list(children.get(root, [])), set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


class Result:
    """One finished run: wall and CPU seconds, peak MiB, what it printed."""

    def __init__(self, wall, cpu, peak_mib, stdout):
        self.wall, self.cpu, self.peak_mib, self.stdout = wall, cpu, peak_mib, stdout

    def __repr__(self):
        return f"wall {self.wall:.3f} s, cpu {self.cpu:.3f} s, peak {self.peak_mib:.1f} MiB"


def run(command, cwd=None, env=None):
    """Runs `command` to completion (stdout kept); raises SystemExit naming it when it fails."""
    if not os.access(TIME, os.X_OK):
        raise SystemExit(f"{TIME} is missing: apt-get install time")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as figures:
        start = time.perf_counter()
        process = subprocess.Popen([TIME, "-o", figures.name, "-f", "%U %S %M", *command], cwd=cwd, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(process.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stdout, stderr = process.communicate()
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        if process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr.decode(errors='replace')[-3000:]}")
        user, system, max_kib = open(figures.name).read().strip().splitlines()[-1].split()
    peak_bytes = max(peak[0], int(max_kib) * 1024)
    return Result(wall, float(user) + float(system), peak_bytes / 2**20, stdout.decode(errors="replace"))
