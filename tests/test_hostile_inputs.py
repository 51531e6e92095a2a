"""A battery of bad inputs and hostile cases across every command, as a new user or a hostile
tester would try them: each ends with the exit status it should, one `llmx: error:` line
naming the problem, no traceback, and nothing half-written (no temporary file, no run
folder, no output file left behind).

Every case runs `llmx.cli.main` (the installed `llmx` command) in a fresh project folder:
a short report in `docs/d.txt`, its gold in `gold/`, and a complete run of it in `runs/good`.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from llmx.cli import main

TEXT = (
    "一、2023年执行情况\n全年地区生产总值达到983亿元、增长7.2%。\n二、2024年目标\n增长6.5%左右。\n"
)
GOOD_FACT = {
    "doc": "d",
    "start": TEXT.index("983亿元"),
    "end": TEXT.index("983亿元") + 5,
    "text": "983亿元",
    "value": 98300000000,
    "unit": "元",
    "qualifier": None,
    "indicator": "地区生产总值",
    "period": "2023",
    "status": "actual",
    "kind": "level",
}
Setup = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Case:
    id: str
    setup: Setup  # makes the bad input in the project folder, returns the arguments
    says: str  # what the one error line must contain
    code: int = 1


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("OPENAI_API_KEY", "LLMX_MODEL", "LLMX_BASE_URL", "LLMX_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    _write(tmp_path / "docs" / "d.txt", TEXT)
    _write(
        tmp_path / "gold" / "manifest.json",
        json.dumps({"documents_dir": "../docs", "documents": {"d": "all"}}),
    )
    _write(tmp_path / "gold" / "d.jsonl", json.dumps(GOOD_FACT, ensure_ascii=False) + "\n")
    assert _run(["extract", "docs/d.txt", "--runs-dir", "runs"])[0] == 0
    [built] = (tmp_path / "runs").iterdir()
    built.rename(tmp_path / "runs" / "good")
    return tmp_path


def _run(arguments: list[str]) -> tuple[int, str]:
    """`llmx ARGUMENTS`: the exit status and everything printed (stdout and stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(arguments)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        else:
            code = 0
    return code, out.getvalue() + err.getvalue()


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


# --- the cases ----------------------------------------------------------------------------


def args(*arguments: str) -> Setup:
    return lambda _project: list(arguments)


def with_file(relative: str, content: str | bytes, *arguments: str) -> Setup:
    def setup(project: Path) -> list[str]:
        _write(project / relative, content)
        return list(arguments)

    return setup


def with_folder(relative: str, *arguments: str) -> Setup:
    def setup(project: Path) -> list[str]:
        (project / relative).mkdir(parents=True, exist_ok=True)
        return list(arguments)

    return setup


EXTRACT_MODEL = ("extract", "docs/d.txt", "--extractor", "llm", "--model", "m")
LOCAL = ("--base-url", "http://127.0.0.1:9/v1")

EXTRACT: list[Case] = [
    Case("missing-path", args("extract", "nope.txt"), "nope.txt: no such file or folder"),
    Case("empty-file", with_file("e.txt", "", "extract", "e.txt"), "e.txt: file is empty"),
    Case("whitespace-file", with_file("w.txt", " \n\t\n", "extract", "w.txt"), "file is empty"),
    Case(
        "binary-file",
        with_file("b.txt", b"\x00\x01\x02binary", "extract", "b.txt"),
        "looks binary",
    ),
    Case(
        "latin-1-file",
        with_file(
            "l.txt", "caf\xe9 na\xefve r\xe9sum\xe9 12%".encode("latin-1"), "extract", "l.txt"
        ),
        "not valid UTF-8",
    ),
    Case(
        "utf-16-without-bom",
        with_file("u.txt", TEXT.encode("utf-16-le"), "extract", "u.txt"),
        "UTF-16 without a byte-order mark?",
    ),
    Case(
        "folder-of-nothing", with_folder("empty", "extract", "empty"), "empty: folder has no files"
    ),
    Case("unknown-suffix", with_file("x.xyz", "12%", "extract", "x.xyz"), "cannot read .xyz"),
    Case("text-named-doc", with_file("x.doc", "12%", "extract", "x.doc"), "not a Word document"),
    Case("empty-workbook", with_file("e.xlsx", b"", "extract", "e.xlsx"), "e.xlsx: file is empty"),
    Case(
        "workbook-not-a-zip",
        with_file("g.xlsx", b"GDP 12%" * 50, "extract", "g.xlsx"),
        "g.xlsx: not a spreadsheet",
    ),
    Case(
        "damaged-old-workbook",
        with_file("d.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"C" * 600, "extract", "d.xls"),
        "d.xls: not a readable Excel 97–2003 workbook",
    ),
    Case(
        "xml-spreadsheet-2003",
        with_file(
            "x.xls",
            '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
            "extract",
            "x.xls",
        ),
        "x.xls: an XML Spreadsheet 2003 file; save it as .xlsx",
    ),
    Case(
        "opendocument-sheet",
        with_file("o.ods", b"PK", "extract", "o.ods"),
        "o.ods: an OpenDocument spreadsheet; save it as .xlsx",
    ),
    Case(
        "two-documents-one-id",
        lambda p: (
            _write(p / "a" / "same.txt", TEXT),
            _write(p / "b" / "same.txt", TEXT),
            ["extract", "a", "b"],
        )[-1],
        "two documents share the id 'same'",
    ),
    Case("dev-null", args("extract", "/dev/null"), "/dev/null: not a file"),
    Case("out-is-a-folder", with_folder("o", "extract", "docs/d.txt", "--out", "o"), "is a folder"),
    Case(
        "out-under-a-file",
        with_file("f", "x", "extract", "docs/d.txt", "--out", "f/facts.jsonl"),
        "f is a file, not a folder",
    ),
    Case(
        "out-name-too-long",
        args("extract", "docs/d.txt", "--out", "x" * 300 + ".jsonl"),
        "file name longer than 255 bytes",
    ),
    Case(
        "runs-dir-is-a-file",
        with_file("r", "x", "extract", "docs/d.txt", "--runs-dir", "r"),
        "is a file, not a folder for runs",
    ),
    Case(
        "runs-dir-under-a-file",
        with_file("r", "x", "extract", "docs/d.txt", "--runs-dir", "r/runs"),
        "cannot make the run folder",
    ),
    Case(
        "concurrency-zero", args("extract", "docs/d.txt", "--concurrency", "0"), "--concurrency", 2
    ),
    Case(
        "concurrency-text", args("extract", "docs/d.txt", "--concurrency", "x"), "--concurrency", 2
    ),
    Case("rpm-zero", args("extract", "docs/d.txt", "--rpm", "0"), "--rpm", 2),
    Case("tpm-negative", args("extract", "docs/d.txt", "--tpm", "-1"), "--tpm", 2),
    Case(
        "extractor-unknown", args("extract", "docs/d.txt", "--extractor", "gpt"), "--extractor", 2
    ),
    Case("option-unknown", args("extract", "docs/d.txt", "--bogus"), "No such option", 2),
    Case("no-paths", args("extract"), "Missing argument", 2),
    Case("temperature-high", args(*EXTRACT_MODEL, *LOCAL, "--temperature", "5"), "outside 0..2"),
    Case("temperature-nan", args(*EXTRACT_MODEL, *LOCAL, "--temperature", "nan"), "temperature"),
    Case("timeout-negative", args(*EXTRACT_MODEL, *LOCAL, "--timeout", "-1"), "timeout must be"),
    Case("timeout-zero", args(*EXTRACT_MODEL, *LOCAL, "--timeout", "0"), "timeout must be"),
    Case("timeout-infinite", args(*EXTRACT_MODEL, *LOCAL, "--timeout", "inf"), "timeout must be"),
    Case("max-tokens-zero", args(*EXTRACT_MODEL, *LOCAL, "--max-tokens", "0"), "max_tokens must"),
    Case(
        "max-tokens-text", args(*EXTRACT_MODEL, *LOCAL, "--max-tokens", "lots"), "--max-tokens", 2
    ),
    Case(
        "instructor-mode-unknown",
        args(*EXTRACT_MODEL, *LOCAL, "--instructor-mode", "xml"),
        "instructor mode 'xml' is not one of",
    ),
    Case("prompt-malformed", args(*EXTRACT_MODEL, *LOCAL, "--prompt", "Extract@@"), "name@vN"),
    Case("prompt-unknown", args(*EXTRACT_MODEL, *LOCAL, "--prompt", "nosuch@v9"), "nosuch"),
    Case(
        "prompt-of-another-mode",
        args(*EXTRACT_MODEL, *LOCAL, "--prompt", "hybrid@v1"),
        "is written for hybrid mode, not llm",
    ),
    Case("no-model", args("extract", "docs/d.txt", "--extractor", "llm"), "no model configured"),
    Case(
        "model-empty", args("extract", "docs/d.txt", "--extractor", "llm", "--model", ""), "model"
    ),
    Case(
        "remote-without-key",
        args(*EXTRACT_MODEL, "--base-url", "https://api.example.com/v1"),
        "no API key: set $OPENAI_API_KEY",
    ),
    Case(
        "offline-empty-cache",
        args(*EXTRACT_MODEL, *LOCAL, "--offline", "--cache-dir", "c"),
        "--offline: 2 of 2 sections have no cached answer",
    ),
    Case(
        "server-down",
        lambda _p: [*EXTRACT_MODEL, "--base-url", f"http://127.0.0.1:{_closed_port()}/v1"],
        "(connection refused): is the server running, and is --base-url right?",
    ),
    Case("config-missing", args(*EXTRACT_MODEL, "--config", "no.toml"), "no such config file"),
    Case("config-folder", with_folder("cf", *EXTRACT_MODEL, "--config", "cf"), "cf"),
    Case(
        "config-not-toml",
        with_file("c.toml", "model = [unclosed", *EXTRACT_MODEL, "--config", "c.toml"),
        "not a readable TOML file",
    ),
    Case(
        "config-not-utf-8",
        with_file("c.toml", b"model = '\xff\xfe'", *EXTRACT_MODEL, "--config", "c.toml"),
        "not a readable TOML file",
    ),
    Case(
        "config-with-a-key",
        with_file("c.toml", 'api_key = "sk-1"\n', *EXTRACT_MODEL, "--config", "c.toml"),
        "do not put API keys in files",
    ),
    Case(
        "config-unknown-setting",
        with_file("c.toml", "colour = 1\n", *EXTRACT_MODEL, "--config", "c.toml"),
        "unknown setting(s): colour",
    ),
    Case(
        "config-bad-price",
        with_file("c.toml", '[prices.m]\ninput = "free"\n', *EXTRACT_MODEL, "--config", "c.toml"),
        "price of 'm' needs numbers",
    ),
    Case(
        "config-model-a-number",
        with_file("c.toml", "model = 5\n", *EXTRACT_MODEL, *LOCAL, "--config", "c.toml"),
        "model must be a name or a [model] table, not 5",
    ),
    Case(
        "config-prices-a-list",
        with_file("c.toml", "prices = [1, 2]\n", *EXTRACT_MODEL, *LOCAL, "--config", "c.toml"),
        "prices must be tables [prices.<model>]",
    ),
    Case(
        "config-model-named-like-a-key",  # the name is no key: the job reaches the server
        with_file(
            "c.toml",
            'model = "my_api_key_model"\n',
            "extract",
            "docs/d.txt",
            *LOCAL,
            "--config",
            "c.toml",
            "--offline",
        ),
        "have no cached answer",
    ),
    Case(
        "config-timeout-text",
        with_file("c.toml", 'timeout = "soon"\n', *EXTRACT_MODEL, *LOCAL, "--config", "c.toml"),
        "timeout must be a number",
    ),
]

BASE_URLS = {
    "query": ("http://127.0.0.1:9/v1?api-version=2", "has a query or fragment"),
    "fragment": ("http://127.0.0.1:9/v1#x", "has a query or fragment"),
    "endpoint": ("http://127.0.0.1:9/v1/chat/completions", "names the endpoint"),
    "no-scheme": ("127.0.0.1:9/v1", "is not an http(s) URL"),
    "ftp": ("ftp://example.com/v1", "is not an http(s) URL"),
    "bad-port": ("http://127.0.0.1:99999/v1", "has an invalid port"),
    "spaces": ("http://127.0.0.1:9/ v1", "contains spaces"),
    "no-host": ("http:///v1", "is not an http(s) URL"),
    "key-in-query": ("https://api.example.com/v1?key=sk-secret", "has a query or fragment"),
}
EXTRACT += [
    Case(f"base-url-{name}", args(*EXTRACT_MODEL, "--base-url", url), says)
    for name, (url, says) in BASE_URLS.items()
]
EXTRACT += [
    Case(
        f"compare-base-url-{name}",
        args(
            "compare",
            "docs/d.txt",
            "--extractor",
            "rules",
            "--extractor",
            "llm",
            "--model",
            "m",
            "--base-url",
            url,
            "--out",
            "r.html",
        ),
        says,
    )
    for name, (url, says) in BASE_URLS.items()
]

# A run folder broken in each way a run can be: every command that reads runs must say so.
BROKEN_RUNS: dict[str, tuple[str, str | bytes, str]] = {
    "run-json-list": ("run.json", "[1, 2]", "not a run record (a JSON object), but a list"),
    "run-json-broken": ("run.json", "{", "run.json: not valid JSON"),
    "run-json-latin-1": ("run.json", '{"id": "é"}'.encode("latin-1"), "not UTF-8 text"),
    "run-json-no-mode": (
        "run.json",
        '{"version": 1, "id": "x", "spec": {"extractor": "rules"}}',
        "spec.mode: Field required",
    ),
    "run-json-bad-status": (
        "run.json",
        '{"version": 1, "id": "x", "spec": {"extractor": "r", "mode": "r"}, "status": "meh"}',
        "status: Input should be",
    ),
    "run-json-from-a-newer-llmx": (
        "run.json",
        '{"version": 99, "id": "x", "spec": {"extractor": "r", "mode": "r"}}',
        "version: written by a newer llmx (record version 99",
    ),
    "run-json-documents-not-list": (
        "run.json",
        '{"version": 1, "id": "x", "spec": {"extractor": "r", "mode": "r", "documents": 5}}',
        "spec.documents: Input should be a valid list",
    ),
    "facts-latin-1": ("facts.jsonl", b'{"doc": "\xe9"}\n', "facts.jsonl: not UTF-8 text"),
    "facts-not-json": ("facts.jsonl", "{not json}\n", "facts.jsonl:1: not a fact"),
    "facts-list-line": ("facts.jsonl", "[1]\n", "facts.jsonl:1: not a fact"),
    "facts-nan": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "value": float("nan")}) + "\n",
        "value: value nan is not a finite number",
    ),
    "facts-infinite": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "value": float("inf")}) + "\n",
        "value: value inf is not a finite number",
    ),
    "facts-negative-start": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "start": -3}) + "\n",
        "facts.jsonl:1: not a fact: start: Input should be greater than or equal to 0",
    ),
    "facts-reversed-span": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "start": 30, "end": 20}) + "\n",
        "is empty or reversed",
    ),
    "facts-bad-status": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "status": "planned"}) + "\n",
        "status: Input should be 'actual' or 'target'",
    ),
    "facts-unknown-field": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "colour": "red"}) + "\n",
        "colour: Extra inputs are not permitted",
    ),
    "facts-span-past-the-end": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "start": 900, "end": 905}, ensure_ascii=False) + "\n",
        "facts.jsonl:1: end: span [900:905] is past the end of d",
    ),
    "facts-quote-not-the-document": (
        "facts.jsonl",
        json.dumps({**GOOD_FACT, "text": "984亿元"}, ensure_ascii=False) + "\n",
        "facts.jsonl:1: text: '984亿元' is not the document's text '983亿元'",
    ),
    "failures-broken": ("failures.jsonl", '{"doc": 1}\n', "failures.jsonl:1: not a failure"),
    "no-facts-file": ("facts.jsonl", "", "not a run (needs run.json and facts.jsonl)"),
}


