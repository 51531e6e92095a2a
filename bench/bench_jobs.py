"""Benchmark: whole `llmx extract` jobs — document size, many documents, workers, resume.

Run one part at a time (each prints its figures and merges them into bench/results/jobs.json):

    .venv/bin/python bench/bench_jobs.py size       # one 5 MB file against one 50 MB file
    .venv/bin/python bench/bench_jobs.py oneline    # the same text with no line break: 1 MB, 4 MB
    .venv/bin/python bench/bench_jobs.py memory     # 10, 100, 1,000 documents: peak memory
    .venv/bin/python bench/bench_jobs.py workers    # --workers 1 against --workers 2
    .venv/bin/python bench/bench_jobs.py resume     # a 1,000-document job killed, resumed

Every figure is of the whole command as a user runs it (`llmx extract … --extractor rules`),
started as a child process: its wall time, and from the operating system's accounting of
the finished child (os.wait4) its CPU seconds (user + system, worker processes included) and
its peak resident memory. Inputs are built from the seeds in a scratch folder (--work).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LLMX = [sys.executable, "-c", "from llmx.cli import app; app()"]
RESULTS = ROOT / "bench" / "results" / "jobs.json"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@dataclass(frozen=True)
class Measured:
    wall_seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    exit_code: int


def run(arguments: list[str]) -> Measured:
    """One `llmx` command, start to exit, with the OS's accounting of the finished child."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [*LLMX, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        round(wall, 2),
        round(usage.ru_utime + usage.ru_stime, 2),
        round(usage.ru_maxrss / 1024, 1),
        child.returncode,
    )


def extract(source: Path, runs: Path, *extra: str) -> list[str]:
    return ["extract", str(source), "--extractor", "rules", "--runs-dir", str(runs), *extra]


def seeds_text() -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in SEEDS)


def one_file(folder: Path, megabytes: int, *, one_line: bool = False) -> Path:
    """The seeds one after another, repeated until the file holds `megabytes` MB of UTF-8;
    with `one_line`, every line break a space (a report whose text lost its lines)."""
    path = folder / f"one_{megabytes}mb{'_one_line' if one_line else ''}.txt"
    if not path.exists():
        blob, parts, size = seeds_text(), [], 0
        if one_line:
            blob = " ".join(blob.split("\n"))
        while size < megabytes * 1_000_000:
            parts.append(blob)
            size += len(blob.encode("utf-8")) + 2
        path.write_text((" " if one_line else "\n\n").join(parts), encoding="utf-8")
    return path


def many_documents(folder: Path, count: int) -> Path:
    """`count` documents, each a whole seed (the five in turn), each its own file and id."""
    target = folder / f"docs_{count}"
    if not target.exists():
        target.mkdir(parents=True)
        for number in range(count):
            shutil.copyfile(SEEDS[number % len(SEEDS)], target / f"d{number:05}.txt")
    return target


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def only_run(runs: Path) -> Path:
    [folder] = runs.iterdir()
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the parts ------------------------------------------------------------------------------


def bench_size(work: Path) -> dict[str, object]:
    return _two_sizes(work, ((5, 2), (50, 1)), one_line=False)


def bench_one_line(work: Path) -> dict[str, object]:
    return _two_sizes(work, ((1, 2), (4, 2)), one_line=True)


def _two_sizes(
    work: Path, sizes: tuple[tuple[int, int], tuple[int, int]], *, one_line: bool
) -> dict[str, object]:
    """One file at each of two sizes (MB, and how many runs to take the best of), and how the
    larger's figures compare."""
    rows = {}
    for megabytes, repeats in sizes:
        source = one_file(work, megabytes, one_line=one_line)
        best = min(
            (run(extract(source, fresh(work / "runs-size"))) for _ in range(repeats)),
            key=lambda measured: measured.cpu_seconds,
        )
        rows[f"{megabytes}mb"] = {"bytes": source.stat().st_size, **asdict(best)}
        print(f"{megabytes:>3} MB in one file{' of one line' if one_line else ''}: {best}")
    (small_mb, _), (large_mb, _) = sizes
    small, large = rows[f"{small_mb}mb"], rows[f"{large_mb}mb"]
    ratio = {
        "bytes": round(large["bytes"] / small["bytes"], 2),
        "cpu": round(large["cpu_seconds"] / small["cpu_seconds"], 2),
        "wall": round(large["wall_seconds"] / small["wall_seconds"], 2),
    }
    print(f"{large_mb} MB / {small_mb} MB: {ratio}")
    return {"runs": rows, f"ratio_{large_mb}_to_{small_mb}": ratio}


