"""Benchmark: the rules extractor on table pages as published, and on hostile shapes.

Run:  .venv/bin/python bench/bench_shapes.py
      .venv/bin/python bench/bench_shapes.py --only "prose with no line breaks"   # some shapes
Writes bench/results/shapes.json. Pinned to one core where the OS allows.

Two questions. How fast is a job over the wide gold's dev-half excerpts, whose tables come
in every layout the finders know (the seeds are one layout, so `bench_rules.py` does not ask
this)? And does any finder go quadratic on text built to look like its layout but never
end: each shape at two sizes, four times apart, so a ratio near 4 says linear and one near
16 says quadratic.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_rules import time_extraction  # noqa: E402

from llmx.documents import Document  # noqa: E402
from llmx.gold import load_gold  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402

WIDE = ROOT / "evals" / "wide"
SMALL = 5_000  # lines (or cells) of the smaller size of each shape


def _number(rng: random.Random) -> str:
    return f"{rng.random() * 1000:.1f}"


def one_cell_lines(size: int, rng: random.Random) -> str:
    """A web table copied one cell per line that never settles into rows."""
    cells = ("指标", "|", "", "2019", "增长%", "地区生产总值(亿元)")
    picked = (rng.choice(cells) if rng.random() < 0.5 else _number(rng) for _ in range(size))
    return "".join(f"{cell}\n" for cell in picked)


def one_line_pipes(size: int, rng: random.Random) -> str:
    """A table flattened onto one line: pipes between every cell, no line breaks."""
    return "|".join("地区" if index % 7 == 0 else _number(rng) for index in range(size * 4))


def spaced_rows(size: int, rng: random.Random) -> str:
    """Rows of a label spaced one character apart, then numbers in space-aligned columns."""
    label = " ".join("本地生产总值")
    rows = (label + "   " + "   ".join(_number(rng) for _ in range(5)) for _ in range(size))
    return "\n".join(rows)


def year_rows(size: int, rng: random.Random) -> str:
    """Header lines of years between label-and-numbers rows, thirty columns wide."""
    years = " ".join(str(1990 + offset) for offset in range(30))
    return "\n".join(
        years if index % 3 == 0 else "人口(万人) " + " ".join(_number(rng) for _ in range(30))
        for index in range(size)
    )


def piped_labels(size: int, rng: random.Random) -> str:
    """Lines of a label closed by a pipe, a budget ledger's headings without its coded items."""
    return "".join(f"项目{rng.randrange(1000)} |\n" for _ in range(size))


def comma_lines(size: int, rng: random.Random) -> str:
    """Lines of names and figures between commas, each with a quote left open: a CSV header
    tried at every line, never closing into records."""
    return "".join(
        f'名称{rng.randrange(1000)},"未闭合,{_number(rng)},{_number(rng)}\n' for _ in range(size)
    )


def pipe_line_cells(size: int, rng: random.Random) -> str:
    """A word, then a lone pipe line, over and over: header cells of a table set a column to
    a cell whose blocks never come."""
    return "标题\n表1\n" + "".join(f"名称{rng.randrange(1000)}\n|\n" for _ in range(size))


def header_words(size: int, rng: random.Random) -> str:
    """Words that head a table's labels (项目, 名称), a line each and nothing else: every one
    could open a label-then-value grid or a table a cell per line, none does."""
    return "".join(f"{rng.choice(('项目', '指标', '名称'))}\n" for _ in range(size))