def broken_run(name: str, command: str) -> Case:
    file, content, says = BROKEN_RUNS[name]

    def setup(project: Path) -> list[str]:
        if name == "no-facts-file":
            (project / "runs" / "good" / file).unlink()
        else:
            _write(project / "runs" / "good" / file, content)
        if command == "eval":
            return ["eval", "runs/good", "--gold-dir", "gold"]
        return ["report", "runs/good", "--out", "out/r.html", "--gold-dir", "gold"]

    return Case(f"{command}-{name}", setup, says)


RUNS: list[Case] = [
    broken_run(name, command) for command in ("eval", "report") for name in BROKEN_RUNS
]

# A gold folder broken in each way: every command reading gold names the problem.
BROKEN_GOLD: dict[str, tuple[str, str | bytes, str]] = {
    "manifest-broken": ("manifest.json", "{", "manifest.json:1: not a JSON manifest"),
    "manifest-list": ("manifest.json", "[]", 'needs a "documents" object'),
    "manifest-latin-1": ("manifest.json", '{"x": "é"}'.encode("latin-1"), "not UTF-8 text"),
    "manifest-documents-list": ("manifest.json", '{"documents": ["d"]}', 'needs a "documents"'),
    "manifest-covered-number": (
        "manifest.json",
        '{"documents_dir": "../docs", "documents": {"d": 5}}',
        'documents.d: give "all" or a list of section ids',
    ),
    "manifest-document-escapes": (
        "manifest.json",
        '{"documents_dir": "../docs", "documents": {"../../etc/passwd": "all"}}',
        "is not a document id",
    ),
    "manifest-document-missing": (
        "manifest.json",
        '{"documents_dir": "../docs", "documents": {"nope": "all"}}',
        "nope.txt: no such file",
    ),
    "manifest-sources-list": (
        "manifest.json",
        '{"documents_dir": "../docs", "documents": {"d": "all"}, "sources": ["http://a"]}',
        '"sources" must map document ids to URLs',
    ),
    "manifest-source-not-a-url": (
        "manifest.json",
        '{"documents_dir": "../docs", "documents": {"d": "all"}, "sources": {"d": 5}}',
        "sources.d: give the page's URL",
    ),
    "manifest-source-of-no-document": (
        "manifest.json",
        '{"documents_dir": "../docs", "documents": {"d": "all"},'
        ' "sources": {"d": "http://a", "e": "http://b"}}',
        "sources.e: not a document of this set",
    ),
    "manifest-missing": ("manifest.json", None, "manifest.json: no gold manifest"),  # type: ignore[dict-item]
    "gold-file-latin-1": ("d.jsonl", b'{"doc": "\xe9"}\n', "d.jsonl: not UTF-8 text"),
    "gold-file-bad-line": ("d.jsonl", '{"doc": 1}\n', "d.jsonl:1:"),
}
GOLD_COMMANDS = {
    "validate": ["gold", "validate", "--gold-dir", "gold"],
    "stats": ["gold", "stats", "--gold-dir", "gold"],
    "eval": ["eval", "runs/good", "--gold-dir", "gold"],
    "report": ["report", "runs/good", "--out", "out/r.html", "--gold-dir", "gold"],
}