def bench_memory(work: Path) -> dict[str, object]:
    rows = {}
    for count in (10, 100, 1000):
        measured = run(extract(many_documents(work, count), fresh(work / "runs-memory")))
        rows[str(count)] = asdict(measured)
        print(f"{count:>5} documents: {measured}")
    return {"documents": rows}


def bench_workers(work: Path, count: int = 200, rounds: int = 2) -> dict[str, object]:
    source = many_documents(work, count)
    timings: dict[str, list[Measured]] = {"1": [], "2": []}
    for _ in range(rounds):  # in turn, so that a change in the machine's load hits both
        for workers in timings:
            measured = run(extract(source, fresh(work / "runs-workers"), "--workers", workers))
            timings[workers].append(measured)
            print(f"--workers {workers}, {count} documents: {measured}")
    best = {workers: min(m.wall_seconds for m in runs) for workers, runs in timings.items()}
    speedup = round(best["1"] / best["2"], 2)
    print(f"best wall: {best}; --workers 2 is {speedup}x as fast")
    return {
        "documents": count,
        "runs": {w: [asdict(m) for m in runs] for w, runs in timings.items()},
        "best_wall_seconds": best,
        "speedup": speedup,
    }


def bench_resume(work: Path, count: int = 1000, kill_after: int = 400) -> dict[str, object]:
    source = many_documents(work, count)
    whole_runs = fresh(work / "runs-whole")
    whole = run(extract(source, whole_runs))
    expected = digest(only_run(whole_runs) / "facts.jsonl")
    print(f"uninterrupted, {count} documents: {whole}")

    runs = fresh(work / "runs-killed")
    started = time.perf_counter()
    job = subprocess.Popen(
        [*LLMX, *extract(source, runs)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    done_at_kill = 0
    while job.poll() is None:
        journal = next(runs.glob("*/documents.jsonl"), None) if runs.exists() else None
        done_at_kill = len(journal.read_bytes().splitlines()) if journal else 0
        if done_at_kill >= kill_after:
            break
        time.sleep(0.05)
    job.send_signal(signal.SIGKILL)
    job.wait()
    killed_after = round(time.perf_counter() - started, 2)
    folder = only_run(runs)
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    journal_lines = (folder / "documents.jsonl").read_bytes().splitlines()
    before = [doc for line in journal_lines for doc in json.loads(line)["documents"]]
    print(
        f"killed after {killed_after} s: {len(before)} documents journaled, "
        f"run.json says {record['status']} with {record['stats']['documents']} documents"
    )

    resumed = run(["extract", "--resume", str(folder)])
    lines = (folder / "documents.jsonl").read_bytes().splitlines()
    after = [doc for line in lines for doc in json.loads(line)["documents"]]
    final = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    result = {
        "documents": count,
        "uninterrupted": asdict(whole),
        "killed_after_seconds": killed_after,
        "journaled_before_kill": len(before),
        "record_at_kill": {"status": record["status"], "documents": record["stats"]["documents"]},
        "resumed": asdict(resumed),
        "extracted_on_resume": len(after) - len(before),
        "documents_done_twice": len(after) - len(set(after)),
        "final_status": final["status"],
        "facts_identical": digest(folder / "facts.jsonl") == expected,
    }
    print(f"resumed: {resumed}; {result}")
    return result


PARTS = {
    "size": bench_size,
    "oneline": bench_one_line,
    "memory": bench_memory,
    "workers": bench_workers,
    "resume": bench_resume,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=sorted(PARTS))
    parser.add_argument("--work", type=Path, default=Path("/tmp/llmx-bench"))
    arguments = parser.parse_args()
    arguments.work.mkdir(parents=True, exist_ok=True)
    figures = PARTS[arguments.part](arguments.work)
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results[arguments.part] = {
        "command": f".venv/bin/python bench/bench_jobs.py {arguments.part}",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        **figures,
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
