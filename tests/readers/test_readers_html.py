"""Web pages: the article only, tables from <table>, headings as lines, any Chinese charset."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.readers import read_document
from llmx.rules import RulesExtractor

ROOT = Path(__file__).resolve().parents[2]
RENDERINGS = sorted((ROOT / "evals" / "renderings" / "html").glob("*.html"))

ARTICLE = """<html><head>{meta}<title>2024年统计公报_某区人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="crumbs">当前位置：首页 &gt; 政务公开</div>
<div class="article"><h1>2024年某区国民经济和社会发展统计公报</h1>
<div class="info">发布时间：2025-03-01 浏览次数：1234 字体：[大 中 小]</div>
<div class="content">
<p>　　全年地区生产总值1867.07亿元，比上年增长6.5%。</p>
<h2>一、农业</h2>
<p>粮食产量30.2万吨，<br>增长1.5%。</p>
<table><tr><td rowspan="2">指标</td><td colspan="2">2024年</td></tr>
<tr><td>绝对量(亿元)</td><td>增长(%)</td></tr>
<tr><td>第一产业</td><td>120.5</td><td>4.2</td></tr></table>
</div>
<div class="share">分享到：微信 微博</div></div>
<div class="footer">网站标识码：5001200001 渝ICP备12003457号-1 联系电话：023-41422000</div>
</body></html>"""


def _page(tmp_path: Path, name: str, page: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(page.encode(encoding))
    return path


def test_only_the_article_is_read_in_its_canonical_layout(tmp_path: Path) -> None:
    document = read_document(
        _page(tmp_path, "a.html", ARTICLE.format(meta='<meta charset="utf-8">'))
    )
    assert document.format == "html"
    assert document.title == "2024年某区国民经济和社会发展统计公报"
    assert document.text.splitlines()[:4] == [
        "2024年某区国民经济和社会发展统计公报",
        "全年地区生产总值1867.07亿元，比上年增长6.5%。",
        "一、农业",
        "粮食产量30.2万吨，",
    ]
    assert "| 指标 | 2024年 | 2024年 |\n| 指标 | 绝对量(亿元) | 增长(%) |" in document.text
    assert "| 第一产业 | 120.5 | 4.2 |" in document.text
    for furniture in ("首页", "当前位置", "发布时间", "浏览次数", "分享到", "ICP", "023-41422000"):
        assert furniture not in document.text


def test_a_table_cell_and_a_paragraph_are_located_in_the_page(tmp_path: Path) -> None:
    document = read_document(_page(tmp_path, "a.html", ARTICLE.format(meta="")))
    cell = document.source_map.locate(document.text.index("4.2"))
    assert cell is not None and (cell.table, cell.row, cell.column) == (1, 3, 3)
    assert cell.element is not None and cell.element.endswith("/tr[3]/td[3]")
    paragraph = document.source_map.locate(document.text.index("全年"))
    assert paragraph is not None and paragraph.element == "/html/body/div[3]/div[2]/p[1]"


@pytest.mark.parametrize(
    "declared", ['<meta charset="gb2312">', ""], ids=["declared", "undeclared"]
)
def test_a_gbk_page_is_read_with_or_without_a_charset(tmp_path: Path, declared: str) -> None:
    page = ARTICLE.format(meta=declared).replace("某区", "璧山区")
    document = read_document(_page(tmp_path, "gbk.html", page, "gbk"))
    assert "全年地区生产总值1867.07亿元" in document.text
    assert document.title == "2024年璧山区国民经济和社会发展统计公报"
    assert document.encoding in ("gb18030", "gbk")


def test_a_page_mislabelled_as_utf8_is_still_read(tmp_path: Path) -> None:
    page = ARTICLE.format(meta='<meta charset="utf-8">')
    document = read_document(_page(tmp_path, "wrong.html", page, "gbk"))
    assert "比上年增长6.5%" in document.text


def test_a_page_with_no_article_text_is_a_one_line_error(tmp_path: Path) -> None:
    page = (
        '<html><body><div class="nav"><a href="/">首页</a></div><div id="app"></div>'
        '<div class="footer">网站标识码：5001200001 渝ICP备12003457号-1</div></body></html>'
    )
    with pytest.raises(InputError, match="no article text"):
        read_document(_page(tmp_path, "shell.html", page))


def test_an_empty_page_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        read_document(_page(tmp_path, "empty.htm", ""))


@pytest.mark.parametrize("page", RENDERINGS, ids=[page.stem for page in RENDERINGS])
def test_no_page_furniture_of_the_renderings_reaches_the_text(page: Path) -> None:
    document = read_document(page)
    for furniture in (
        "当前位置", "发布时间", "浏览次数", "字体", "分享到", "网站标识码", "ICP备", "公网安备",
        "联系电话", "主办单位", "相关链接", "互动交流", "无障碍浏览", "打印本页", "复制链接",
    ):  # fmt: skip
        assert furniture not in document.text, furniture
    assert document.title and document.title in document.text.splitlines()[0]


def test_word_exported_cells_keep_numbers_whole(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><div class="content">'
        "<p>2023年主要指标完成情况如下表。</p><table>"
        "<tr><td><p><span>指</span><span>标</span></p></td><td><p>2023年</p><p>完成</p></td></tr>"
        "<tr><td><p><span>地区生产总值增速</span><span>（%）</span></p></td>"
        "<td><p><span>6</span><span>.3</span></p></td></tr>"
        "</table></div></body></html>"
    )
    document = read_document(_page(tmp_path, "word.html", page))
    assert "| 指标 | 2023年完成 |" in document.text
    assert "| 地区生产总值增速（%） | 6.3 |" in document.text


PAGES = Path(__file__).resolve().parent / "pages"


def test_a_table_laid_out_gbk_page_gives_its_article_only(tmp_path: Path) -> None:
    # An older site: the page laid out in tables, served as GBK without a charset
    # declaration, paragraphs separated by <br> and indented with &nbsp;.
    page = (PAGES / "table-layout.html").read_text(encoding="utf-8")
    document = read_document(_page(tmp_path, "old.html", page, "gbk"))
    assert document.text.splitlines()[:3] == [
        "璧山区2023年国民经济和社会发展统计公报",
        "初步核算，全年地区生产总值983亿元，比上年增长7.2%。其中，第一产业增加值50.3亿元，"
        "增长4.1%；第二产业增加值511.2亿元，增长8.6%。",
        "全年规模以上工业增加值增长8.6%，固定资产投资增长14.7%。",
    ]
    assert "| 地区生产总值 | 983 | 7.2 |" in document.text
    assert document.text.rstrip().endswith("全体居民人均可支配收入44704元，增长5.8%。")
    for furniture in ("机构设置", "发布日期", "浏览次数", "打印本页", "ICP", "023-41422000"):
        assert furniture not in document.text


def test_an_article_wrapper_named_like_furniture_is_still_the_article(tmp_path: Path) -> None:
    # The article's wrapper has a class word that usually names furniture (print).
    document = read_document(PAGES / "print-area.html")
    assert document.text.splitlines() == [
        "2024年某县统计公报",
        "全年地区生产总值1200亿元，增长6.1%。",
        "一般公共预算收入80.5亿元，增长3.2%。",
        "社会消费品零售总额450亿元，增长5.5%。",
    ]


def test_a_header_row_of_bare_years_under_groups_spanning_two_columns_reads_every_figure(
    tmp_path: Path,
) -> None:
    # No <thead>: the first row's cell spanning two rows down says the header is two rows;
    # its years, the same two under each group, give each column its year and are no facts.
    table = (
        '<table><tr><td rowspan="2">产品</td><td colspan="2">产量(万吨)</td>'
        '<td colspan="2">增长(%)</td></tr>'
        "<tr><td>2022</td><td>2023</td><td>2022</td><td>2023</td></tr>"
        "<tr><td>粮食</td><td>35.7</td><td>36.1</td><td>1.2</td><td>1.1</td></tr>"
        "<tr><td>油料</td><td>3.3</td><td>3.4</td><td>2.0</td><td>3.0</td></tr>"
        "</table>"
    )
    page = _page(tmp_path, "t.html", f'<html><meta charset="utf-8"><body>{table}</body></html>')
    document = read_document(page)
    facts = RulesExtractor().extract([document]).facts
    assert sorted((f.text, f.unit) for f in facts if f.indicator.startswith("粮食")) == [
        ("1.1", "%"),
        ("1.2", "%"),
        ("35.7", "吨"),  # 万吨: the unit 吨, its magnitude in the value
        ("36.1", "吨"),
    ]
    assert sum(f.indicator.startswith(("粮食", "油料")) for f in facts) == 8
    assert len(facts) == 8
    assert [(f.text, f.period) for f in facts if f.indicator.startswith("油料")] == [
        ("3.3", "2022"),
        ("3.4", "2023"),
        ("2.0", "2022"),
        ("3.0", "2023"),
    ]


def test_a_table_with_a_long_list_of_places_beside_its_figures_stays_a_table(
    tmp_path: Path,
) -> None:
    # A wage table's last column lists the places each wage holds in, longer than a data
    # cell usually is; its rows of figures still make it data, not the page's layout.
    places = "、".join(["合肥市区", "铜陵市区", "淮北市区", "蚌埠市区", "滁州市区"] * 12)
    rows = "".join(
        f"<tr><td>{grade}</td><td>{wage}</td><td>{places}</td></tr>"
        for grade, wage in (("一", 1550), ("二", 1380), ("三", 1280))
    )
    header = "<tr><td>档次</td><td>月最低工资标准(元/月)</td><td>执行地区</td></tr>"
    table = f"<table>{header}{rows}</table>"
    page = _page(tmp_path, "w.html", f'<html><meta charset="utf-8"><body>{table}</body></html>')
    document = read_document(page)
    assert "| 一 | 1550 | 合肥市区、" in document.text
    facts = RulesExtractor().extract([document]).facts
    assert [(f.text, f.unit) for f in facts] == [
        ("1550", "元/月"),
        ("1380", "元/月"),
        ("1280", "元/月"),
    ]


def _nested(depth: int) -> str:
    return (
        "<html><body>" + "<div>" * depth + "<p>全年地区生产总值增长6.5%，达到983亿元。</p>"
        + "</div>" * depth + "</body></html>"
    )  # fmt: skip


def test_a_page_nested_deeper_than_libxml2s_default_still_gives_its_text(tmp_path: Path) -> None:
    # Page builders nest divs hundreds deep; past 256 libxml2 dropped the text, and the page
    # was called one with no article.
    page = tmp_path / "deep.html"
    page.write_text(_nested(300), encoding="utf-8")
    assert "983亿元" in read_document(page).text


def test_a_page_nested_past_what_llmx_reads_names_its_depth(tmp_path: Path) -> None:
    page = tmp_path / "deeper.html"
    page.write_text(_nested(1_500), encoding="utf-8")
    with pytest.raises(InputError, match=r"nests its elements \d+ deep; llmx reads pages up to"):
        read_document(page)