def broken_gold(name: str, command: str) -> Case:
    file, content, says = BROKEN_GOLD[name]

    def setup(project: Path) -> list[str]:
        if content is None:
            (project / "gold" / file).unlink()
        else:
            _write(project / "gold" / file, content)
        return list(GOLD_COMMANDS[command])

    if command == "validate" and file == "d.jsonl":
        # Each problem is listed on a line of its own above: here every missing field.
        says = "8 problems in 1 gold files" if "bad-line" in name else "1 problems in 1 gold"
    return Case(f"{command}-{name}", setup, says)


GOLD: list[Case] = [broken_gold(name, command) for command in GOLD_COMMANDS for name in BROKEN_GOLD]
GOLD += [
    Case("gold-dir-missing", args("gold", "validate", "--gold-dir", "nope"), "no gold manifest"),
    Case(
        "gold-dir-is-a-file",
        with_file("gf", "x", "gold", "stats", "--gold-dir", "gf"),
        "gf: is a file, not a gold folder",
    ),
    Case(
        "export-out-folder",
        with_folder("o", "gold", "export", "--out", "o", "--gold-dir", "gold"),
        "is a folder",
    ),
    Case("export-no-out", args("gold", "export", "--gold-dir", "gold"), "Missing option", 2),
    Case(
        "agreement-sample-missing",
        args("gold", "agreement", "--sample", "no.json", "--gold-dir", "gold"),
        "no.json: no such file",
    ),
    Case(
        "agreement-sample-broken",
        with_file("s.json", "{", "gold", "agreement", "--sample", "s.json", "--gold-dir", "gold"),
        "s.json:1: not valid JSON",
    ),
    Case(
        "agreement-sample-list",
        with_file("s.json", "[]", "gold", "agreement", "--sample", "s.json", "--gold-dir", "gold"),
        "s.json: not a JSON object, but a list",
    ),
    Case(
        "agreement-sample-bad-ranges",
        with_file(
            "s.json",
            '{"ranges": [{"x": 1}]}',
            "gold",
            "agreement",
            "--sample",
            "s.json",
            "--gold-dir",
            "gold",
        ),
        "ranges: needs a list of {doc, start, end} objects",
    ),
    Case(
        "agreement-second-missing",
        with_file(
            "s.json",
            '{"ranges": []}',
            "gold",
            "agreement",
            "--sample",
            "s.json",
            "--second",
            "no.jsonl",
            "--gold-dir",
            "gold",
        ),
        "no.jsonl: no such file",
    ),
    Case(
        "agreement-second-bad-line",
        lambda p: (
            _write(p / "s.json", '{"ranges": []}'),
            _write(p / "second.jsonl", "nope\n"),
            [
                "gold",
                "agreement",
                "--sample",
                "s.json",
                "--second",
                "second.jsonl",
                "--gold-dir",
                "gold",
            ],
        )[-1],
        "second.jsonl:1: not a fact",
    ),
]

