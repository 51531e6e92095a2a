"""Two commands timed side by side, as the speed figures in `bench/README.md` are taken.

    python bench/paired.py -n 8 --warmup 1 --core 0 --vs '<start command>' -- '<end command>'

Each command runs `--warmup` times unmeasured, then the two run `-n` times in pairs, which of
the two goes first alternating from pair to pair (start-end, end-start, …) so that neither
always follows the other; every run is pinned to one core (the timer pins itself there and
its children inherit it; it sleeps in the kernel while they run). Printed: each side's median
wall time and CPU time and its largest peak memory (each run's own maximum resident set, from
the kernel's accounting of that child), the ratio of the median wall times, and the median of
the pairs' own end/start ratios with a bootstrap interval (2,000 resamples of the pairs, 2.5th
to 97.5th percentile; with fewer than 8 pairs it is rough, and says so). A run that fails or
passes `--timeout` seconds stops the comparison with its command named.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

_RESAMPLES = 2000


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user and system
    peak_mib: float


def timed(command: str, timeout: float) -> Run:
    """One run of `command` through the shell (in a session of its own, so that a timeout
    kills the whole job, not the shell alone)."""
    started = time.perf_counter()
    # The commands are the user's own, shell syntax and all (`cd … && exec llmx …`).
    process = subprocess.Popen(command, shell=True, start_new_session=True)
    expired = threading.Event()

    def kill() -> None:
        expired.set()
        os.killpg(process.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - started
    if expired.is_set():
        raise SystemExit(f"paired: over {timeout:g} s: {command}")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"paired: exit {os.waitstatus_to_exitcode(status)}: {command}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def ratio_interval(ratios: list[float], seed: int = 0) -> tuple[float, float]:
    """The 95% bootstrap interval of the median of the pairs' end/start ratios."""
    rng = random.Random(seed)
    medians = sorted(
        statistics.median(rng.choice(ratios) for _ in ratios) for _ in range(_RESAMPLES)
    )
    return medians[int(0.025 * _RESAMPLES)], medians[int(0.975 * _RESAMPLES) - 1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=5, help="measured runs of each command")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs of each first")
    parser.add_argument("--core", type=int, default=None, help="the core every run is pinned to")
    parser.add_argument("--timeout", type=float, default=1500, help="seconds a run may take")
    parser.add_argument("--vs", required=True, help="the start command, timed against the end")
    parser.add_argument("end", nargs="+", help="the end command (after --)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.warmup < 0 or args.timeout <= 0:
        parser.error("-n must be 1 or more, --warmup 0 or more and --timeout above 0")
    commands = {"start": args.vs, "end": shlex.join(args.end) if len(args.end) > 1 else args.end[0]}
    if args.core is not None:
        try:
            os.sched_setaffinity(0, {args.core})  # inherited by every run
        except (OSError, ValueError):
            parser.error(
                f"--core {args.core}: no such core here (cores {sorted(os.sched_getaffinity(0))})"
            )
    for _ in range(args.warmup):
        for command in commands.values():
            timed(command, args.timeout)
    runs: dict[str, list[Run]] = {"start": [], "end": []}
    for pair in range(args.n):
        for side in ("start", "end") if pair % 2 == 0 else ("end", "start"):
            runs[side].append(timed(commands[side], args.timeout))
    for side, measured in runs.items():
        print(
            f"{side:5}  wall {statistics.median(r.wall for r in measured):8.2f} s"
            f"  cpu {statistics.median(r.cpu for r in measured):8.2f} s"
            f"  peak (max) {max(r.peak_mib for r in measured):7.1f} MiB"
        )
    start, end = ([r.wall for r in runs[side]] for side in ("start", "end"))
    ratios = [e / s for s, e in zip(start, end, strict=True)]
    low, high = ratio_interval(ratios)
    rough = " (fewer than 8 pairs: rough)" if args.n < 8 else ""
    print(
        f"end/start ratio of median walls {statistics.median(end) / statistics.median(start):.3f}"
    )
    median = statistics.median(ratios)
    print(f"end/start pair ratios: median {median:.3f} ({low:.3f}–{high:.3f}){rough}")


if __name__ == "__main__":
    main(sys.argv[1:])
