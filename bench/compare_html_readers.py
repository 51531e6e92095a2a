"""Compare llmx's HTML reader with trafilatura and readability-lxml on the seed renderings.

Run:  .venv/bin/python bench/compare_html_readers.py
trafilatura and readability-lxml are not llmx dependencies: install them into a scratch
environment (`pip install trafilatura readability-lxml lxml`) and run this with that
environment's python and `PYTHONPATH=.` (it needs pydantic and charset-normalizer
too); a library that is not installed is skipped.
Counts furniture words that reach the text (of the probes below, per page), table rows kept
and time for the five pages (best of 3, warm).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llmx.readers.html import decode_page  # noqa: E402
from llmx.readers.html import read as read_html  # noqa: E402

PAGES = sorted((ROOT / "evals" / "renderings" / "html").glob("*.html"))
FURNITURE = (
    *("当前位置", "发布时间", "浏览次数", "字体", "分享到", "网站标识码", "ICP备", "公网安备"),
    *("联系电话", "主办单位", "相关链接", "互动交流", "无障碍浏览", "打印本页", "复制链接"),
)


def _llmx(path: Path) -> tuple[str, int]:
    text = read_html(path).text
    return text, len(re.findall(r"^\| (?!---)", text, re.M))


def _trafilatura(path: Path) -> tuple[str, int]:
    import trafilatura

    page, _ = decode_page(path.read_bytes(), str(path))
    text = trafilatura.extract(page, include_tables=True, output_format="markdown") or ""
    return text, len(re.findall(r"^\|(?!-)", text, re.M))


def _readability(path: Path) -> tuple[str, int]:
    from readability import Document

    page, _ = decode_page(path.read_bytes(), str(path))
    summary = Document(page).summary()
    return re.sub(r"<[^>]+>", "", summary), len(re.findall(r"<tr", summary))


def main() -> None:
    readers: dict[str, Callable[[Path], tuple[str, int]]] = {
        "llmx html.py": _llmx,
        "trafilatura": _trafilatura,
        "readability-lxml": _readability,
    }
    print("reader            furniture words  table rows  seconds (5 pages)")
    for name, reader in readers.items():
        try:
            reader(PAGES[0])  # warm up: imports, first parse
        except ImportError:
            print(f"{name:17} not installed, skipped")
            continue
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            results = [reader(page) for page in PAGES]
            best = min(best, time.perf_counter() - started)
        leaked = sum(word in text for text, _ in results for word in FURNITURE)
        rows = sum(count for _, count in results)
        print(f"{name:17} {leaked:15} {rows:11} {best:18.3f}")


if __name__ == "__main__":
    main()