EVAL_REPORT: list[Case] = [
    # No RUN: the latest, runs/good; with no gold where the project keeps it, says where.
    Case("eval-nothing", args("eval"), "no gold set at evals/gold/manifest.json"),
    Case("eval-missing-run", args("eval", "nope"), "nope: no run folder, run id or run name"),
    Case("eval-not-a-run", with_folder("notrun", "eval", "notrun"), "not a run (needs run.json"),
    Case("eval-half-unknown", args("eval", "runs/good", "--half", "both"), "--half", 2),
    Case(
        "eval-half-unsplit",
        args("eval", "runs/good", "--half", "test", "--gold-dir", "gold"),
        "has no source URLs, so it has no halves",
    ),
    Case("eval-sections-negative", args("eval", "runs/good", "--sections", "-1"), "--sections", 2),
    Case("eval-examples-text", args("eval", "runs/good", "--examples", "x"), "--examples", 2),
    Case("eval-too-many", args("eval", "runs/good", "runs/good"), "unexpected extra argument", 2),
    Case(
        "eval-baseline-unknown",
        with_file(
            "b.json",
            '{"configurations": [{"name": "rules"}]}',
            "eval",
            "--update-baseline",
            "nosuch",
            "--baselines",
            "b.json",
        ),
        "no configuration 'nosuch' in the baselines (there is: rules)",
    ),
    Case(
        "eval-baselines-missing",
        args("eval", "--update-baseline", "rules", "--baselines", "nope.json"),
        "nope.json: no such file",
    ),
    Case(
        "eval-baselines-broken",
        with_file("b.json", "{", "eval", "--update-baseline", "rules", "--baselines", "b.json"),
        "b.json: not valid JSON",
    ),
    Case(
        "eval-baselines-list",
        with_file("b.json", "[]", "eval", "--update-baseline", "rules", "--baselines", "b.json"),
        "not a baselines file",
    ),
    Case(
        "eval-baselines-bad-metric",
        with_file(
            "b.json",
            '{"metrics": ["speed"]}',
            "eval",
            "--update-baseline",
            "rules",
            "--baselines",
            "b.json",
        ),
        "unknown metric(s) speed",
    ),
    Case("report-nothing", args("report"), "no gold set at evals/gold/manifest.json"),
    Case("report-missing-run", args("report", "nope"), "nope: no run folder, run id or run name"),
    Case(
        "report-out-folder",
        with_folder("o.html", "report", "runs/good", "--out", "o.html", "--gold-dir", "gold"),
        "is a folder, not a file",
    ),
    Case(
        "report-out-markdown",
        args("report", "runs/good", "--out", "r.md", "--gold-dir", "gold"),
        "the report is HTML; name an .html file",
    ),
    Case(
        "report-out-no-suffix",
        args("report", "runs/good", "--out", "report", "--gold-dir", "gold"),
        "the report is HTML",
    ),
    Case(
        "report-twin-exists",
        with_file(
            "README.md",
            "# mine\n",
            "report",
            "runs/good",
            "--out",
            "README.html",
            "--gold-dir",
            "gold",
        ),
        "README.md exists and is not a report llmx wrote",
    ),
    Case(
        "report-out-under-a-file",
        with_file("f", "x", "report", "runs/good", "--out", "f/r.html", "--gold-dir", "gold"),
        "f is a file, not a folder",
    ),
    Case(
        "report-gold-missing",
        args("report", "runs/good", "--out", "r.html", "--gold-dir", "nope"),
        "no gold manifest",
    ),
    Case(
        "report-source-sections-text",
        args("report", "runs/good", "--source-sections", "all"),
        "--source-sections",
        2,
    ),
    Case(
        "report-source-sections-below-every",
        args("report", "runs/good", "--source-sections", "-5"),
        "greater than or equal to -1",
        2,
    ),
    Case("compare-one", args("compare", "docs/d.txt"), "compare needs two or more configurations"),
    Case(
        "compare-out-markdown",
        args(
            "compare",
            "docs/d.txt",
            "--extractor",
            "rules",
            "--extractor",
            "llm",
            "--model",
            "m",
            "--out",
            "r.md",
        ),
        "the report is HTML",
    ),
    Case(
        "compare-twin-exists",
        with_file(
            "r.md",
            "mine",
            "compare",
            "docs/d.txt",
            "--prompt",
            "extract@v1",
            "--prompt",
            "extract@v2",
            "--model",
            "m",
            "--out",
            "r.html",
        ),
        "r.md exists and is not a report llmx wrote",
    ),
    Case(
        "compare-extractor-unknown",
        args(
            "compare",
            "docs/d.txt",
            "--extractor",
            "rules",
            "--extractor",
            "magic",
            "--model",
            "m",
            "--out",
            "r.html",
            "--gold-dir",
            "gold",
        ),
        "extractor 'magic' is not one of rules, numerals, llm, hybrid",
    ),
    Case(
        "compare-documents-missing",
        args(
            "compare",
            "nope",
            "--prompt",
            "extract@v1",
            "--prompt",
            "extract@v2",
            "--model",
            "m",
            "--out",
            "r.html",
        ),
        "nope: no such file or folder",
    ),
    Case(
        "compare-offline-not-cached",
        args(
            "compare",
            "docs/d.txt",
            "--prompt",
            "extract@v1",
            "--prompt",
            "extract@v2",
            "--model",
            "m",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--offline",
            "--out",
            "r.html",
            "--gold-dir",
            "gold",
        ),
        "needs model answers that are not cached",
    ),
]

