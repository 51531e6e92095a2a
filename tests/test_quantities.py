"""The normaliser on the standard's own examples, and properties of number parsing."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmx.folding import fold
from llmx.quantities import (
    ParsedNumber,
    find_quantities,
    parse_number,
    parse_quantity,
    quote_quantities,
    split_header_unit,
)

# (mention, value, unit) exactly as ANNOTATION.md's table lists them.
STANDARD_EXAMPLES = [
    ("983亿元", 983e8, "元"),
    ("4906.63万元", 49_066_300, "元"),
    ("3万亿元", 3e12, "元"),
    ("918.6億元", 918.6e8, "元"),
    ("44704元", 44704, "元"),
    ("7.2%", 7.2, "%"),
    ("0.5％", 0.5, "%"),
    ("21.9个百分点", 21.9, "个百分点"),
    ("5家", 5, "家"),
    ("128个", 128, "个"),
    ("13项", 13, "项"),
    ("317天", 317, "天"),
    ("20余次", 20, "次"),
    ("4080张", 4080, "张"),
    ("12.9万人", 129_000, "人"),
    ("50.5万亩", 505_000, "亩"),
    ("1050万吨", 10_500_000, "吨"),
    ("5万方", 50_000, "方"),
    ("3.6亿公斤", 360_000_000, "公斤"),
    ("60平方公里", 60, "平方公里"),
    ("35GWh", 35, "GWh"),
    ("107公里", 107, "公里"),
    ("38万元/人", 380_000, "元/人"),
    ("1.91:1", 1.91, "ratio"),
    ("1.93：1", 1.93, "ratio"),
    ("三家", 3, "家"),
    ("两个", 2, "个"),
    ("7 万户", 70_000, "户"),
    ("2.4倍", 2.4, "倍"),
    ("万吨标准煤", None, None),
]


@pytest.mark.parametrize(("mention", "value", "unit"), STANDARD_EXAMPLES)
def test_parses_the_standards_examples(mention: str, value: float | None, unit: str | None) -> None:
    quantity = parse_quantity(mention)
    if value is None:
        assert quantity is None  # a magnitude and unit with no number is not a mention
        return
    assert quantity is not None
    assert quantity.text == mention
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit


# Units a water-resources, air-quality or transport bulletin writes (round 15's sector
# bulletins): each is one row of llmx.vocabulary's table.
SECTOR_UNITS = [
    ("294.83億m3", 294.83e8, "m3"),
    ("1603.7mm", 1603.7, "mm"),
    ("1279.7毫米", 1279.7, "毫米"),
    ("306升/日", 306, "升/日"),
    ("179 L/d", 179, "L/d"),
    ("58μg/m3", 58, "μg/m3"),
    ("652580列次", 652580, "列次"),
    ("4.97万头只匹", 49_700, "头只匹"),
    ("80.04萬立方米/平方公里", 800_400, "立方米/平方公里"),
    ("921眼", 921, "眼"),  # wells sunk (round 52's w2503)
    ("1,698 万公升", 16_980_000, "公升"),  # litres in Macau's energy survey (round 54's w2751)
    ("50.95坪", 50.95, "坪"),  # Taiwan's floor area (round 55's w3001)
]


@pytest.mark.parametrize(("mention", "value", "unit"), SECTOR_UNITS)
def test_parses_the_units_sector_bulletins_write(mention: str, value: float, unit: str) -> None:
    quantity = parse_quantity(mention)
    assert quantity is not None
    assert (quantity.text, quantity.unit) == (mention, unit)
    assert quantity.value == pytest.approx(value)


def test_a_rise_in_a_ranking_is_no_litre() -> None:
    found = [(q.text, q.unit) for q in find_quantities(fold("排名由3升至2位"))]
    assert found == [("3", ""), ("2位", "位")]


def test_qualifiers_outside_the_token_stay_outside_the_span() -> None:
    [quantity] = find_quantities("总量约5亿元以上")
    assert quantity.text == "5亿元"
    assert quantity.qualifier == "约"


def test_yu_inside_the_token_stays_inside_the_span() -> None:
    [quantity] = find_quantities("作经验交流20余次。")
    assert (quantity.text, quantity.qualifier) == ("20余次", "余")


def test_a_split_ratio_gives_one_mention_per_term() -> None:
    terms = find_quantities("三次产业结构3.1:42.6:54.3")
    assert [(q.text, q.shape) for q in terms if q.unit == "ratio"] == [
        ("3.1", "ratio_term"),
        ("42.6", "ratio_term"),
        ("54.3", "ratio_term"),
    ]


@pytest.mark.parametrize("colon", [":", "：", "∶", "︰"])
def test_every_colon_a_report_writes_splits_a_ratio(colon: str) -> None:
    terms = find_quantities(f"产业结构调整为8.7{colon}35{colon}56.3")
    assert [(q.text, q.value, q.unit) for q in terms] == [
        ("8.7", 8.7, "ratio"),
        ("35", 35, "ratio"),
        ("56.3", 56.3, "ratio"),
    ]


def test_a_split_whose_colons_were_lost_is_read_only_when_unambiguous() -> None:
    # Three terms, as many decimals each, summing to 100: the colons a reprint dropped.
    terms = find_quantities("产业结构由上年的9.3641.2049.44调整为8.9140.0751.02。")
    assert [(q.text, q.unit, q.shape) for q in terms] == [
        (text, "ratio", "ratio_term")
        for text in ("9.36", "41.20", "49.44", "8.91", "40.07", "51.02")
    ]
    # Not summing to 100, the run is not a split.
    assert all(q.unit != "ratio" for q in find_quantities("编号为12.3445.6778.90的地块"))


@pytest.mark.parametrize(
    ("mention", "value", "qualifier"),
    [
        ("一半", 0.5, None),
        ("三分之一", 1 / 3, None),
        ("过半", 0.5, "过"),
        ("近1/2", 0.5, "近"),
    ],
)
def test_fractions_are_ratios(mention: str, value: float, qualifier: str | None) -> None:
    [quantity] = find_quantities(mention)
    assert quantity.unit == "ratio"
    assert quantity.value == pytest.approx(value)
    assert quantity.qualifier == qualifier


def test_a_milestone_without_a_unit_word_keeps_its_magnitude() -> None:
    [quantity] = find_quantities("规上工业总产值突破千亿大关")
    assert (quantity.text, quantity.value, quantity.qualifier) == ("千亿", 1e11, "突破")


def test_a_middle_dot_between_digits_elsewhere_names_a_day_not_a_decimal() -> None:
    assert [q.text for q in find_quantities("5·12地震")] == ["5", "12"]


def test_a_colon_before_a_year_is_not_a_ratio() -> None:
    assert all(q.unit != "ratio" for q in find_quantities("专栏1：2023年重点民生实事"))


def test_a_clock_time_is_not_a_ratio() -> None:
    # A printed page's header: the date and time it was printed.
    assert all(q.unit != "ratio" for q in find_quantities("2024-03-18 09:01 关于2023年"))
    [ratio] = find_quantities("城乡收入比1.9:1")
    assert (ratio.value, ratio.unit) == (1.9, "ratio")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("地区生产总值增速（%）", ("%", 1.0)),
        ("全体居民人均可支配收入（万元/人）", ("元/人", 1e4)),
        ("粮食产量（亿公斤）", ("公斤", 1e8)),
        ("歲入（千元）", ("元", 1e3)),  # before a currency 千 and 十亿 are magnitudes
        ("政府開支（十亿港元）", ("港元", 1e9)),
        ("发电装机（千瓦）", ("千瓦", 1.0)),  # before a unit they make one with, part of it
        ("粮食产量（千吨）", ("吨", 1e3)),  # before one they make none with, a thousand
        ("图书馆藏书(千册)", ("册", 1e3)),
        ("耕地面积（千公顷）", ("千公顷", 1.0)),
        ("万人发明专利拥有量（件/万人）", ("件/万人", 1.0)),
        ("高新技术企业数", None),
        ("絕對(duì)數(shù)(萬(wàn)元)", ("元", 1e4)),  # a reprint's pinyin glosses are no unit
        ("比上年增長(zhǎng)(%)", ("%", 1.0)),
        ("上升或下降(±%)", ("%", 1.0)),  # a rise or fall, in percent
    ],
)
def test_a_header_gives_unit_and_magnitude(header: str, expected: tuple[str, float] | None) -> None:
    assert split_header_unit(header) == expected


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_integers_parse_to_themselves(number: int) -> None:
    parsed = parse_number(str(number))
    assert parsed is not None and parsed.value == number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimals_parse_to_themselves(whole: int, fraction: int) -> None:
    text = f"{whole}.{fraction:02d}"
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(float(text))


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators_do_not_change_the_value(number: int) -> None:
    parsed = parse_number(f"{number:,}")
    assert parsed is not None and parsed.value == number


@given(st.integers(min_value=0, max_value=10**6))
def test_full_width_digits_parse_like_ascii(number: int) -> None:
    wide = "".join(chr(ord(digit) + 0xFEE0) for digit in str(number))
    parsed = parse_number(wide)
    assert parsed is not None and parsed.value == number


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_round_trip_through_cn2an(number: int) -> None:
    import cn2an

    written = cn2an.an2cn(number, "low")
    parsed = parse_number(written)
    assert parsed is not None and parsed.chinese and parsed.value == number


@given(st.decimals(min_value=0, max_value=10**5, places=2), st.sampled_from(["万", "亿", "万亿"]))
def test_magnitude_words_multiply(number: object, magnitude: str) -> None:
    factor = {"万": 1e4, "亿": 1e8, "万亿": 1e12}[magnitude]
    quantity = parse_quantity(f"{number}{magnitude}元")
    assert quantity is not None
    assert quantity.value == pytest.approx(float(str(number)) * factor, rel=1e-9)
    assert quantity.unit == "元"


@given(st.text(alphabet="国民經濟億元長壽區發展％１２３：∶＜萬個畝戶條abc 12.%", max_size=60))
def test_folding_keeps_length_so_spans_map_back(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(alphabet="0123456789.,%万亿元个年和、约以上：:．一二三十百千两", max_size=40))
def test_mentions_never_overlap_and_quote_the_source(text: str) -> None:
    quantities = find_quantities(text)
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
    for left, right in itertools.pairwise(quantities):
        assert left.end <= right.start


@pytest.mark.parametrize(
    ("mention", "value", "unit", "qualifier"),
    [
        ("百分之十四點五", 14.5, "%", None),  # formal prose writes percentages in words
        ("百分之三点四", 3.4, "%", None),
        ("千分之四点五", 4.5, "‰", None),  # and per-mille rates
        ("千分之4.66", 4.66, "‰", None),  # Taiwan's releases put digits after the words
        ("一萬三千五百多億元", 1.35e12, "元", "多"),  # a 万 inside the numeral, then 亿
        ("三万零六百多亿元", 3.06e12, "元", "多"),
        ("62萬8千元", 628000, "元", None),  # one number written in two places
        ("一百卅八點八億元", 1.388e10, "元", None),  # 卅 is thirty, 廿 twenty
        ("二百廿二億元", 2.22e10, "元", None),
        ("1·8%", 1.8, "%", None),  # a middle dot as the decimal point, before a percent sign
        ("11. 9%", 11.9, "%", None),  # a space a page put after the decimal point
        ("577.16亿吨公里", 5.7716e10, "吨公里", None),  # freight turnover
        ("341.17亿人公里", 3.4117e10, "人公里", None),  # passenger turnover
    ],
)
def test_numbers_written_out_in_words(
    mention: str, value: float, unit: str, qualifier: str | None
) -> None:
    (found,) = find_quantities(mention)
    assert (found.text, found.value, found.unit, found.qualifier) == (
        mention,
        value,
        unit,
        qualifier,
    )


def test_a_wan_followed_by_a_unit_is_still_a_magnitude() -> None:
    (found,) = find_quantities("三万人")
    assert (found.value, found.unit, found.magnitude) == (30000, "人", "万")


def test_a_bracketed_alternative_measure_word_is_part_of_the_unit() -> None:
    text = "年末生猪存栏86.4万头（只），新购农机具1200台(套)(含补贴)。"
    found = [(q.text, q.value, q.unit) for q in find_quantities(text)]
    assert found == [("86.4万头（只）", 864_000, "头(只)"), ("1200台(套)", 1200, "台(套)")]


def test_a_quote_that_keeps_pinyin_glosses_is_read_without_them() -> None:
    (found,) = quote_quantities("2.62萬(wàn)億元")
    assert (found.text, found.value, found.unit) == ("2.62萬(wàn)億元", 2.62e12, "元")
    (people,) = quote_quantities("312.87萬(wàn)人")
    assert (people.start, people.end, people.value) == (0, 13, 3_128_700)


def test_thousand_litres_is_a_unit_of_its_own_and_a_bare_rise_is_no_unit() -> None:
    [beer] = find_quantities("啤酒67.85万千升")
    assert (beer.value, beer.unit) == (678_500, "千升")
    [rank] = find_quantities("排名由3升至2")[:1]
    assert rank.unit != "升"


@pytest.mark.parametrize(
    ("mention", "unit"),
    [("46枚", "枚"), ("66.0分贝", "分贝"), ("1,105,893公噸", "公吨"), ("19幢", "幢"),
     ("2708匹", "匹"), ("3份", "份"), ("438019万标立方米", "标立方米")],
)  # fmt: skip
def test_measure_words_of_medals_noise_metric_tons_buildings_and_horses(
    mention: str, unit: str
) -> None:
    [found] = find_quantities(mention)
    assert (found.text, found.unit) == (mention, unit)


def test_a_sign_set_apart_from_its_figure_still_bounds_it() -> None:
    assert [(q.qualifier, q.value) for q in find_quantities("≥ 38")] == [("≥", 38)]
    assert [(q.qualifier, q.value) for q in find_quantities("约 38")] == [(None, 38)]


def test_thousands_right_after_digits_are_a_magnitude_unless_they_make_a_unit() -> None:
    # A budget in thousands of NT dollars writes its sums 12,345千元 in its notes; prose
    # writes 4千美元 and 3千多人. Before a unit 千 makes one with (千瓦, 千米, 千公顷), and in a
    # numeral (四千元), 千 stays what it was.
    assert [(q.text, q.value, q.unit) for q in find_quantities("預算數12,345千元,")] == [
        ("12,345千元", 12_345_000, "元")
    ]
    found = find_quantities("人均突破4千美元，新增就业3千多人")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("4千美元", 4000, "美元"), ("3千多人", 3000, "人"),
    ]  # fmt: skip
    assert [(q.text, q.unit) for q in find_quantities("装机5千瓦")] == [("5千瓦", "千瓦")]
    assert [(q.text, q.unit) for q in find_quantities("长2千米")] == [("2千米", "千米")]
    assert [(q.text, q.value) for q in find_quantities("人均四千元")] == [("四千元", 4000)]


def test_hundreds_and_thousands_of_yi_after_digits_keep_the_digits() -> None:
    # 4千億元 is 400 billion, not the 千億 of 突破千亿 with the 4 lost before it.
    found = find_quantities("唐山以4千億元居首，投资2百亿元，突破千亿元")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("4千億元", 4e11, "元"), ("2百亿元", 2e10, "元"), ("千亿元", 1e11, "元"),
    ]  # fmt: skip
    assert [(q.text, q.value) for q in find_quantities("四千亿元")] == [("四千亿元", 4e11)]


def test_a_percent_written_with_the_care_of_sign_is_a_percent() -> None:
    [growth] = find_quantities("同比增长15℅")
    assert (growth.text, growth.value, growth.unit) == ("15℅", 15.0, "%")


def test_a_chinese_numeral_with_a_decimal_point_in_words_is_one_number() -> None:
    [exports] = find_quantities("外貿進出口總額四十九點五億美元")
    assert (exports.text, exports.value, exports.unit) == ("四十九點五億美元", 4.95e9, "美元")
    # A 点 with no digit after it (三点开会, a clock) ends the numeral.
    assert [q.text for q in find_quantities("下午三点开会")] == ["三"]


def test_a_unit_is_no_unit_where_it_starts_a_word_it_is_no_part_of() -> None:
    found = find_quantities("收入减少约60亿所致，新建3所学校（如表1所示），3例确诊，接种22万剂次。")
    assert [(q.text, q.unit) for q in found] == [
        ("60亿", ""),  # 所致: "caused by", no count of schools
        ("3所", "所"),
        ("1", ""),  # 所示: "as shown"
        ("3例", "例"),
        ("22万剂次", "剂次"),
    ]


def test_a_price_per_kilogram_keeps_its_measure() -> None:
    found = find_quantities("19种蔬菜平均价格为4.34元/公斤,猪肉每千克17.36元。")
    assert [(q.text, q.unit) for q in found][1] == ("4.34元/公斤", "元/公斤")


@pytest.mark.parametrize(
    ("mention", "unit"),
    [
        ("766元/50千克", "元/50千克"),
        ("1.99元/500克", "元/500克"),
        ("3.5元/斤", "元/斤"),
        ("94.95元/桶", "元/桶"),
    ],
)
def test_a_price_per_a_counted_measure_keeps_its_measure(mention: str, unit: str) -> None:
    (found,) = find_quantities(f"生猪收购均价{mention},环比下降")
    assert (found.text, found.unit) == (mention, unit)


def test_grams_after_a_number_are_no_unit_of_their_own() -> None:
    assert [q.unit for q in find_quantities("攻克3个难题,节约5克")] == ["个", ""]


@pytest.mark.parametrize(
    ("mention", "value", "unit"),
    [
        ("118萬2,626元", 1_182_626, "元"),
        ("2279萬7314人", 22_797_314, "人"),
        ("9萬15宅", 90_015, "宅"),
        ("84億7,000 萬元", 8_470_000_000, "元"),
        ("302 億 1,292萬9,000元", 30_212_929_000, "元"),
        ("1亿2000万元", 120_000_000, "元"),
        ("三億九千六百萬元", 396_000_000, "元"),
        ("三億零五百萬元", 305_000_000, "元"),
        ("1兆7302亿元", 1_730_200_000_000, "元"),
        ("6億4,533萬3千元", 645_333_000, "元"),
        ("62万8千元", 628_000, "元"),
        ("1,158萬7千人", 11_587_000, "人"),  # a thousands comma before 萬 and 千 after it
        ("1亿2千万元", 120_000_000, "元"),
        ("4,220萬3,000元", 42_203_000, "元"),  # a thousands comma before 萬 too
        ("6千4百54萬元", 64_540_000, "元"),  # digits with 千 and 百 between them
        ("3千5百元", 3_500, "元"),
    ],
)
def test_an_amount_written_in_parts_is_one_number(mention: str, value: float, unit: str) -> None:
    (found,) = find_quantities(f"總額達{mention},較前年")
    assert (found.text, found.value, found.unit) == (mention, value, unit)


def test_an_amount_in_parts_keeps_its_qualifier_before_the_unit() -> None:
    (found,) = find_quantities("觀光客達31萬3000多人次")
    assert (found.text, found.value, found.unit, found.qualifier) == (
        "31萬3000多人次", 313_000, "人次", "多",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("mention", "value"),
    [("一○四.六八億元", 10_468_000_000), ("三四五．五億元", 34_550_000_000)],
)
def test_a_numeral_written_digit_by_digit_with_a_circle_and_a_point_is_read(
    mention: str, value: float
) -> None:
    (found,) = find_quantities(f"統籌分配稅款{mention}")
    assert (found.text, found.value, found.unit) == (mention, value, "元")


def test_a_run_of_numerals_too_long_to_be_an_amount_is_no_number() -> None:
    assert find_quantities("一〇" * 5_000 + "億元") == []  # cn2an's value would overflow a float


def test_a_point_after_a_chinese_numeral_is_a_decimal_only_before_a_magnitude() -> None:
    assert [q.text for q in find_quantities("一.二")] == ["一", "二"]


def test_parts_with_no_unit_after_them_stay_apart() -> None:
    found = find_quantities("12万 3400\n超20亿\n28.11.20 三亿千瓦时")
    assert [(q.text, q.value) for q in found][:3] == [
        ("12万", 120_000), ("3400", 3400), ("20亿", 2e9),
    ]  # fmt: skip
    assert (found[-1].text, found[-1].value, found[-1].unit) == ("三亿千瓦时", 3e8, "千瓦时")


def test_an_amount_in_words_keeps_the_thousands_after_its_wan() -> None:
    # A Taiwan council's budget in words: hundreds of millions, ten-thousands, then thousands.
    found = find_quantities(
        "其中十億八千兩百九十一萬六千元遭大會保留,遭刪減八億三千五百九十一萬六千元。"
    )
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("十億八千兩百九十一萬六千元", 1_082_916_000, "元"),
        ("八億三千五百九十一萬六千元", 835_916_000, "元"),
    ]
    assert [q.text for q in find_quantities("一亿二千万千瓦")] == ["一亿二千万千瓦"]


@pytest.mark.parametrize(
    ("sentence", "unit"), [("撙節破百億 台中市舉債", ""), ("购置3台中型拖拉机", "台")]
)
def test_a_taiwan_citys_name_after_a_figure_counts_no_machines(sentence: str, unit: str) -> None:
    (found,) = find_quantities(sentence)
    assert found.unit == unit


@pytest.mark.parametrize(
    ("sentence", "unit"), [("价格指数比上周下降1.63個點,", "个点"), ("设3个点位监测", "个")]
)
def test_an_indexs_points_are_its_unit_but_monitoring_sites_are_counted(
    sentence: str, unit: str
) -> None:
    (found,) = find_quantities(sentence)
    assert found.unit == unit


def test_two_digits_in_words_with_no_place_between_are_no_number() -> None:
    # 唯一一个 is "the only one", 三五 "three or five"; a number read digit by digit has more
    # (一五三億, 一九九八).
    assert parse_number("一一") is None
    assert parse_number("三五") is None
    assert parse_number("一五三") == ParsedNumber(153, chinese=True)
    assert parse_number("二十") == ParsedNumber(20, chinese=True)


def test_digits_with_their_places_written_between_around_yi_are_one_amount() -> None:
    # Macau's budget law writes every place: thousands and hundreds in characters between
    # digits, around 億 and 萬.
    found = [(q.text, q.value, q.unit) for q in find_quantities("收入總額為1千348億798萬2千1百元")]
    assert found == [("1千348億798萬2千1百元", 134_807_982_100, "元")]
    assert parse_number("195億8千938萬5百") == ParsedNumber(19_589_380_500, chinese=False)


def test_a_threshold_s_door_is_no_unit_of_phone_lines() -> None:
    # 门 counts the lines of a telephone exchange; 门槛 is a threshold.
    assert [q.unit for q in find_quantities("交换机容量达7424门")] == ["门"]
    assert all(q.unit != "门" for q in find_quantities("跨过300亿门槛"))


def test_a_run_of_hundreds_of_digits_is_no_quantity_and_no_infinity() -> None:
    # A figure longer than any a report states (a code, or garbage) would be no finite float:
    # it is no quantity, and the figures around it are read as ever.
    assert parse_number("9" * 320) is None
    text = "收入" + "9" * 305 + "亿元，增长" + "9" * 320 + "%。全年增长6.5%。"
    assert [(q.text, q.value) for q in find_quantities(text)] == [("6.5%", 6.5)]


def test_a_figure_of_twenty_four_digits_is_still_read() -> None:
    assert parse_number("1" * 24) == ParsedNumber(float("1" * 24), chinese=False)
