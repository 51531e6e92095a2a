"""The typed run record: written as run.json + failures.jsonl, read back as the same type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.extraction import Extraction
from llmx.facts import Fact
from llmx.record import RECORD_VERSION, RunRecord, RunSpec, RunStats, RunStatus, SectionFailure
from llmx.runs import load_run, record_of, write_run

FACT = Fact(
    doc="d",
    start=0,
    end=2,
    text="5%",
    value=5,
    unit="%",
    indicator="x",
    status="actual",
    kind="change",
)
FAILURE = SectionFailure(
    doc="d",
    section="2",
    error="ValidationError",
    summary="answer failed validation after 3 attempts: facts.0.value: must be a number",
    message="3 validation errors for ExtractedFacts\nfacts.0.value\n  must be a number\n…",
    raw_answer='{"facts": [{"value": "many"}]}',
    attempts=3,
)


def _written(tmp_path: Path, failures: list[SectionFailure], sections: int = 3) -> Path:
    extraction = Extraction([FACT], RunStats(sections=sections, sections_asked=sections), failures)
    spec = RunSpec(extractor="llm", mode="llm", model="m", documents=["d"])
    record = record_of(tmp_path / "run", extraction, spec=spec, started="s", finished="f")
    return write_run(tmp_path / "run", record, [FACT]).path


def test_a_run_reads_back_as_the_record_it_was_written_as(tmp_path: Path) -> None:
    folder = _written(tmp_path, [FAILURE])
    run = load_run(folder)
    assert run.record.version == RECORD_VERSION and run.record.spec.model == "m"
    assert run.record.status is RunStatus.partial
    assert run.record.stats.facts == 1 and run.record.stats.sections_failed == 1
    assert run.record.failures == [FAILURE]  # full message and raw answer kept
    assert "raw_answer" not in (folder / "run.json").read_text()  # they live in failures.jsonl
    assert json.loads((folder / "failures.jsonl").read_text())["attempts"] == 3


@pytest.mark.parametrize(
    ("failed", "status"),
    [(0, RunStatus.complete), (1, RunStatus.partial), (3, RunStatus.failed)],
)
def test_the_status_says_how_many_sections_got_their_facts(
    tmp_path: Path, failed: int, status: RunStatus
) -> None:
    failures = [FAILURE.model_copy(update={"section": str(n)}) for n in range(failed)]
    assert load_run(_written(tmp_path, failures)).record.status is status


def test_a_section_that_fell_back_to_rules_makes_the_run_partial_not_failed(
    tmp_path: Path,
) -> None:
    fallen = [FAILURE.model_copy(update={"section": str(n), "fallback": "rules"}) for n in range(3)]
    record = load_run(_written(tmp_path, fallen)).record
    assert record.status is RunStatus.partial
    assert (record.stats.sections_failed, record.stats.sections_fallback) == (0, 3)


def test_failures_group_by_kind_with_a_count_and_the_first_example() -> None:
    other = FAILURE.model_copy(update={"error": "HTTP 500", "section": "9"})
    record = RunRecord(
        id="r",
        spec=RunSpec(extractor="llm", mode="llm"),
        failures=[FAILURE, other, FAILURE.model_copy(update={"section": "5"})],
    )
    assert [(kind, count, first.section) for kind, count, first in record.failure_kinds()] == [
        ("ValidationError", 2, "2"),
        ("HTTP 500", 1, "9"),
    ]


def test_a_run_json_from_before_the_record_was_typed_still_loads(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "facts.jsonl").write_text("")
    old = {
        "id": "old",
        "extractor": "llm",
        "mode": "llm",
        "model": "m",
        "prompt": "extract@v1",
        "documents": ["d"],
        "concurrency": 4,
        "calls": 7,
        "dropped_ungrounded": 2,
        "facts_proposed": 10,
        "sections": 2,
        "failures": ["d §1: HTTP 500 from the model server after 7 requests"],
    }
    (folder / "run.json").write_text(json.dumps(old))
    record = load_run(folder).record
    assert (record.version, record.spec.prompt, record.spec.limits.concurrency) == (
        0,
        "extract@v1",
        4,
    )
    assert (record.stats.calls, record.stats.dropped_ungrounded) == (7, 2)
    assert record.status is RunStatus.partial
    assert record.failures[0].where == "d §1"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"[1, 2]", "not a run record (a JSON object), but a list"),
        (b"{", "not valid JSON"),
        ('{"id": "é"}'.encode("latin-1"), "not UTF-8 text (byte 8); save it as UTF-8"),
        (b'{"version": 1, "id": "x", "spec": {"extractor": "rules"}}', "spec.mode: Field required"),
        (
            b'{"version": 1, "id": "x", "spec": {"extractor": "r", "mode": "r"}, "status": "odd"}',
            "status: Input should be",
        ),
    ],
    ids=["list", "broken-json", "latin-1", "missing-field", "bad-status"],
)
def test_a_bad_run_json_is_one_line_naming_the_file_and_field(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    folder = _written(tmp_path, [])
    (folder / "run.json").write_bytes(content)
    with pytest.raises(InputError, match=r"run\.json") as raised:
        load_run(folder)
    assert problem in str(raised.value) and "\n" not in str(raised.value)