OUTPUTS: list[Case] = [
    Case(
        "export-over-a-runs-facts",
        args("export", "runs/good", "--runs-dir", "runs", "-o", "runs/good/facts.jsonl"),
        "inside the run folder",
    ),
    Case(
        "export-into-a-runs-documents",
        args("export", "runs/good", "--runs-dir", "runs", "-o", "runs/good/documents/d.csv"),
        "inside the run folder",
    ),
    Case(
        "report-into-a-run",
        args("report", "runs/good", "--runs-dir", "runs", "--out", "runs/good/r.html"),
        "inside the run folder",
    ),
    Case(
        "extract-a-byte-order-mark-alone",
        with_file(
            "docs/bom.txt", b"\xef\xbb\xbf\n", "extract", "docs/bom.txt", "--runs-dir", "runs"
        ),
        "docs/bom.txt: file is empty",
    ),
    Case(
        "runs-listing-a-file", args("runs", "--runs-dir", "docs/d.txt"), "is a file, not a folder"
    ),
    Case(
        "eval-runs-dir-is-a-file",
        args("eval", "--runs-dir", "docs/d.txt", "--gold-dir", "gold"),
        "is a file, not a folder for runs",
    ),
    Case(
        "extract-workers-past-the-most",
        args("extract", "docs/d.txt", "--runs-dir", "runs", "--workers", "100000"),
        "less than or equal to 64",
        2,
    ),
    Case(
        "extract-out-over-its-input",
        args("extract", "docs/d.txt", "--runs-dir", "runs", "-o", "docs/d.txt"),
        "is one of the input files",
    ),
]

