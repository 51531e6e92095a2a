"""Jobs that stream and resume: facts appended per document, a killed job carried on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from llmx.cli import app
from llmx.documents import Document
from llmx.errors import InputError
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import facts_to_jsonl
from llmx.journal import JOURNAL_FILE, read_steps
from llmx.pipeline import load_documents, resume_job, run_job
from llmx.record import RunSpec, RunStatus
from llmx.rules import RulesExtractor
from llmx.runs import FACTS_FILE, RUN_FILE, free_run_folder, read_record

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _many_documents(folder: Path, count: int) -> Path:
    """`count` distinct documents cut from the seeds, so that each has its own facts."""
    folder.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for number in range(count):
        text = texts[number % len(texts)]
        start = (number * 1_500) % max(1, len(text) - 6_000)
        (folder / f"doc{number:03}.txt").write_text(text[start : start + 6_000], encoding="utf-8")
    return folder


class _Counting:
    """The rules extractor, counting the documents it is given, in this process."""

    name = "rules"

    def __init__(self, stop_after: int | None = None) -> None:
        self.seen: list[str] = []
        self.stop_after = stop_after
        self._rules = RulesExtractor()

    def describe(self) -> RunSpec:
        return self._rules.describe()

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        if self.stop_after is not None and len(self.seen) >= self.stop_after:
            raise KeyboardInterrupt  # as Ctrl-C would, mid-job
        self.seen.extend(document.id for document in documents)
        return self._rules.extract(documents, progress)


def _uninterrupted(source: Path, runs: Path) -> bytes:
    folder, record = run_job([source], RulesExtractor(), runs_dir=runs, name="whole")
    assert record.status is RunStatus.complete
    return (folder / FACTS_FILE).read_bytes()


def test_each_document_is_journaled_with_its_facts_in_input_order(tmp_path: Path) -> None:
    folder, record = run_job([SEEDS], RulesExtractor(), runs_dir=tmp_path)
    steps = list(read_steps(folder / JOURNAL_FILE))
    assert [step.documents for step in steps] == [[p.stem] for p in sorted(SEEDS.glob("*.txt"))]
    facts = (folder / FACTS_FILE).read_bytes()
    assert steps[-1].facts_bytes == len(facts)
    all_at_once = RulesExtractor().extract(load_documents([SEEDS]).documents).facts
    assert facts.decode("utf-8") == "".join(facts_to_jsonl(all_at_once))
    assert record.stats.facts == len(all_at_once) == sum(step.stats.facts for step in steps)
    assert record.status is RunStatus.complete and record.finished


def test_a_stopped_job_leaves_a_true_partial_record_and_resumes_to_the_same_facts(
    tmp_path: Path,
) -> None:
    source = _many_documents(tmp_path / "docs", 8)
    expected = _uninterrupted(source, tmp_path / "whole")
    stopping = _Counting(stop_after=3)
    with pytest.raises(KeyboardInterrupt):
        run_job([source], stopping, runs_dir=tmp_path / "runs", name="stopped")
    [folder] = (tmp_path / "runs").iterdir()
    partial = read_record(folder / RUN_FILE)
    assert partial.status is RunStatus.interrupted and partial.finished is None
    assert partial.spec.documents == ["doc000", "doc001", "doc002"]

    resuming = _Counting()
    record = resume_job(folder, [source], resuming)
    assert resuming.seen == [f"doc{n:03}" for n in range(3, 8)]  # none done twice
    assert record.status is RunStatus.complete and record.stats.documents == 8
    assert (folder / FACTS_FILE).read_bytes() == expected
    [whole] = (tmp_path / "whole").iterdir()
    assert record.coverage == read_record(whole / RUN_FILE).coverage  # every document's
    assert len(record.coverage) == 8


def test_a_job_journaled_before_figures_were_counted_is_counted_whole_on_resume(
    tmp_path: Path,
) -> None:
    source = _many_documents(tmp_path / "docs", 6)
    _uninterrupted(source, tmp_path / "whole")
    [whole] = (tmp_path / "whole").iterdir()
    with pytest.raises(KeyboardInterrupt):
        run_job([source], _Counting(stop_after=3), runs_dir=tmp_path / "runs")
    [folder] = (tmp_path / "runs").iterdir()
    journal = folder / JOURNAL_FILE
    lines = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        del line["coverage"]  # as an llmx that did not count them wrote it
    journal.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")

    record = resume_job(folder, [source], RulesExtractor())
    assert record.coverage == read_record(whole / RUN_FILE).coverage
    assert len(record.coverage) == 6


def test_a_killed_job_resumes_without_redoing_a_finished_document(tmp_path: Path) -> None:
    """Kill a real `llmx extract` of many documents with SIGKILL mid-run, then resume it."""
    source = _many_documents(tmp_path / "docs", 60)
    expected = _uninterrupted(source, tmp_path / "whole")
    runs = tmp_path / "runs"
    command = [sys.executable, "-c", "from llmx.cli import app; app()"]
    arguments = ["extract", str(source), "--extractor", "rules", "--runs-dir", str(runs)]
    job = subprocess.Popen([*command, *arguments], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        journal = None
        while time.monotonic() < deadline and job.poll() is None:
            journal = next(runs.glob(f"*/{JOURNAL_FILE}"), None) if runs.exists() else None
            if journal and len(journal.read_bytes().splitlines()) >= 5:
                break
            time.sleep(0.02)
        assert job.poll() is None, "the job finished before it could be killed"
    finally:
        os.kill(job.pid, signal.SIGKILL)
        job.wait()
    assert journal is not None
    folder = journal.parent
    done_before = [doc for step in read_steps(journal) for doc in step.documents]
    assert 5 <= len(done_before) < 60
    assert read_record(folder / RUN_FILE).status is RunStatus.interrupted

    resuming = _Counting()
    record = resume_job(folder, [source], resuming)
    assert not set(resuming.seen) & set(done_before)
    assert len(done_before) + len(resuming.seen) == 60
    assert record.status is RunStatus.complete
    assert (folder / FACTS_FILE).read_bytes() == expected


def test_a_half_written_tail_is_cut_back_on_resume(tmp_path: Path) -> None:
    source = _many_documents(tmp_path / "docs", 4)
    expected = _uninterrupted(source, tmp_path / "whole")
    with pytest.raises(KeyboardInterrupt):
        run_job([source], _Counting(stop_after=2), runs_dir=tmp_path / "runs")
    [folder] = (tmp_path / "runs").iterdir()
    with (folder / FACTS_FILE).open("a", encoding="utf-8") as facts:
        facts.write('{"doc": "doc002", "start": 1')  # killed mid-line
    with (folder / JOURNAL_FILE).open("a", encoding="utf-8") as journal:
        journal.write('{"paths": ["')
    resume_job(folder, [source], RulesExtractor())
    assert (folder / FACTS_FILE).read_bytes() == expected


def test_two_workers_write_the_same_facts_in_document_order(tmp_path: Path) -> None:
    source = _many_documents(tmp_path / "docs", 6)
    one, _ = run_job([source], RulesExtractor(), runs_dir=tmp_path / "one")
    two, record = run_job([source], RulesExtractor(), runs_dir=tmp_path / "two", workers=2)
    assert (two / FACTS_FILE).read_bytes() == (one / FACTS_FILE).read_bytes()
    assert record.spec.documents == [f"doc{n:03}" for n in range(6)]


def test_a_job_whose_run_folder_another_job_made_first_takes_the_next_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two jobs started in one second both find the same name free; the second to make it
    # must not fail (`File exists`) but take the next free name.
    source = _many_documents(tmp_path / "docs", 1)
    runs = tmp_path / "runs"
    looked: list[Path] = []

    def free_but_taken_at_once(runs_dir: Path, name: str | None) -> Path:
        folder = free_run_folder(runs_dir, name)
        if not looked:
            folder.mkdir(parents=True)  # the other job, between our look and our make
        looked.append(folder)
        return folder

    monkeypatch.setattr("llmx.pipeline.free_run_folder", free_but_taken_at_once)
    folder, record = run_job([source], RulesExtractor(), runs_dir=runs, name="same")
    assert record.status is RunStatus.complete
    assert folder == looked[-1] != looked[0]
    assert folder.name == f"{looked[0].name}-2"


def test_a_dangling_link_with_a_run_folders_name_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A link to nowhere: `exists()` says no, but the name is taken, and the link is not ours.
    monkeypatch.setattr("llmx.runs.new_run_id", lambda name: f"20261201T000000-{name}")
    runs = tmp_path / "runs"
    runs.mkdir()
    (runs / "20261201T000000-same").symlink_to(tmp_path / "nowhere")
    assert free_run_folder(runs, "same").name == "20261201T000000-same-2"


def test_an_unreadable_file_is_recorded_and_the_job_goes_on(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = _many_documents(tmp_path / "docs", 3)
    (source / "doc001.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(source), "--runs-dir", str(tmp_path / "runs")])
    assert result.exit_code == 1
    assert f"cannot read {source / 'doc001.txt'}: file is empty" in result.output
    [folder] = (tmp_path / "runs").iterdir()
    record = read_record(folder / RUN_FILE)
    assert [item.path for item in record.unreadable] == [str(source / "doc001.txt")]
    assert record.spec.documents == ["doc000", "doc002"] and record.stats.facts > 0


def test_resume_from_the_command_line_takes_the_jobs_own_settings(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = _many_documents(tmp_path / "docs", 4)
    expected = _uninterrupted(source, tmp_path / "whole")
    runs = tmp_path / "runs"
    out = tmp_path / "facts.jsonl"
    started = runner.invoke(app, ["extract", str(source), "--runs-dir", str(runs), "-o", str(out)])
    assert started.exit_code == 0, started.output
    [folder] = runs.iterdir()
    _stop_after_two_documents(folder)

    result = runner.invoke(app, ["extract", "--resume", str(folder), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert read_record(folder / RUN_FILE).status is RunStatus.complete
    assert (folder / FACTS_FILE).read_bytes() == expected

    changed = runner.invoke(app, ["extract", "--resume", str(folder), "--model", "m"])
    assert changed.exit_code == 1
    assert "--resume carries the job on with its own settings; drop --model" in changed.output

    again = runner.invoke(app, ["extract", "--resume", str(folder)])
    assert again.exit_code == 1
    assert "the job finished (complete); nothing to resume" in again.output


def test_resume_refuses_input_files_that_changed(runner: CliRunner, tmp_path: Path) -> None:
    source = _many_documents(tmp_path / "docs", 4)
    runs = tmp_path / "runs"
    assert runner.invoke(app, ["extract", str(source), "--runs-dir", str(runs)]).exit_code == 0
    [folder] = runs.iterdir()
    _stop_after_two_documents(folder)
    (source / "doc000.txt").rename(source / "doc000-renamed.txt")
    result = runner.invoke(app, ["extract", "--resume", str(folder)])
    assert result.exit_code == 1
    assert "the input files changed since the job started" in result.output


def _stop_after_two_documents(folder: Path) -> None:
    """Make a finished run look as a job killed after its second document leaves it."""
    journal = folder / JOURNAL_FILE
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:2]))
    record = read_record(folder / RUN_FILE)
    stopped = record.model_copy(update={"status": RunStatus.interrupted, "finished": None})
    (folder / RUN_FILE).write_text(stopped.model_dump_json(), encoding="utf-8")


def test_a_job_already_running_is_not_resumed_alongside(tmp_path: Path) -> None:
    source = _many_documents(tmp_path / "docs", 3)
    with pytest.raises(KeyboardInterrupt):
        run_job([source], _Counting(stop_after=1), runs_dir=tmp_path / "runs")
    [folder] = (tmp_path / "runs").iterdir()
    journal = (folder / JOURNAL_FILE).read_bytes()
    running = FileLock(folder / ".job.lock")  # as the job's own process holds it while it runs
    with running, pytest.raises(InputError, match="another llmx is running this job"):
        resume_job(folder, [source], RulesExtractor())
    assert (folder / JOURNAL_FILE).read_bytes() == journal  # nothing cut back or appended
    assert resume_job(folder, [source], RulesExtractor()).status is RunStatus.complete


def test_ctrl_c_in_extract_names_the_run_to_resume_and_what_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmx.commands import extract

    source = _many_documents(tmp_path / "docs", 5)
    monkeypatch.setattr(extract, "build_extractor", lambda *_, **__: _Counting(stop_after=2))
    result = CliRunner().invoke(app, ["extract", str(source), "--runs-dir", str(tmp_path / "runs")])
    [folder] = (tmp_path / "runs").iterdir()
    assert result.exit_code == 130
    assert result.output.splitlines()[-1] == (
        f"llmx: error: interrupted after 2 of 5 documents: the facts of the sections finished"
        f" are in {folder}; carry on with `llmx extract --resume {folder}` (answers already"
        " paid for are cached)"
    )


def test_an_interrupted_job_writes_no_out_file_and_its_resume_writes_it_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmx.commands import extract

    source = _many_documents(tmp_path / "docs", 5)
    expected = _uninterrupted(source, tmp_path / "whole")
    out = tmp_path / "facts.jsonl"
    arguments = ["extract", str(source), "--runs-dir", str(tmp_path / "runs"), "-o", str(out)]
    with monkeypatch.context() as stopping:
        stopping.setattr(extract, "build_extractor", lambda *_, **__: _Counting(stop_after=2))
        stopped = CliRunner().invoke(app, arguments)
    assert stopped.exit_code == 130
    assert f"{out} is written when the job completes" in stopped.output
    assert not out.exists()  # a part of the facts would pass for all of them
    [folder] = (tmp_path / "runs").iterdir()
    resumed = CliRunner().invoke(app, ["extract", "--resume", str(folder)])
    assert resumed.exit_code == 0, resumed.output
    assert out.read_bytes() == expected


def _stopped_job_of_relative_paths(
    project: Path, monkeypatch: pytest.MonkeyPatch, *arguments: str
) -> Path:
    """A job run in `project` on its docs/ (four documents) by relative paths, then made to
    look killed after its second document; its run folder."""
    project.mkdir()
    _many_documents(project / "docs", 4)
    monkeypatch.chdir(project)
    assert CliRunner().invoke(app, [*arguments, "--runs-dir", "runs"]).exit_code == 0
    [folder] = (project / "runs").iterdir()
    _stop_after_two_documents(folder)
    return folder


def test_a_job_of_relative_paths_resumed_elsewhere_says_where_it_was_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started_in = tmp_path / "project"
    folder = _stopped_job_of_relative_paths(started_in, monkeypatch, "extract", "docs")
    monkeypatch.chdir(tmp_path)
    elsewhere = CliRunner().invoke(app, ["extract", "--resume", str(folder)])
    assert elsewhere.exit_code == 1
    assert elsewhere.output.splitlines()[-1] == (
        f"llmx: error: the job was started in {started_in} and names its files from there "
        f"(docs); resume it from that folder (cd {started_in})"
    )
    monkeypatch.chdir(started_in)
    assert CliRunner().invoke(app, ["extract", "--resume", str(folder)]).exit_code == 0


def test_a_moved_project_resumes_its_job_where_its_relative_paths_lead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    _stopped_job_of_relative_paths(project, monkeypatch, "extract", "docs", "-o", "facts.jsonl")
    expected = (project / "facts.jsonl").read_bytes()  # the whole job's, before it stopped
    (project / "facts.jsonl").unlink()
    moved = project.rename(tmp_path / "moved")
    monkeypatch.chdir(moved)
    resumed = CliRunner().invoke(app, ["extract", "--resume", "latest", "--runs-dir", "runs"])
    assert resumed.exit_code == 0, resumed.output
    assert (moved / "facts.jsonl").read_bytes() == expected  # -o where the project now is


def test_more_workers_than_files_start_no_more_processes_than_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from llmx import pipeline

    started: list[int | None] = []

    def counted(max_workers: int | None = None) -> ProcessPoolExecutor:
        started.append(max_workers)
        return ProcessPoolExecutor(max_workers=max_workers)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", counted)
    source = _many_documents(tmp_path / "docs", 2)
    expected = _uninterrupted(source, tmp_path / "whole")
    many, record = run_job([source], RulesExtractor(), runs_dir=tmp_path / "many", workers=64)
    assert started == [2]
    assert record.status is RunStatus.complete
    assert (many / FACTS_FILE).read_bytes() == expected


def test_resume_takes_a_run_as_every_command_names_one_latest_included(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = _many_documents(tmp_path / "docs", 3)
    runs = tmp_path / "runs"
    assert runner.invoke(app, ["extract", str(source), "--runs-dir", str(runs)]).exit_code == 0
    [folder] = runs.iterdir()
    _stop_after_two_documents(folder)
    result = runner.invoke(app, ["extract", "--resume", "latest", "--runs-dir", str(runs)])
    assert result.exit_code == 0, result.output
    assert read_record(folder / RUN_FILE).status is RunStatus.complete