def headers_between_pipe_runs(size: int, rng: random.Random) -> str:
    """A header word, then fifty lone pipe lines (a wide row's empty cells), over and over."""
    return "".join(f"{rng.choice(('项目', '名称'))}\n" + "|\n" * 50 for _ in range(size // 25))


def digit_run(size: int, rng: random.Random) -> str:
    """One number with no end, its digits never broken by a point or a space (a misprinted
    decimal's scan once tried every digit as a start)."""
    return "勞動力 " + "".join(str(rng.randrange(10)) for _ in range(size * 10)) + "\n"


def fused_rows(size: int, rng: random.Random) -> str:
    """Rows whose figures ran together under a line of half-years, each run cut by length."""
    header = " 112年上半年 112年下半年 113年上半年 113年下半年\n"
    runs = ("".join(str(rng.randrange(500, 999)) for _ in range(4)) for _ in range(size))
    return header + "".join(f"勞動力 {run}\n" for run in runs)


def one_cell_pipe_lines(size: int, rng: random.Random) -> str:
    """Words a line each, each closed by a pipe, then two rows: a header written a cell a line
    that never ends, looked for again from each of its lines."""
    return "".join(f"项{index} |\n" for index in range(size)) + "甲 | 1 | 2 |\n乙 | 3 | 4 |\n"


def rows_a_cell_a_line(size: int, rng: random.Random) -> str:
    """Pipe rows each broken after its first figure, the rest a line each."""
    rows = (f"行{index} | {_number(rng)} |\n{_number(rng)} |\n" for index in range(size))
    return "指标 | 本年 | 上年 |\n" + "".join(rows)


def year_lines(size: int, rng: random.Random) -> str:
    """Rows of a year and figures one space apart under header words one space apart."""
    rows = (f"{1900 + index % 100} {_number(rng)} {_number(rng)}\n" for index in range(size))
    return "能源生产 电力生产\n弹性系数 弹性系数\n" + "".join(rows)


def numbered_goals(size: int, rng: random.Random) -> str:
    """Numbered paragraphs of several sentences under a goal lead, each with figures: every
    figure's list of goals is looked for back over the paragraphs above it."""
    items = (
        f"{index % 90 + 1}.经济增长。增长{_number(rng)}%,达到{_number(rng)}亿元,\n续行。\n\n"
        for index in range(size)
    )
    return "主要目标是:\n\n" + "".join(items)


def broken_rows_same_way(size: int, rng: random.Random) -> str:
    """Pipe rows every one of which the page broke the same way, under a header a cell a line."""
    rows = (
        f"行{index} | {_number(rng)} |\n-{_number(rng)} |\n{_number(rng)} | {_number(rng)} |\n"
        for index in range(size)
    )
    return "本 月 |\n比上年同月 |\n本月止累计 |\n比上年同期 | |\n" + "".join(rows)


def wrapped_names(size: int, rng: random.Random) -> str:
    """A header of names wrapped a piece a line that never reaches its rows: every line is
    the top of a wrapped header looked for again."""
    pieces = ("男性", "人数", "女性", "人数", "总人", "口数", "(人/km²)")
    lines = (f"{pieces[index % len(pieces)]}\n" for index in range(size))
    return "里名 面积\n" + "".join(lines) + f"光和里 {_number(rng)} {_number(rng)} {_number(rng)}\n"


def price_rows_with_notes(size: int, rng: random.Random) -> str:
    """Rows of a price sheet under a unit column, each closed by a note's words."""
    rows = (
        f"其中:品种{'甲乙丙丁'[index % 4]}  元/公斤 "
        f"{_number(rng)} {_number(rng)} {_number(rng)} 监测\n"
        for index in range(size)
    )
    header = "     单 位  本周均价           上周均价        与上周比(%) 备 注\n"
    return header + "".join(rows)


def percent_list(size: int, rng: random.Random) -> str:
    """One list of percentages a page long: every later item's kind is its first's."""
    return "分别为" + "、".join(f"{_number(rng)}%" for _ in range(size)) + "。\n"


def year_paragraph(size: int, rng: random.Random) -> str:
    """One paragraph of many sentences, the first opening on a year and on months of it."""
    return "2012年,上半年" + "".join(f"全市累计收入{_number(rng)}元。" for _ in range(size)) + "\n"


def numbered_rows(size: int, rng: random.Random) -> str:
    """Pipe rows numbered (1) under one numbered 一、, none writing a unit."""
    rows = (f"| (1)项目{index} | {_number(rng)} |\n" for index in range(size))
    return "| 项目 | 本月 |\n| 一、总计 | 9 |\n" + "".join(rows)


def empty_year_rows(size: int, rng: random.Random) -> str:
    """Pipe rows of years with no figures, one row with one at the end."""
    rows = (f"| {1900 + index % 120} | |\n" for index in range(size))
    return "| 年份 | 值 |\n" + "".join(rows) + f"| 2020 | {_number(rng)} |\n"


def blank_cell_lines(size: int, rng: random.Random) -> str:
    """A table a cell a line with an empty line for an empty cell in every row."""
    rows = (f"县{index}\n{_number(rng)}\n{_number(rng)}\n\n" for index in range(size // 4))
    return "指標(万元)\n2016年\n2015年\n2014年\n" + "".join(rows)


def described_cell_lines(size: int, rng: random.Random) -> str:
    """A price sheet a cell a line, each row's name, spec, unit and price type before it."""
    rows = (
        f"品{index}\n规{index}\n元/斤\n平均\n{_number(rng)}\n{_number(rng)}\n"
        for index in range(size // 6)
    )
    return "商品名称\n规格\n计量单位\n价格类型\n本月\n上月\n" + "".join(rows)


def ranked_rows(size: int, rng: random.Random) -> str:
    """Rows numbered by rank a space before their label, under years newest first."""
    rows = (
        f"{index % 999 + 1} 城{index} {_number(rng)} {_number(rng)} {_number(rng)}\n"
        for index in range(size)
    )
    return "排名 城市 2018 2017 增量\n" + "".join(rows)


def spanned_rows(size: int, rng: random.Random) -> str:
    """Rows under a name spanning a line of years (地 区 人口数 比重 / 2020年 2010年)."""
    rows = (f"镇{index} {1000 + index} {_number(rng)} {_number(rng)}\n" for index in range(size))
    return "地 区 人口数 比重\n2020年 2010年\n" + "".join(rows)


def stacked_headers(size: int, rng: random.Random) -> str:
    """Header names down three lines a piece a line, over two rows, again and again."""
    block = "      甲     乙     丙\n 項目別 子     丑     寅\n      縣     縣     縣\n"
    rows = (
        block + f" 總 計      {_number(rng)}     {_number(rng)}     {_number(rng)}\n"
        for _ in range(size // 4)
    )
    return "".join(rows)


def prose_one_line(size: int, rng: random.Random) -> str:
    """A report whose text lost its line breaks: sentences with figures and sentences of
    words alone, a space where each line ended."""
    sentences = (
        "全年地区生产总值{0}亿元,比上年增长{1}%。",
        "其中农业增加值{0}亿元, 工业增加值{1}亿元。",
        "坚持稳中求进工作总基调,全面贯彻新发展理念,加快构建新发展格局,着力推动高质量发展。",
        "深入实施乡村振兴战略,持续改善农村人居环境,",
    )
    picked = (rng.choice(sentences).format(_number(rng), _number(rng)) for _ in range(size))
    return " ".join(picked)


def label_words_one_line(size: int, rng: random.Random) -> str:
    """Short words of no figure a space apart, one line of thousands (a header that never
    ends, or a list of names)."""
    words = ("城镇", "乡村", "男", "女", "合计", "农业")
    return " ".join(rng.choice(words) for _ in range(size * 4))


SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "one cell per line": one_cell_lines,
    "one line of pipes": one_line_pipes,
    "spaced labels, space columns": spaced_rows,
    "year header rows": year_rows,
    "labels closed by pipes": piped_labels,
    "comma lines with a quote left open": comma_lines,
    "words between lone pipe lines": pipe_line_cells,
    "header words alone": header_words,
    "header words between pipe runs": headers_between_pipe_runs,
    "one run of digits": digit_run,
    "figures run together under half-years": fused_rows,
    "one-cell pipe lines over two rows": one_cell_pipe_lines,
    "pipe rows broken a cell a line": rows_a_cell_a_line,
    "year rows one space apart": year_lines,
    "numbered goal paragraphs": numbered_goals,
    "pipe rows all broken the same way": broken_rows_same_way,
    "names wrapped a piece a line": wrapped_names,
    "price rows closed by notes": price_rows_with_notes,
    "one list of percentages a page long": percent_list,
    "one paragraph of sentences under a year": year_paragraph,
    "rows numbered (1) under one 一、": numbered_rows,
    "year rows with no figures": empty_year_rows,
    "cells a line, an empty line an empty cell": blank_cell_lines,
    "cells a line, words before the figures": described_cell_lines,
    "rows numbered by rank under years": ranked_rows,
    "a name spanning a line of years": spanned_rows,
    "header names down their lines": stacked_headers,
    "prose with no line breaks": prose_one_line,
    "label words on one line": label_words_one_line,
}


def dev_excerpts() -> list[Document]:
    """The dev half's excerpts only: the test half is held out, even from timing."""
    dev = load_gold(WIDE / "gold", with_facts=False).half("dev")
    return [dev.documents[doc] for doc in sorted(dev.documents)]


def time_shape(name: str, make: Callable[[int, random.Random], str]) -> dict[str, object]:
    """One shape at its two sizes, and how much longer the larger took."""
    timings = []
    for size in (SMALL, 4 * SMALL):
        text = make(size, random.Random(size))
        seconds, facts = time_extraction([Document(id=f"shape-{size}", text=text)])
        timings.append({"characters": len(text), "seconds": round(seconds, 3), "facts": facts})
    ratio = timings[1]["seconds"] / timings[0]["seconds"]
    print(
        f"{name:32} {timings[0]['characters']:>9,} chars {timings[0]['seconds']:6.2f} s   "
        f"{timings[1]['characters']:>9,} chars {timings[1]['seconds']:6.2f} s   x{ratio:.1f}"
    )
    return {"shape": name, "sizes": timings, "time_ratio_for_4x": round(ratio, 2)}


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SHAPES,
        metavar="SHAPE",
        help="time these shapes alone; shapes: " + ", ".join(SHAPES),
    )
    names = parser.parse_args().only
    out = ROOT / "bench" / "results" / "shapes.json"
    if names:
        # Some shapes alone (the whole run takes most of an hour): their entries replaced in
        # the results, in the shapes' order, the rest kept as they were measured.
        results = json.loads(out.read_text()) if out.exists() else {"shapes": []}
        before = {shape["shape"]: shape for shape in results["shapes"]}
        timed = {name: time_shape(name, SHAPES[name]) for name in names}
        results["shapes"] = [
            timed.get(name) or before[name] for name in SHAPES if name in timed or name in before
        ]
        out.write_text(json.dumps(results, indent=1) + "\n")
        print(f"wrote {out.relative_to(ROOT)}")
        return
    excerpts = dev_excerpts()
    RulesExtractor().extract(excerpts[:1])  # warm imports and regex compilation
    seconds, facts = time_extraction(excerpts)
    characters = sum(len(doc.text) for doc in excerpts)
    wide = {
        "excerpts": len(excerpts),
        "characters": characters,
        "facts": facts,
        "seconds": round(seconds, 3),
        "characters_per_second": round(characters / seconds),
    }
    print(
        f"wide dev half: {len(excerpts)} excerpts, {characters:,} characters, {facts:,} facts "
        f"in {seconds:.2f} s ({characters / seconds:,.0f} characters/s)"
    )
    shapes = [time_shape(name, make) for name, make in SHAPES.items()]
    out.write_text(json.dumps({"wide_dev_half": wide, "shapes": shapes}, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