CACHE: list[Case] = [
    Case(
        "cache-stats-on-a-file",
        with_file("cf", "x", "cache", "stats", "--cache-dir", "cf"),
        "cf: is a file, not a cache folder",
    ),
    Case(
        "cache-prune-on-a-file",
        with_file("cf", "x", "cache", "prune", "--cache-dir", "cf"),
        "cf: is a file, not a cache folder",
    ),
    Case("cache-prune-age-word", args("cache", "prune", "--older-than", "soon"), "not an age"),
    Case("cache-prune-age-negative", args("cache", "prune", "--older-than", "-5d"), "not an age"),
    Case("cache-prune-age-empty", args("cache", "prune", "--older-than", ""), "not an age"),
    Case("cache-prune-age-unit", args("cache", "prune", "--older-than", "3w"), "not an age"),
    Case(
        "cache-prune-all-and-model",
        args("cache", "prune", "--all", "--model", "m"),
        "--all removes everything",
    ),
    Case(
        "cache-prune-all-and-age",
        args("cache", "prune", "--all", "--older-than", "3d"),
        "--all removes everything",
    ),
    Case("cache-unknown-command", args("cache", "purge"), "No such command 'purge'", 2),
    Case("unknown-command", args("extrakt", "docs/d.txt"), "No such command 'extrakt'", 2),
]

CASES = [*EXTRACT, *RUNS, *GOLD, *EVAL_REPORT, *OUTPUTS, *CACHE]


def test_the_battery_is_big_enough() -> None:
    assert len(CASES) >= 150, len(CASES)
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_bad_input_is_one_line_naming_the_problem_and_leaves_nothing_half_written(
    project: Path, case: Case
) -> None:
    arguments = case.setup(project)
    before = _files(project)
    code, output = _run(arguments)
    assert code == case.code, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("llmx: error:")]
    assert len(errors) == 1, output
    assert case.says in errors[0], errors[0]
    assert "sk-secret" not in output
    written = _files(project) - before
    assert not [path for path in written if path.suffix == ".tmp"]
    assert not [path for path in written if path.name in ("run.json", "facts.jsonl")], written
    assert not [path for path in written if path.suffix in (".html", ".md", ".parquet")], written
    assert len(list((project / "runs").iterdir())) == 1  # no run folder, whole or half


@pytest.mark.parametrize(
    "arguments",
    [
        ["extract", "docs/d.txt", "--name", "x" * 300],
        ["extract", "docs/d.txt", "--name", "../../../etc/passwd"],
        ["extract", "docs/d.txt", "--name", "名字 with spaces/and\\slashes"],
        ["cache", "stats", "--cache-dir", "does-not-exist"],
        ["cache", "prune", "--cache-dir", "does-not-exist", "--dry-run"],
    ],
    ids=["long-name", "traversal-name", "odd-name", "stats-no-cache", "prune-no-cache"],
)
def test_hostile_but_valid_input_works_and_stays_inside_the_project(
    project: Path, arguments: list[str]
) -> None:
    code, output = _run(arguments)
    assert code == 0, output
    assert "Traceback" not in output
    for run in (project / "runs").iterdir():
        assert run.parent == project / "runs" and len(run.name) <= 100


@pytest.mark.parametrize("extractor", ["rules", "numerals"])
def test_a_figure_of_hundreds_of_digits_is_read_past_not_crashed_on(
    project: Path, extractor: str
) -> None:
    _write(project / "docs" / "big.txt", "地区生产总值增长" + "9" * 320 + "%，全年增长6.5%。\n")
    code, output = _run(["extract", "docs/big.txt", "--extractor", extractor, "-o", "big.jsonl"])
    assert code == 0, output
    assert "Traceback" not in output
    facts = [json.loads(line) for line in (project / "big.jsonl").read_text().splitlines()]
    assert [fact["text"] for fact in facts] == ["6.5%"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_out_folder_that_takes_no_file_is_named_before_the_job_runs(project: Path) -> None:
    # /proc passes the permission checks (as root) and takes no file: found by trying.
    code, output = _run(["extract", "docs/d.txt", "--runs-dir", "runs", "-o", "/proc/out.jsonl"])
    assert code == 1
    assert output.splitlines()[-1] == (
        "llmx: error: --out /proc/out.jsonl: cannot write there (No such file or directory)"
    )
    assert len(list((project / "runs").iterdir())) == 1  # no run made: only the fixture's


def test_an_out_path_climbing_out_of_a_run_folder_is_outside_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "runs" / "good")
    code, output = _run(["export", ".", "-o", "../../out.csv"])
    assert code == 0, output
    assert (project / "out.csv").is_file()


def test_an_out_path_through_a_link_into_a_run_folder_is_refused(project: Path) -> None:
    (project / "into-the-run").symlink_to(project / "runs" / "good")
    code, output = _run(["export", "runs/good", "--runs-dir", "runs", "-o", "into-the-run/x.csv"])
    assert code == 1
    assert "inside the run folder" in output.splitlines()[-1]
    assert not (project / "runs" / "good" / "x.csv").exists()


def test_a_run_json_and_facts_far_above_do_not_make_a_run_folder_of_everything(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another tool's run.json beside a facts.jsonl `extract -o` wrote, two folders up.
    _write(project / "run.json", "{}")
    _write(project / "facts.jsonl", "")
    code, output = _run(["export", "runs/good", "--runs-dir", "runs", "-o", "out/sub/x.csv"])
    assert code == 0, output


def test_a_link_that_loops_among_the_inputs_with_an_out_file_is_named_not_crashed_on(
    project: Path,
) -> None:
    (project / "docs" / "loop.txt").symlink_to(project / "docs" / "loop.txt")
    code, output = _run(["extract", "docs", "--runs-dir", "runs", "-o", "facts.jsonl"])
    assert code == 1
    assert "Traceback" not in output
    assert "loop.txt: a link to nothing" in output
