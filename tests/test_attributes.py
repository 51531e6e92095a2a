"""Year, status and kind read from the text of any official report, not from one layout.

The examples are written for these tests in the manner of statistical bulletins, government
work reports, plan and budget execution reports, in simplified and traditional script.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from reading import rules_facts

from llmx.facts import Fact
from llmx.folding import fold
from llmx.glosses import Unglossed
from llmx.rules.context import (
    SENTENCE_REACH,
    Boundaries,
    DocumentContext,
    arabic_years,
    document_year,
    section_year,
)
from llmx.sections import Section


def _facts(text: str) -> dict[str, Fact]:
    return {fact.text: fact for fact in rules_facts(text)}


def _attributes(text: str) -> dict[str, tuple[str, str | None, str]]:
    return {key: (f.status, f.period, f.kind) for key, f in _facts(text).items()}


# --- the document's year ---------------------------------------------------------------------


def test_document_year_from_a_results_title() -> None:
    title = "关于某市2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n各位代表：\n"
    assert document_year(title) == "2022"
    assert DocumentContext.of(title).plan_year == "2023"


def test_a_goal_year_opening_its_clause_after_具体而言就是_dates_and_plans_what_follows() -> None:
    text = (
        "某区2006年审计工作\n"
        "建设生态示范区。具体而言就是力争到2011年,全区地区生产总值达到380亿元,年均增长12%。\n"
    )
    facts = _facts(text)
    assert (facts["380亿元"].period, facts["380亿元"].status) == ("2011", "target")


def test_a_heading_on_how_key_work_went_heads_results_not_plans() -> None:
    text = (
        "某市住房城乡建设局工作情况\n"
        "一、重点工作开展情况\n"
        "(一)推动民生事业。今年以来,棚户区改造基本建成9408套、完成率为93.33%。\n"
    )
    assert {f.status for f in _facts(text).values()} == {"actual"}


@pytest.mark.parametrize("slogan", ["“总要求”", "「总要求」", '"总要求"'])
def test_a_slogan_in_quotes_in_a_heading_makes_no_part_of_plans(slogan: str) -> None:
    text = (
        "某区卫生健康局2022年工作总结\n"
        f"(一)培根铸魂,坚持党全面领导的{slogan}。\n"
        "成立督导组,对7个单位民主生活会进行全覆盖督导,制定88条问题清单。\n"
    )
    facts = _facts(text)
    assert {(f.status, f.period) for f in facts.values()} == {("actual", "2022")}


def test_a_plans_far_horizon_in_a_title_is_no_year_the_text_is_on() -> None:
    text = (
        "11月22日,市人大常委会审议了《某市国民经济和社会发展第十四个五年规划和二〇三五年远景"
        "目标纲要》实施中期评估报告。截至2023年6月30日,6项指标已提前达到规划目标。\n"
    )
    assert document_year(text) == "2023"


def test_a_taiwan_release_titled_by_a_quarter_of_its_calendar_is_on_that_year() -> None:
    text = (
        "109 年第 2 季住宅建造執照宅數變動狀況說明如下。\n"
        "全國住宅建造執照宅數:37,545 宅,較上季增加 7.51%。\n"
    )
    assert document_year(text) == "2020"
    assert {f.period for f in _facts(text).values()} == {"2020"}
    # a mainland anniversary is no Taiwan year (季度, not 季)
    assert document_year("庆祝建党100年第1季度工作总结\n2021年一季度,全市生产总值增长5%。\n") == (
        "2021"
    )
    # a story's lead comparing with another month of the calendar dates no title
    story = (
        "107年GDP上修至2.42% 主計總處\n主計總處上修經濟成長率預測2.42%,較106年11月預測數上修。\n"
    )
    assert document_year(story) != "2017"


def test_document_year_from_a_bulletin_title_not_its_publication_date() -> None:
    text = "某省2022年国民经济和社会发展统计公报\n某省统计局\n2023年3月16日\n"
    assert document_year(text) == "2022"


def test_a_story_dated_late_in_a_year_is_on_the_year_its_lead_names() -> None:
    text = (
        "某省县域经济增长领跑全省\n2013年08月22日 10:34 来源:某省日报\n"
        "省统计局发布的最新统计数据表明,2012年,我省县域经济整体呈现良好态势。\n"
    )
    assert document_year(text) == "2012"
    undated_lead = text.replace("2012年,", "")
    assert document_year(undated_lead) == "2013"  # dated from July on: its own year


def test_a_chronicle_naming_many_years_over_decades_is_written_after_the_last() -> None:
    text = (
        "一、收入\n"
        "清朝,1887年征地丁银26251两。民国初期以田赋为主。1915年,征银5.78万元。"
        "1919年,全县财政总收入8.91万元。1930年,地方财政总收入9.63万元。"
        "1947年,财政收入139774.8万元。1950年,财政收入仅179万元。"
        "1956年,财政收入比1950年增加259.4万元。1958年,财政收入620万元。1965年,财政收入866万元。\n"
    )
    assert document_year(text) == "1965"
    found = _attributes(text)
    # what it tells of is done, each in its own year
    assert found["8.91万元"] == ("actual", "1919", "level")
    # a bulletin naming its own year most is not one
    bulletin = "2022年,全市生产总值500亿元。2022年末人口80万人。" + text.split("\n")[1]
    assert document_year(bulletin) == "2022"


def test_document_year_of_an_untitled_bulletin_page_from_its_note_not_a_year_it_cites() -> None:
    text = (
        "年末有医疗卫生机构6949个,床位4.57万张。湿地面积[注:湿地面积为2019年开展的全国第三次"
        "国土调查数据]712.39万公顷。\n注释:本公报中2023年数据均为初步统计数。"
    )
    assert document_year(text) == "2023"


def test_an_untitled_census_page_is_of_the_census_after_the_one_it_compares_with() -> None:
    # 与2010年第六次全国人口普查相比 is a base: the page is the seventh census's, of 2020.
    text = (
        "全县常住人口中,拥有大学文化程度的人口为12276人。与2010年第六次全国人口普查相比,"
        "每10万人中拥有大学文化程度的由2996人上升为6948人。"
    )
    assert document_year(text) == "2020"


def test_document_year_of_a_government_work_report_is_the_year_before_it_is_given() -> None:
    text = "政府工作报告\n——2023年1月12日在某省第十四届人民代表大会第一次会议上\n各位代表：\n"
    context = DocumentContext.of(text)
    assert (context.report_year, context.plan_year, context.written_year) == (
        "2022",
        "2023",
        "2023",
    )
    assert document_year("2024年政府工作报告\n各位代表：\n") == "2023"


def test_a_work_report_given_in_december_reviews_the_year_it_is_given_in() -> None:
    text = "政府工作报告--2017年12月6日在市五届人大一次会议上\n各位代表:\n一、过去五年工作回顾\n"
    context = DocumentContext.of(text)
    assert (context.report_year, context.plan_year) == ("2017", "2018")


def test_a_story_on_a_meeting_is_on_the_year_whose_work_it_reviewed() -> None:
    reviewed = (
        "2月14日,我区召开2012年经济工作会议。会议的主要任务是:总结我区2011年经济工作,"
        "安排部署2012年经济工作任务。\n主要预期目标是:地区生产总值增长20%。\n"
    )
    summed_up = "开发区2月18日召开的2012年度总结表彰暨2013年经济社会发展工作会议透露,今年将瞄准…\n"
    story = "2013年德州政府工作目标\n■政府工作报告对2012年工作作了回顾\n■明确了2013年总体安排\n"
    years = [DocumentContext.of(text) for text in (reviewed, summed_up, story)]
    assert [(context.report_year, context.plan_year) for context in years] == [
        ("2011", "2012"),
        ("2012", "2013"),
        ("2012", "2013"),
    ]


def test_document_year_from_a_date_line_alone() -> None:
    early = "关于国民经济和社会发展计划执行情况的报告\n（2024年1月16日）\n"
    late = "关于上半年经济运行情况的报告\n——2023年8月29日在市人大常委会会议上\n"
    assert document_year(early) == "2023"
    assert document_year(late) == "2023"


def test_a_date_line_behind_a_bullet_dates_a_story_on_its_year_so_far() -> None:
    story = (
        "山西10个月旅游总收入达803.21亿元\n\n  • 2009-11-20\n  • 来源:快捷航空\n"
        "今年1月~10月,山西省旅游总收入达803.21亿元,同比增长22.34%。\n"
    )
    assert document_year(story) == "2009"


def test_a_story_dated_in_january_on_months_of_a_year_it_names_is_on_that_year() -> None:
    # 101年1至12月 are the Republic's 2012: not months of 2013, the year the story is dated.
    story = (
        "101年12月連江縣人口增加率全國最高\n\n  • 2013-01-12\n"
        "【本報訊】依據內政部統計資料,101年12月人口增加率為3.91‰。101年1至12月累計出生數229,481人。\n"
    )
    assert document_year(story) == "2012"


def test_an_audit_report_is_on_the_year_whose_budget_it_audited() -> None:
    speech = (
        "——2020年7月28日在省人民代表大会常务委员会会议上\n审计厅厅长 某某\n"
        "主任、各位副主任、秘书长,各位委员:\n"
        "我受省人民政府委托,向省人大常委会报告2019年度省级预算执行和其他财政收支的审计情况,"
        "请审议。全省一般公共预算收入和支出分别增长4.53%、9.97%。\n"
    )
    assert document_year(speech) == "2019"


def test_a_title_s_one_year_beats_the_date_a_mirror_posted_it() -> None:
    reposted = (
        "阿克苏地区沙雅县2004年国民经济和社会发展统计(2)\n\n2010-03-19 沙雅县统计局\n\n"
        "全年完成邮政业务总量325万元,比上年下降6.07%。\n"
    )
    weekly = "重慶農產品價格周報2019年第四十七期\n\n2019-01-14 02:53\n蔬菜均价2.89元。\n"
    goal = (
        "广州市发布十四五规划纲要 2025年地区生产总值将达到3.5万亿元\n\n"
        "2021-05-19 18:00:17 来源:网络\n提出到2025年地区生产总值将达到3.5万亿元。\n"
    )
    assert document_year(reposted) == "2004"
    assert document_year(weekly) == "2019"
    assert document_year(goal) != "2025"  # a goal's year in the title is not the report's


def test_a_story_on_a_work_report_is_on_the_year_the_report_says_it_looks_back_on() -> None:
    story = (
        "大洋网讯 2月8日,区人民代表大会开幕。\n\n"
        "区长向大会作政府工作报告。报告指出,2022年是改革发展历程中具有里程碑意义的一年。\n\n"
        "全年实现地区生产总值2252.58亿元,同比增长4.2%。2023年地区生产总值增长6%。\n"
    )
    assert document_year(story) == "2022"


def test_a_date_whose_every_word_is_a_line_of_its_own_dates_the_text() -> None:
    month = "一、降水\n2008\n年\n6\n月份\n全市平均降水量\n103.2mm\n,比同期偏多\n98.8%\n。\n"
    assert document_year(month) == "2008"
    dated = (
        "云 南 省 统 计 局\n2010\n年\n3\n月\n23\n日\n2009年是取得显著成就的一年。2010年要努力。\n"
    )
    assert document_year(dated) == "2009"  # a report dated early in a year is on the year before


def test_a_year_named_by_its_last_two_digits_as_the_same_period_before_dates_the_text() -> None:
    text = "澳门四月居民存款增2.1%\n四月居民存款较上月增2.1%。若与一三年同期比较,升12%。\n"
    assert document_year(text) == "2014"


def test_a_reprints_date_line_may_write_the_day_first() -> None:
    text = "拉萨市旅游实现“双升”\n\n27.07.2015  14:44\n\n今年上半年,接待旅游者279.93万人次。\n"
    assert document_year(text) == "2015"


def test_a_text_naming_no_year_but_in_dates_or_an_issue_title_is_dated_by_them() -> None:
    weekly = "本周(2022.12.19—2022.12.25)我市监测的30种零售蔬菜价格均价为7.68元/公斤。\n"
    monthly = "20218月报\n目录\n国民经济主要指标……1\n规模以上工业增加值增长11.4%。\n"
    version = "本系统3.10.2版发布,收费标准上调5%。\n"
    assert document_year(weekly) == "2022"
    assert document_year(monthly) == "2021"
    assert document_year(version) is None


def test_a_census_communique_is_on_the_year_its_census_counts() -> None:
    published_later = (
        "澠池縣第五次全國經濟普查公報(第七號)\n(2025年8月14日)\n根據普查結果,現公布如下:\n"
    )
    one_line = (
        "北京市第四次全国经济普查主要数据公报(第五号) 2020 年 3 月 30 日 根据普查结果,公布如下:"
    )
    assert document_year(published_later) == "2023"
    assert document_year(one_line) == "2018"


def test_a_census_release_of_main_figures_is_on_its_census_year() -> None:
    text = (
        "新羅區第七次全國人口普查主要數據\n2021年6月1日\n2020七人普\n"
        "全區共有家庭戶275307戶,家庭戶人口為777901人。\n"
    )
    assert document_year(text) == "2020"
    facts = rules_facts(text)
    assert [fact.text for fact in facts] == ["275307戶", "777901人"]  # 七人普: no 7 persons
    assert {fact.period for fact in facts} == {"2020"}


def test_a_census_named_in_a_revision_note_does_not_date_the_report() -> None:
    text = (
        "根据核算结果,2024年,我镇地区生产总值140.33亿元。"
        "(附注:根据第五次全国经济普查公报,2023年修订。)\n"
    )
    assert document_year(text) == "2024"


def test_a_header_cell_opening_on_a_date_under_the_first_sentence_is_no_date_line() -> None:
    text = (
        "监测数据显示,2018年6月15日,我省蔬菜平均批发价格为2.83元/千克,具体情况如下:\n"
        "品种\n|\n2018年6月15日平均批发价格\n|\n2017年6月15日平均批发价格\n"
    )
    assert document_year(text) == "2018"


def test_a_sentence_under_the_date_line_naming_a_five_year_plan_is_no_plans_title() -> None:
    text = "某市统计局\n2002年2月8日\n2001年是新世纪的第一年,也是“十五”计划的起始之年。\n"
    assert document_year(text) == "2001"


def test_document_year_is_not_a_year_its_figures_are_compared_with() -> None:
    # A bulletin's second page: its first lines name 2007 only as the base of a change.
    text = (
        "三、工业\n全省工业增加值3842.33亿元,比上年增长21.6%。轻重工业结构由2007年的"
        "28.0∶72.0变为29.0∶71.0。\n2008年主要工业产品产量\n"
    )
    assert document_year(text) == "2008"


def test_a_change_on_a_base_year_set_with_spaces_is_the_years_after() -> None:
    # A page set from a PDF puts spaces around its years: 比 2020 年 is still a base.
    text = "2021 年,全国地表水资源量为 28310.5 亿 m3,比 2020 年减少 6.8%。\n"
    assert _attributes(text)["6.8%"] == ("actual", "2021", "change")


def test_a_story_on_a_council_passing_a_years_budget_gives_that_years_targets() -> None:
    # Taiwan's press dates a township's budget by the Republic of China calendar (102年度 is
    # 2013); the figures of a budget passed are planned, a council's cut a change.
    text = (
        "【記者/東引報導】東引鄉代表會昨天完成東引鄉102年度總預算審查三讀。"
        "東引鄉102年度總預算,歲入6千4百54萬元。一般事務費10萬元,刪減5萬元。"
        "101年度預算額103萬元,102年度預算額98萬元。\n"
    )
    facts = _attributes(text)
    assert facts["6千4百54萬元"] == ("target", "2013", "level")
    assert facts["5萬元"] == ("target", "2013", "change")


def test_a_councils_cut_written_as_a_small_cut_or_a_deletion_is_a_change() -> None:
    # 小刪 ("cut a little") and 刪除 ("delete") name the cut as 刪減 does.
    text = (
        "金沙鎮代表會昨完成金沙鎮102年度總預算案第二讀會,小刪二十一萬餘元。"
        "代表原建議刪除九萬元,最後刪除五萬元。\n"
    )
    facts = _attributes(text)
    assert facts["二十一萬餘元"][2] == "change"
    assert facts["九萬元"][2] == "change"
    assert facts["五萬元"][2] == "change"


def test_document_year_after_the_only_year_named_as_the_same_period_before() -> None:
    text = "今年8月入境旅客2,357,689人次,按年增加14.2%;经外港码头入境的旅客较2009年同期增加8.7%。\n"
    assert document_year(text) == "2010"


def test_document_year_after_the_only_year_named_as_last_years_end() -> None:
    text = "1至9月,全区经济运行平稳。全区市场主体较2023年末净增11152户。\n"
    assert document_year(text) == "2024"


def test_document_year_from_a_metadata_date_field() -> None:
    text = "| 发布机构 | 某县统计局 | 成文日期 | 2021-02-25 |\n关于经济运行的通报\n"
    assert document_year(text) == "2020"


def test_a_report_on_the_first_months_is_on_the_year_it_is_dated_in() -> None:
    text = "| 成文日期 | 2021-04-05 |\n一、收支情况\n1-3月份，全县一般公共预算收入完成3.4亿元。\n"
    assert document_year(text) == "2021"


@pytest.mark.parametrize(
    "months", ["二零零九年一月至三月就業調查結果", "2009年1月至3月的失業率為3.8%"]
)
def test_months_from_january_written_with_both_month_words_are_that_year_so_far(
    months: str,
) -> None:
    text = f"{months}\n統計暨普查局\n2009-05-04 15:26\n本期的勞動人口為33.3萬人。\n"
    assert document_year(text) == "2009"


def test_a_monthly_release_dated_early_in_a_year_is_on_that_year_so_far() -> None:
    text = "梅州市统计月报 2022年第2期\n来源:本网   时间:2022-03-28 08:50:28\n全市主要经济指标\n"
    assert document_year(text) == "2022"


def test_document_year_is_not_the_final_accounts_a_figure_is_compared_with() -> None:
    text = (
        "一、一般公共预算收支决算情况\n2022年合作区一般公共预算收入4.98亿元。\n"
        "1.一般公共服务支出14.24亿元,比2021年决算(下同)增长1.3%。\n"
    )
    assert document_year(text) == "2022"


def test_document_year_from_content_when_nothing_else_says() -> None:
    text = "经济运行情况\n" + "2021年全县生产总值增长8%。2021年粮食丰收。2018—2020年平稳。"
    assert document_year(text) == "2021"


def test_document_year_reads_traditional_script() -> None:
    assert document_year("某市2019年國民經濟和社會發展統計公報\n") == "2019"


# --- boundaries ------------------------------------------------------------------------------


def test_boundaries_find_the_sentence_clause_and_line_of_a_position() -> None:
    folded = fold("甲乙。丙，丁\n戊")
    bounds = Boundaries.of(folded)
    assert bounds.sentence_start(4) == 3  # 丙，丁 starts after 。
    assert bounds.clause_start(5) == 5  # 丁 starts after ，
    assert bounds.line_span(7) == (7, 8)
    assert bounds.line_span(0) == (0, 6)


# --- period and status by genre ---------------------------------------------------------------

BULLETIN = (
    "某省2022年国民经济和社会发展统计公报\n某省统计局\n2023年3月16日\n\n一、综合\n"
    "初步核算，全年全省生产总值52360亿元，比上年增长3.1%。"
    "年末全省常住人口4812万人，比上年末增加26万人。城镇化率为68.2%。\n"
)


def test_a_bulletin_reports_results_for_its_title_year() -> None:
    assert _attributes(BULLETIN) == {
        "52360亿元": ("actual", "2022", "level"),
        "3.1%": ("actual", "2022", "change"),
        "4812万人": ("actual", "2022", "level"),
        "26万人": ("actual", "2022", "change"),
        "68.2%": ("actual", "2022", "share"),
    }


WORK_REPORT = (
    "政府工作报告\n——2023年1月12日在某省第十四届人民代表大会第一次会议上\n各位代表：\n"
    "一、2022年工作回顾\n"
    "过去一年，全省地区生产总值增长4.5%，一般公共预算收入完成1200亿元。"
    "去年全省粮食产量达到600亿斤。\n"
    "二、2023年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业50万人以上。\n"
)


def test_a_work_report_reviews_the_year_before_and_plans_the_year_given() -> None:
    assert _attributes(WORK_REPORT) == {
        "4.5%": ("actual", "2022", "change"),
        "1200亿元": ("actual", "2022", "level"),
        "600亿斤": ("actual", "2022", "level"),
        "6%": ("target", "2023", "change"),
        "50万人": ("target", "2023", "level"),
    }


BUDGET = (
    "关于某市2022年预算执行情况和2023年预算草案的报告\n各位代表：\n"
    "一、2022年预算执行情况\n"
    "全市一般公共预算收入完成305.2亿元，为预算的102.7%，增长6.1%。\n"
    "二、2023年预算草案\n"
    "全市一般公共预算收入预算安排320亿元，增长5%。"
    "2022年全市一般公共预算收入完成305.2亿元，是编制预算的基础。\n"
)


def test_a_budget_report_executes_one_year_and_budgets_the_next() -> None:
    facts = rules_facts(BUDGET)
    assert [(f.text, f.status, f.period, f.kind) for f in facts] == [
        ("305.2亿元", "actual", "2022", "level"),
        ("102.7%", "actual", "2022", "share"),
        ("6.1%", "actual", "2022", "change"),
        ("320亿元", "target", "2023", "level"),
        ("5%", "target", "2023", "change"),
        ("305.2亿元", "actual", "2022", "level"),  # a dated result quoted in the plan part
    ]


def test_a_traditional_script_report_is_read_the_same_way() -> None:
    text = (
        "某市2021年國民經濟和社會發展統計公報\n"
        "全年全市地區生產總值達到1234.5億元，比上年增長5.2%。\n"
    )
    facts = _facts(text)
    assert (facts["1234.5億元"].period, facts["1234.5億元"].status) == ("2021", "actual")
    assert facts["5.2%"].kind == "change"
    assert facts["1234.5億元"].indicator == "地區生產總值"


def test_multi_year_figures_have_no_period() -> None:
    text = (
        "关于某区2023年国民经济和社会发展计划执行情况的报告\n一、2023年计划执行情况\n"
        "地区生产总值年均增长7.5%，累计完成固定资产投资500亿元，较2015年增长30%。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods == {"7.5%": None, "500亿元": None, "30%": None}


def test_a_year_stated_in_the_sentence_dates_its_figures() -> None:
    text = (
        "关于某区2023年国民经济和社会发展计划执行情况的报告\n一、2023年计划执行情况\n"
        "2021年，全区地区生产总值为800亿元，增长6%。到2025年，全区常住人口达到120万人。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods == {"800亿元": "2021", "6%": "2021", "120万人": "2025"}


def test_the_base_of_a_change_takes_the_year_before() -> None:
    text = (
        "关于某区2023年国民经济和社会发展计划执行情况的报告\n一、2023年计划执行情况\n"
        "城乡居民收入比由上年的2.1:1缩小至2.05:1，低保标准由700元提高到735元，"
        "三次产业结构由19.8:41:39.2优化为17.1:42.6:40.3。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert {key: periods[key] for key in ("2.1:1", "2.05:1", "700元", "735元")} == {
        "2.1:1": "2022",
        "2.05:1": "2023",
        "700元": "2022",
        "735元": "2023",
    }
    assert (periods["19.8"], periods["39.2"], periods["17.1"]) == ("2022", "2022", "2023")


def test_a_goal_inside_a_review_is_a_target() -> None:
    text = (
        "关于某区2023年国民经济和社会发展计划执行情况的报告\n一、2023年计划执行情况\n"
        "前三季度地区生产总值增长5.8%，力争全年增长6%。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses == {"5.8%": "actual", "6%": "target"}


def test_a_goal_quoted_after_its_name_is_a_figure_and_a_target() -> None:
    # A news story comparing cities' goals quotes each one, opening with its verb.
    text = (
        "各市两会落幕，今年的增长目标纷纷出炉。甲市的目标是“增长6.5%”，"
        "乙市的预期目标为“保7%、争8%”。\n“十项行动”全面启动。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses == {"6.5%": "target", "7%": "target", "8%": "target"}


BUDGET_TABLE = (
    "关于某县2023年预算执行情况和2024年预算草案的报告\n"
    "表1 一般公共预算收入\n"
    "\t项目\n\t上年执行数\n\t年初预算数\n\t执行数\n\t比上年增长%\n\n"
    "\t（一）税收收入（万元）\n\t1200\n\t1300\n\t1350\n\t12.5\n\n"
)


def test_a_budget_table_reads_status_year_and_kind_from_its_column_headers() -> None:
    facts = rules_facts(BUDGET_TABLE)
    assert [(f.value, f.status, f.period, f.kind, f.indicator) for f in facts] == [
        (12000000, "actual", "2022", "level", "税收收入"),
        (13000000, "target", "2023", "level", "税收收入"),
        (13500000, "actual", "2023", "level", "税收收入"),
        (12.5, "actual", "2023", "change", "税收收入增长"),  # the column names the change
    ]


def test_years_written_in_chinese_numerals_date_figures() -> None:
    text = (
        "某省政府工作报告\n——二〇〇八年一月十七日\n"
        "二00七年全省生产总值比上年增长百分之十四，财政收入由二00二年的800亿元增加到1500亿元。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods["800亿元"] == "2002"
    assert periods["1500亿元"] == "2007"


def test_a_clause_that_opens_with_a_year_dates_the_rest_of_its_sentence() -> None:
    text = "某区新闻\n报告指出,2024年,全区固定资产投资增长14.3%,社会消费品零售总额增长8.1%。\n"
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods == {"14.3%": "2024", "8.1%": "2024"}


def test_a_figure_for_the_year_after_the_report_year_is_a_goal() -> None:
    text = (
        "某省两会新闻\n2023年全省地区生产总值增长5.3%。"
        "2024年,全省将推动数字经济占比达到38%以上,预计全省地区生产总值增长6.2%左右。\n"
    )
    facts = _facts(text)
    assert (facts["5.3%"].status, facts["5.3%"].period) == ("actual", "2023")
    assert (facts["38%"].status, facts["38%"].period) == ("target", "2024")
    assert (facts["6.2%"].status, facts["6.2%"].period) == ("target", "2024")


def test_the_year_a_sentence_opens_with_dates_its_clauses_after_a_semicolon() -> None:
    text = (
        "关于某市2023年预算执行情况和2024年预算草案的报告\n"
        "一、2023年预算执行情况\n2023年,全市一般公共预算收入完成286亿元。\n"
        "2024年,全市一般公共预算收入安排306.74亿元,增长5%;"
        "加上级补助等317.56亿元,总收入624.3亿元。\n"
    )
    facts = _facts(text)
    assert facts["286亿元"].status == "actual"
    assert [facts[key].status for key in ("306.74亿元", "317.56亿元", "624.3亿元")] == [
        "target", "target", "target",
    ]  # fmt: skip


def test_a_goal_that_must_be_reached_and_next_years_budget_are_targets() -> None:
    text = (
        "某省2008年政府工作报告新闻\n2007年全省生产总值增长12%。"
        "到2012年,人均GDP要達到1.8萬元。明年中央政府總預算案,歲出首次突破2兆元。\n"
    )
    facts = _facts(text)
    assert facts["12%"].status == "actual"
    assert facts["1.8萬元"].status == "target"
    assert facts["2兆元"].status == "target"


def test_last_years_figure_compared_with_takes_the_year_before() -> None:
    text = (
        "关于某区2020年上半年预算执行情况的报告\n"
        "2020年1-6月全区财政收入累计完成231570万元,比上年同期224310万元增收7260万元。\n"
    )
    assert _attributes(text) == {
        "231570万元": ("actual", "2020", "level"),
        "224310万元": ("actual", "2019", "level"),
        "7260万元": ("actual", "2020", "change"),
    }


def test_the_share_of_units_an_outcome_reaches_is_a_share_though_it_names_growth() -> None:
    text = "某市2023年统计公报\n全市工业行業增長面78%,企业亏损面12.5%,受益面29.1%,增长5.2%。\n"
    kinds = {key: f.kind for key, f in _facts(text).items()}
    assert kinds == {"78%": "share", "12.5%": "share", "29.1%": "share", "5.2%": "change"}


def test_rates_per_100000_are_facts_and_levels_like_rates_per_mille() -> None:
    text = (
        "2023年卫生健康事业发展统计公报\n"
        "孕产妇死亡率下降到15.1/10万,婴儿死亡率下降到4.5‰;户籍孕产妇死亡率为0/10万。"
        "人口自然增长率下降0.5‰。\n"
    )
    facts = _facts(text)
    assert (facts["15.1/10万"].unit, facts["15.1/10万"].value) == ("/10万", 15.1)
    kinds = {key: f.kind for key, f in facts.items()}
    assert kinds == {"15.1/10万": "level", "4.5‰": "level", "0/10万": "level", "0.5‰": "change"}


def test_a_rate_that_fell_to_a_level_is_a_level_and_a_map_scale_no_rate() -> None:
    text = (
        "某市2023年卫生统计公报\n"
        "婴儿死亡率下降为4.5‰。完成1/10万地形图测绘120幅。完成1/10万数字地形图测绘。\n"
    )
    facts = _facts(text)
    assert facts["4.5‰"].kind == "level"
    assert "1/10万" not in facts


def test_a_magnitude_after_a_count_of_visits_or_before_old_people_takes_their_unit() -> None:
    text = (
        "2023年卫生健康事业发展统计公报\n"
        "全国医疗卫生机构总诊疗人次95.5亿,入院人次30187.3万。惠及全州4.85万低收入高龄老人。\n"
    )
    units = {key: (f.unit, f.value) for key, f in _facts(text).items()}
    assert units["95.5亿"] == ("人次", 9.55e9)
    assert units["30187.3万"] == ("人次", 301873000.0)
    assert units["4.85万"] == ("人", 48500.0)


def test_a_magnitude_before_the_households_it_counts_is_in_households() -> None:
    text = "2016年扶贫新闻发布会\n累计发放扶贫小额信贷2772亿元,支持了700多万贫困户。\n"
    units = {key: (f.unit, f.value) for key, f in _facts(text).items()}
    assert units == {"2772亿元": ("元", 2.772e11), "700多万": ("户", 7e6)}


def test_people_settling_customers_and_money_for_a_centre_are_no_households_or_persons() -> None:
    text = (
        "某市2023年工作总结\n"
        "帮助5万农民工落户城镇。全市银行服务500万客户。投入资金3000万老人活动中心建设。\n"
    )
    units = {key: f.unit for key, f in _facts(text).items()}
    assert units == {"3000万": "元"}  # 落户 is a verb; 客户 no unit the rules know
    counted = _facts(
        "某县2023年扶贫工作总结\n救助3万五保户。服务50万老人和儿童。拨付200万农户补贴。\n"
    )
    assert {key: f.unit for key, f in counted.items()} == {"3万": "户", "50万": "人"}


def test_completion_of_a_budget_is_a_share_and_per_mille_rates_are_levels() -> None:
    text = (
        "某市2021年国民经济和社会发展统计公报\n"
        "税收收入95310万元,完成年初预算176500万元的53.91%。"
        "出生率为7.14‰;人口自然增长率为-0.86‰。\n"
    )
    kinds = {key: (f.status, f.kind) for key, f in _facts(text).items()}
    assert kinds["53.91%"] == ("actual", "share")
    assert kinds["176500万元"] == ("target", "level")
    assert kinds["7.14‰"][1] == "level"
    assert kinds["0.86‰"][1] == "change"


def test_a_result_against_what_was_expected_or_its_pace_is_a_share_but_ahead_of_pace_a_change() -> (
    None
):
    text = (
        "某区2020年财政决算报告\n"
        "财政总收入决算为3572524万元,完成收入预期的97.0%,增长0.1%;"
        "一般公共预算收入950.23亿元,进度100.02%,超序时进度5.9%。\n"
    )
    kinds = {key: f.kind for key, f in _facts(text).items() if key.endswith("%")}
    assert kinds == {"97.0%": "share", "0.1%": "change", "100.02%": "share", "5.9%": "change"}


def test_an_amount_a_harvest_grew_or_fell_by_is_a_change() -> None:
    text = "某市2000年统计公报\n粮食总产量95.2万吨,其中,夏粮增产2.72万吨,秋粮减产8.00万吨。\n"
    kinds = {key: f.kind for key, f in _facts(text).items()}
    assert kinds == {"95.2万吨": "level", "2.72万吨": "change", "8.00万吨": "change"}


def test_taiwans_rates_of_growth_per_mille_are_changes_and_its_crude_rates_levels() -> None:
    text = "某年重要人口指標\n人口增加率為千分之3.92;年成長率為千分之4.66;粗出生率為千分之8.96。\n"
    kinds = {key: (f.unit, f.kind) for key, f in _facts(text).items()}
    assert kinds == {
        "千分之3.92": ("‰", "change"),
        "千分之4.66": ("‰", "change"),
        "千分之8.96": ("‰", "level"),
    }


def test_an_amount_right_after_the_verb_of_a_change_is_a_change_but_new_additions_are_not() -> None:
    text = (
        "某市2017年国民经济和社会发展统计公报\n"
        "粮食播种面积比上年减少1.5千公顷，其中稻谷播种面积减少0.2千公顷，玉米播种面积增加1.1千公顷。"
        "城镇新增就业1.2万人。蔬菜种植面积增加到3.4千公顷。\n"
    )
    kinds = {key: f.kind for key, f in _facts(text).items()}
    assert (kinds["0.2千公顷"], kinds["1.1千公顷"]) == ("change", "change")
    assert kinds["1.2万人"] == "level"  # 新增 counts what was added
    assert kinds["3.4千公顷"] == "level"  # 增加到 reaches a level


def test_a_goal_a_result_is_compared_with_is_a_target_of_the_subject_before() -> None:
    text = (
        "某市2023年国民经济和社会发展统计公报\n"
        "城镇调查失业率平均值为4.6%，低于5%的控制目标。居民消费价格上涨2.1%，低于3%左右的预期目标。\n"
    )
    facts = _facts(text)
    assert (facts["4.6%"].status, facts["4.6%"].kind) == ("actual", "share")
    goal = facts["5%"]
    assert (goal.status, goal.kind, goal.indicator) == (
        "target",
        "share",
        "城镇调查失业率平均值控制目标",
    )
    assert (facts["3%"].status, facts["3%"].indicator) == ("target", "居民消费价格预期目标")


def test_a_sentence_announcing_this_years_goals_in_a_review_gives_targets() -> None:
    text = (
        "某市2023年国民经济和社会发展统计公报\n"
        "全年地区生产总值增长5.2%。《计划》提出，今年全市生产总值增长将保持6%左右。"
        "今年将推动数字经济占比达到40%以上。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses == {"5.2%": "actual", "6%": "target", "40%": "target"}


def test_every_item_of_a_list_led_by_goals_is_a_target_to_the_end_of_its_paragraph() -> None:
    text = (
        "某区2022年经济运行情况\n全年生产总值增长6.1%。建议今年全区的预期目标是：——生产总值增长8%；"
        "——固定资产投资增长15%；——城镇登记失业率控制在4.5%以内。研发投入占比达到3.1%。\n"
        "居民收入增长5.5%。\n"
        "主要目标：\n地方财政收入增长5%左右\n城镇新增就业4万人\n\n全年接待游客120万人次。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    targets = {"8%", "15%", "4.5%", "3.1%", "5%", "4万人"}
    assert {key for key, status in statuses.items() if status == "target"} == targets
    assert statuses["5.5%"] == statuses["120万人次"] == "actual"


def test_a_figure_given_room_in_a_review_is_a_goal_unless_its_sentence_reports_a_result() -> None:
    text = (
        "某市2023年政府工作报告\n过去一年，生产总值增长5.3%。今年经济增长6%左右，"
        "城镇调查失业率控制在5.5%以内。完成投资800亿元，增长7%左右。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses == {
        "5.3%": "actual",
        "6%": "target",
        "5.5%": "actual",
        "800亿元": "actual",
        "7%": "actual",
    }


def test_a_year_in_the_lead_of_a_list_dates_its_items() -> None:
    text = (
        "某省政府工作报告\n2020年成就：\n实现生产总值2.62万亿元，增长2.2%\n"
        "固定资产投资增长4.1%\n\n2021年主要目标：\n生产总值增长6.5%左右\n"
    )
    periods = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert periods["2.62万亿元"] == periods["4.1%"] == ("2020", "actual")
    assert periods["6.5%"] == ("2021", "target")


def test_a_year_leading_a_list_of_numbered_paragraphs_dates_and_plans_each_item() -> None:
    # A town's budget for 2031, delivered in 2031 on 2030's results: each item of 2031's
    # spending is a paragraph of its own, and all of them are 2031's plan.
    text = (
        "2031年财政预算\n2030年全镇一般公共预算收入完成11406万元。\n\n"
        "2031年预算支出主要用于以下事项:\n\n1.一般公共服务支出3771万元;\n\n"
        "2.国防支出23万元\n\n3.教育支出610万元(其中学校改造264万元);\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["11406万元"] == ("2030", "actual")
    assert attributes["3771万元"] == attributes["23万元"] == attributes["264万元"]
    assert attributes["264万元"] == ("2031", "target")


def test_a_departments_budget_plans_every_figure_of_its_year() -> None:
    # A department's budget for 2031 compares it with 2030's: the comparison is planned too.
    text = (
        "共青团某市委2031年“三公”经费预算\n"
        "“三公”经费支出预算为7万元,比2030年预算增加2.66万元,增长61.29%。\n"
        "其中:公务接待费支出2万元,比2030年预算减少0.14万元。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["7万元"] == attributes["2万元"] == ("2031", "target")
    assert attributes["2.66万元"][1] == attributes["0.14万元"][1] == "target"


def test_a_governments_general_budget_bill_plans_its_year() -> None:
    # A news story on Taiwan's general budget bill (總預算案) for 102年度 (2013).
    text = (
        "(中央社记者台北31日电)102年度中央政府总预算案今天送到立法院。\n"
        "102年度岁入编列新台币1兆7302亿元,较101年度增加4亿元;岁出编列1兆9446亿元。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["4亿元"] == ("2013", "target")


def test_a_budgets_title_that_drops_the_year_word_still_plans_its_year() -> None:
    text = (
        "一、全口径预算安排2017三公经费预算总计21.56万元\n"
        "(三)公务用车费预算19.95万元,同比减少5.70万元,下降22.22%。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["19.95万元"] == attributes["5.70万元"] == ("2017", "target")


def test_a_page_opening_on_a_years_budget_being_drawn_up_plans_that_year() -> None:
    text = (
        "2031年,全国社会保险基金预算按险种分别编制。汇总中央和地方预算,2031年全国社会保险"
        "基金收入37667亿元,比上年增长9.1%。\n"
        "企业职工基本养老保险基金收入21489亿元,支出19117亿元。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["37667亿元"] == attributes["19117亿元"] == ("2031", "target")
    assert attributes["9.1%"][1] == "target"


def test_a_line_opening_on_a_month_and_a_comma_is_a_period_not_the_date_written() -> None:
    text = (
        "一、财政收入完成情况\n"
        "2030年5月,某区财政总收入完成19800万元,比上年同期完成数26975万元减少7175万元。\n"
        "从征收部门看:税务部门组织地方收入5982万元,较上年同期降低43.10%。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["19800万元"] == attributes["5982万元"] == ("2030", "actual")
    assert attributes["26975万元"] == ("2029", "actual")


def test_a_title_on_a_years_months_so_far_dates_a_mirrors_repost_by_that_year() -> None:
    text = (
        "2031年前11个月全国公共财政收入达97309亿元 同比增长26.8%\n\n"
        "来源:某文库 编辑:某新闻 时间:2044/04/27 15:03:19\n\n"
        "11月份,全国财政收入6457.32亿元,比去年同月增加616.63亿元。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["97309亿元"] == attributes["6457.32亿元"] == ("2031", "actual")


def test_a_departments_offices_and_staff_are_undated_unless_their_sentence_names_a_year() -> None:
    text = (
        "某县招商服务中心2031年部门决算\n"
        "一、部门职能\n负责全县招商引资工作。\n"
        "二、部门决算单位机构设置及人员情况\n"
        "招商服务中心设9个内设机构。现单位实有在职在编人员16名,退休职工6名。\n"
        "2031年度收入总计434.72万元,比上年增加58.21万元。\n"
        "三、机构设置及人员情况\n"
        "某中心2031年度,实有人数11人。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods["9个"] is periods["16名"] is periods["6名"] is None
    assert periods["434.72万元"] == periods["11人"] == "2031"


def test_a_departments_budget_execution_stays_a_result() -> None:
    text = "某局2030年部门预算执行情况\n全年公务接待费支出2万元,比上年减少0.14万元。\n"
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes["2万元"] == ("2030", "actual")


def test_a_stock_as_of_a_year_end_is_that_years_count() -> None:
    # A budget report for 2031 states the debt as of the end of 2030, and what was issued by
    # the end of January 2031: both counted, each in its year.
    text = (
        "关于某区2030年预算执行情况和2031年预算草案的报告\n(二)政府债务余额\n\n"
        "截至2030年底,我区法定债务余额为169,117.83万元,其中一般债务余额为152,995.83万元。"
        "截至2031年1月底,已发行新增债券8,000万元。\n"
    )
    attributes = {key: (f.period, f.status) for key, f in _facts(text).items()}
    assert attributes == {
        "169,117.83万元": ("2030", "actual"),
        "152,995.83万元": ("2030", "actual"),
        "8,000万元": ("2031", "actual"),  # in the plan's own year, but as of a date passed
    }


def test_a_net_increase_and_a_compound_growth_rate_are_changes() -> None:
    text = (
        "某市2022年国民经济和社会发展统计公报\n全年新增市场主体9080户、净增1954户。"
        "到2000年，工农业总产值年均递增率为10%。\n"
    )
    kinds = {key: f.kind for key, f in _facts(text).items()}
    assert kinds == {"9080户": "level", "1954户": "change", "10%": "change"}


def test_pinyin_glosses_are_read_past_and_left_out_of_indicators() -> None:
    text = (
        "某區(qū)2021年經(jīng)濟(jì)運(yùn)行情況\n"
        "全區(qū)常住人口城鎮(zhèn)化率為62.5%。三次產(chǎn)業(yè)結(jié)構(gòu)由上年的18.2:13.9:67.9"
        "調(diào)整為17.6:14.5:67.9。\n"
    )
    facts = _facts(text)
    assert facts["62.5%"].indicator == "常住人口城鎮化率"
    assert (facts["18.2"].period, facts["17.6"].period) == ("2020", "2021")


def test_unglossed_offsets_map_back_to_the_text() -> None:
    clean = Unglossed.of("產(chǎn)業(yè)12%")
    assert clean.text == "產業12%"
    assert clean.position(len("產(chǎn)業(yè)")) == 2
    assert clean.position(0) == 0


def test_an_indicator_names_the_subject_of_a_change_and_each_item_of_a_list() -> None:
    text = (
        "某市2021年国民经济和社会发展统计公报\n"
        "全年全市地区生产总值1000亿元，比上年增长6.5%。"
        "第一、第二和第三产业增加值分别增长3.1%、5.2%和7.4%。"
        "三次产业结构由上年的10.5:40.2:49.3调整为9.8:40.6:49.6。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["6.5%"] == "地区生产总值增长"
    assert indicators["5.2%"] == "第二产业增加值增长"
    assert indicators["40.2"] == "三次产业结构(第二产业)"
    assert indicators["49.6"] == "三次产业结构(第三产业)"


def test_a_change_that_names_no_subject_is_the_change_of_the_subject_before_it() -> None:
    text = (
        "某市2024年1月人力资源情况\n"
        "一、1月就業人數1,158萬7千人,較上月增加4千人或0.03%。"
        "本地產品出口(1.6億元)下跌1.6%。參團旅客為72.3萬人次,按年減少24.9%。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["1,158萬7千人"] == "1月就業人數"  # no 一、 of the list it opens
    assert indicators["0.03%"] == "1月就業人數增加"  # 或: the same change, as a rate
    assert indicators["1.6%"] == "本地產品出口下跌"
    assert indicators["24.9%"] == "參團旅客減少"


def test_a_change_against_a_named_year_or_written_short_names_the_subject_before_it() -> None:
    text = (
        "某省2011年预算执行情况\n"
        "事業發展支出234.1億元,比2010年增加11.7億元,增長5.2%。"
        "全年实现地区生产总值76.94亿元,比增18%。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["11.7億元"] == "事業發展支出比2010年增加"
    assert indicators["18%"] == "地区生产总值比增"


def test_last_years_figure_a_result_is_set_against_names_last_years_subject() -> None:
    text = "某镇2021年预算报告\n2021年我镇全口径税收收入20558万元,比上年18033万元增长14%。\n"
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["18033万元"] == "上年全口径税收收入"
    assert indicators["14%"] == "全口径税收收入增速"


def test_a_list_of_changes_after_a_bare_respectively_names_the_figures_before_it() -> None:
    text = (
        "某市2009年勞動人口統計\n"
        "失業率為3.8%,就業不足率為1.8%,與上一期比較,分別上升0.2及0.1個百分點。"
        "三次产业对经济增长的贡献率分别为10%、40%和50%,分别拉动经济增长0.5、2.0和2.5个百分点。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["0.2"] == "失業率上升"
    assert indicators["0.1個百分點"] == "就業不足率上升"
    # 拉动经济增长 is a subject of its own: not the rates before it.
    assert indicators["2.0"] == "第二产业拉动经济增长"


def test_a_list_after_分别_keeps_the_rate_and_each_figures_own_change() -> None:
    text = (
        "某市2023年统计公报\n"
        "出口增长5%,进口增长3%,增速分别回落1.2和2.1个百分点。"
        "居民用电量100亿千瓦时,工业用电量200亿千瓦时,比上年分别下降2%和增长4%。"
        "第一产业增加值100亿元,第二产业增加值400亿元,分别比2010年增长50%和80%。"
        "孕产妇死亡率10.1/10万,婴儿死亡率4.5‰,与上年相比,分别下降2.1/10万和0.3‰。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert (indicators["1.2"], indicators["2.1个百分点"]) == ("出口增速回落", "进口增速回落")
    assert (indicators["2%"], indicators["4%"]) == ("居民用电量下降", "工业用电量增长")
    # a year compared with, and the 10 of /10万, are no figures of the list
    assert (indicators["50%"], indicators["80%"]) == ("第一产业增加值增长", "第二产业增加值增长")
    assert indicators["0.3‰"] == "婴儿死亡率下降"


def test_a_rate_named_before_its_change_takes_the_subject_before_it() -> None:
    text = (
        "某市2023年统计公报\n"
        "食品价格上涨3.5%,涨幅回落1.2个百分点。"
        "规模以上工业增加值增长6.1%,增速比上年回落0.5个百分点。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["1.2个百分点"] == "食品价格涨幅回落"
    assert indicators["0.5个百分点"] == "规模以上工业增加值增速比上年回落"


def test_ordinal_sectors_are_no_numbered_lead_but_an_item_number_is() -> None:
    text = "某市2023年统计公报\n一、二、三产业增加值分别为100亿元、200亿元和300亿元。\n"
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert list(indicators.values()) == ["一产业增加值", "二产业增加值", "三产业增加值"]
    numbered = _facts("某市2023年统计公报\n二、一般公共预算收入100亿元,增长5%。\n")
    assert numbered["100亿元"].indicator == "一般公共预算收入"


def test_a_list_of_changes_after_a_bare_respectively_names_the_items_of_the_clause_before() -> None:
    text = (
        "香港2012年12月消費物價\n"
        "價格上升的大類有租金及住屋開支類、衣履類和糧食及飲品類,分別上升0.97%、0.89%和0.84%。"
        "城镇和农村居民人均可支配收入,分别增长5.1%和7.2%。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["0.97%"] == "租金及住屋開支類上升"
    assert indicators["0.84%"] == "糧食及飲品類上升"
    assert indicators["5.1%"] == "城镇居民人均可支配收入增长"


def test_only_a_pairs_short_first_item_shares_the_second_ones_tail() -> None:
    text = "某市2023年统计公报\n增长较快的行业有化工、电力和汽车制造业,分别增长15%、12%和10%。\n"
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert list(indicators.values()) == ["化工增长", "电力增长", "汽车制造业增长"]
    shared = _facts(
        "某市2023年统计公报\n城镇、农村和全体居民人均可支配收入稳步提高,分别增长5%、6%和5.5%。\n"
    )
    assert [f.indicator for f in shared.values()] == [
        "城镇居民人均可支配收入增长",
        "农村居民人均可支配收入增长",
        "全体居民人均可支配收入增长",
    ]


def test_a_structure_that_evolved_from_last_years_dates_its_first_terms_to_last_year() -> None:
    text = "杭锦后旗2021年统计公报\n三次产业结构由上年的38.8:17.0:44.2演进为39.7:18.1:42.2。\n"
    periods = {key: f.period for key, f in _facts(text).items()}
    years = [periods[term] for term in ("38.8", "44.2", "39.7", "42.2")]
    assert years == ["2020", "2020", "2021", "2021"]


def test_goals_set_for_the_coming_five_years_have_no_year_but_this_years_do() -> None:
    text = (
        "贵阳市2017年政府工作报告\n"
        "今后五年主要目标是:力争创新发展更加强劲。全市生产总值总量突破5500亿元,"
        "森林覆盖率超过50%。\n"
        "为未来五年描绘蓝图:今年地区生产总值预期增长12%。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert (periods["5500亿元"], periods["50%"]) == (None, None)
    assert periods["12%"] == "2017"


def test_a_budget_speech_plans_its_year_and_a_forecast_naming_no_year_is_a_goal() -> None:
    text = (
        "二零一九/二零年度财政预算\n"
        "182. 二零一九/二零年度的总收入预计为六千二百六十一亿元。"
        "入息及利得税预计为二千三百五十九亿元。"
        "地价收入预算为一千四百三十亿元。\n"
    )
    attributes = {key: (f.status, f.period) for key, f in _facts(text).items()}
    assert attributes["二千三百五十九亿元"] == ("target", "2019")
    assert attributes["一千四百三十亿元"] == ("target", "2019")


def test_a_revised_budget_is_a_goal_but_an_outcome_against_it_is_a_result() -> None:
    text = (
        "某市2009年财政收支情况\n"
        "政府收入的修订预算为6827亿港元。该年度的开支较修订预算减少了22亿元。"
        "追加歲入預算3億元。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses["6827亿港元"] == "target"
    assert statuses["22亿元"] == "actual"
    assert statuses["3億元"] == "target"


def test_a_budget_speech_s_part_proposes_measures_and_revises_estimates_as_goals() -> None:
    # A part of a budget speech, its year unnamed: the measures it proposes are goals.
    speech = (
        "财政司司长财政预算案演辞(十六)\n纾缓措施\n"
        "153. 我建议推出一系列一次过的措施,包括为全港约70万个公屋租户代缴两个月的租金,"
        "涉及开支约18亿元。\n"
    )
    assert _facts(speech)["18亿元"].status == "target"
    # Before Hong Kong's year closes in March, the year's revised estimate against the
    # original budget, or against what was expected, is still an estimate.
    story = (
        "香港財政儲備3月底預計為8600億港元\n2016年02月24日 來源:新華網\n"
        "政府收入的修訂預算是4570億港元,較原來預算低4.2%。"
        "地價收入較預期多435億港元。\n"
    )
    statuses = {key: f.status for key, f in _facts(story).items()}
    assert statuses["4.2%"] == "target"
    assert statuses["435億港元"] == "target"


def test_a_hong_kong_stock_at_a_date_before_april_closes_the_fiscal_year_before() -> None:
    text = (
        "二零零九至一零年度财务状况的临时数字\n"
        "该年度有259亿港元的盈余。财政储备在二零一零年三月三十一日为5,203亿元。"
        "财政储备在2010年6月30日为5,300亿元。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods["5,203亿元"] == "2009"
    assert periods["5,300亿元"] == "2010"


def test_a_stock_at_the_end_of_march_elsewhere_is_the_calendar_years() -> None:
    text = "某市2010年统计公报\n截至2010年3月31日,全市人口为520万人。\n"
    assert _facts(text)["520万人"].period == "2010"


def test_a_taiwan_story_on_a_years_general_budget_reads_its_figures_as_that_years_plan() -> None:
    text = (
        "北市總預算 刪減14.11億\n"
        "(中央社記者台北31日電)台北市議會今晚三讀通過台北市政府103年度總預算,"
        "歲出計列1712.31億元,較原預算案刪減14.11億元。\n"
    )
    attributes = {f.text: (f.status, f.period) for f in rules_facts(text)}
    assert attributes["1712.31億元"] == ("target", "2014")


def test_goals_listed_as_numbered_paragraphs_under_a_plans_lead_are_its_goals() -> None:
    text = (
        "十一五经济社会发展目标确定\n\n"
        "  本报讯 湖南省“十一五”经济社会发展的主要目标是:\n\n"
        "  1.经济增长。GDP年均增长10%左右。财政总收入达到1300亿元,\n"
        "进出口总额超过100亿美元。\n\n"
        "  2.经济结构。城镇化率达到45%。\n"
    )
    attributes = {key: (f.status, f.period) for key, f in _facts(text).items()}
    assert attributes["1300亿元"] == ("target", None)
    assert attributes["100亿美元"] == ("target", None)
    assert attributes["45%"] == ("target", None)


def test_a_budget_adjusted_past_its_semicolons_and_a_budgets_stated_total_are_goals() -> None:
    text = (
        "重庆市2014年统计\n"
        "市级公共财政预算收入:经市人大批准的市本级收入预算601亿,保持不变;"
        "转移性收入881亿,调增99亿,调整为980亿。"
        "江苏省2013年“三公经费”财政拨款预算总额为9.21亿元,其中因公出国(境)费0.80亿元。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert [statuses[key] for key in ("881亿", "99亿", "980亿")] == ["target"] * 3
    assert (statuses["9.21亿元"], statuses["0.80亿元"]) == ("target", "target")


def test_a_departments_offices_and_staff_in_its_budget_are_counted_undated() -> None:
    text = (
        "深圳市教育局直属系统2013年部门预算\n"
        "市教育局直属系统含局机关12个处,下属单位22家,行政编制85人。\n"
        "2013年总收入15亿元。\n"
    )
    attributes = {key: (f.status, f.period) for key, f in _facts(text).items()}
    assert attributes["12个"] == ("actual", None)
    assert attributes["85人"] == ("actual", None)
    assert attributes["15亿元"] == ("target", "2013")


def test_a_budget_adjusted_from_its_own_start_keeps_its_year() -> None:
    text = "板芙镇2022年预算调整方案\n一般公共预算总收入由年初预算79552.91万元调整为82513.7万元。\n"
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods["79552.91万元"] == periods["82513.7万元"] == "2022"


def test_words_that_look_like_a_move_or_a_comparison_stay_in_the_indicator() -> None:
    text = (
        "某县2018年统计公报\n"
        "年末从业人员122万人，比上年增长4.1%。"
        "人均生产总值为14028元，比去年净增2575元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["122万人"] == "年末从业人员"  # 从业 is no "from"
    assert indicators["4.1%"] == "年末从业人员增长"
    assert indicators["2575元"] == "人均生产总值比去年净增"  # 比去年 goes on from its subject


def test_a_text_dated_by_the_republic_of_china_calendar_gives_common_era_periods() -> None:
    text = (
        "補助款分配說明\n110年度中央政府總預算編列一般性補助經費2,417億元。"
        "100年度整體自有財源占歲入比率為57.31%。108年度為65.2%。\n"
    )
    facts = _facts(text)
    assert (facts["2,417億元"].period, facts["2,417億元"].status) == ("2021", "target")
    assert facts["57.31%"].period == "2011"
    assert document_year(text) == "2021"


def test_the_end_of_a_move_dated_in_its_own_words_takes_that_year() -> None:
    text = (
        "某省政府工作报告新闻\n全省生产总值由2002年的14200亿元增加到2007年的31800亿元,"
        "地区生产总值占比较上年提高1.5个百分点。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods["14200亿元"] == "2002"
    assert periods["31800亿元"] == "2007"
    assert periods["1.5个百分点"] == "2007"  # a change on last year is this year's


def test_short_items_of_a_list_take_its_head_noun_and_sectors_are_named_in_turn() -> None:
    text = (
        "某市2017年国民经济和社会发展统计公报\n"
        "第一产业增加值80亿元,增长3.5%。其中,农业36.8亿元,增长7.8%;牧业19.4亿元。"
        "三次产业对经济的贡献率分别为11.6%、63.2%和25.2%,分别拉动经济增长1.9、10.4和4.2个百分点。"
        "全市地区生产总值(GDP)250亿元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["36.8亿元"] == "农业增加值"
    assert indicators["19.4亿元"] == "牧业增加值"
    assert indicators["63.2%"] == "第二产业对经济的贡献率"
    assert indicators["10.4"] == "第二产业拉动经济增长"
    assert indicators["250亿元"] == "地区生产总值"  # 全市 is a lead word, (GDP) a gloss


def test_how_a_figure_was_reckoned_is_left_out_of_its_indicator() -> None:
    text = (
        "某省2022年国民经济和社会发展统计公报\n"
        "全年实现地区生产总值5230.6亿元，按可比价格计算增长4.7%。"
        "人均地区生产总值为81200元（按年平均汇率折算为12070美元）。"
        "全省税收收入318.2亿元，扣除留抵退税因素后增长3.9%。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["4.7%"] == "地区生产总值增长"
    assert indicators["12070美元"] == "人均地区生产总值"
    assert indicators["3.9%"] == "税收收入增长"  # 全省, like 全市, is a lead word


def test_where_a_value_came_to_measures_the_subject_it_moved_from() -> None:
    text = (
        "某省2019年政府工作报告\n"
        "贫困发生率由8.2%降至4.7%，贫困村从312个减少到96个。"
        "地方财政收入从2015年的51.3亿元增加到2020年的77.9亿元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["8.2%"] == indicators["4.7%"] == "贫困发生率"
    assert indicators["312个"] == indicators["96个"] == "贫困村"
    assert indicators["51.3亿元"] == indicators["77.9亿元"] == "地方财政收入"


def test_goals_listed_in_a_review_are_for_the_year_ahead_and_two_year_averages_for_none() -> None:
    text = (
        "某市2018年政府工作报告\n过去一年，全市生产总值增长6.9%，两年平均增长6.5%。\n"
        "今年经济社会发展主要预期目标是：生产总值增长7%左右。研发经费支出占比达到2.8%。\n"
    )
    periods = {key: (f.status, f.period) for key, f in _facts(text).items()}
    assert periods["6.9%"] == ("actual", "2017")
    assert periods["6.5%"] == ("actual", None)
    assert periods["7%"] == periods["2.8%"] == ("target", "2018")


def test_an_index_level_in_prose_is_a_fact_with_no_unit() -> None:
    text = (
        "某市2021年国民经济和社会发展统计公报\n"
        "全年居民消费价格总指数为101.6，其中食品价格指数98.9。企业景气指数年末达到121.35。"
        "全市共有指数基金3只。服务项目价格指数 104.6 其中:消费品价格指数 105.8\n"
    )
    facts = _facts(text)
    assert {key: (f.unit, f.kind) for key, f in facts.items() if not f.unit} == {
        "101.6": ("", "level"),
        "98.9": ("", "level"),
        "121.35": ("", "level"),
        "104.6": ("", "level"),  # a flattened table puts a space before its figure
        "105.8": ("", "level"),
    }


def test_a_price_followed_by_a_bare_decimal_is_its_index_but_a_price_in_money_keeps_its_unit() -> (
    None
):
    text = (
        "某市2001年统计公报\n"
        "全年居民消费价格总水平比上年上涨1.8%,其中:食品价格99.6,居住价格100.6。"
        "大米收购价格2.50元,生猪收购价格12。\n"
    )
    units = {key: (f.unit, f.kind) for key, f in _facts(text).items()}
    assert units == {
        "1.8%": ("%", "change"),
        "99.6": ("", "level"),
        "100.6": ("", "level"),
        "2.50元": ("元", "level"),
    }  # a whole number after a price may be a price whose unit the text left out: not read


def test_the_plan_a_result_is_measured_against_is_a_target_and_the_share_a_result() -> None:
    text = (
        "关于某省2021年预算执行情况的报告\n"
        "全省财政总收入为512.30亿元，为年度预算498.00亿元的102.87%。"
        "税收收入完成年度指标300亿元的95.2%。一般公共预算支出完成调整预算的 97.1%。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses == {
        "512.30亿元": "actual",
        "498.00亿元": "target",
        "102.87%": "actual",
        "300亿元": "target",
        "95.2%": "actual",
        "97.1%": "actual",
    }


def test_a_fund_named_before_a_colon_does_not_make_its_results_a_budget() -> None:
    text = (
        "关于某区2020年决算情况的报告\n一、全区收支决算情况\n"
        "(一)一般公共预算:2020年全区一般公共预算收入42.3亿元，同比增长6.1%。\n"
        "二、2021年代编预算\n全区代编预算:地方级财政收入预算51200万元。\n"
    )
    statuses = {key: f.status for key, f in _facts(text).items()}
    assert statuses == {"42.3亿元": "actual", "6.1%": "actual", "51200万元": "target"}


def test_a_share_of_the_budget_and_the_change_after_it_are_of_the_sentences_subject() -> None:
    text = (
        "关于某县2021年上半年预算执行情况的报告\n"
        "地方一般公共预算收入8.6亿元，为年预算的45.2%，降低3.1%。"
        "一般公共预算支出12.4亿元，完成调整后预算的51.7%，增长2.2%。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["45.2%"] == "地方一般公共预算收入为年预算"
    assert indicators["3.1%"].startswith("地方一般公共预算收入")
    assert indicators["51.7%"] == "一般公共预算支出完成调整后预算"
    assert indicators["2.2%"].startswith("一般公共预算支出")


def test_a_qualifier_after_a_rate_is_not_the_noun_it_measures() -> None:
    text = (
        "某市2017年政府工作报告\n"
        "预计全年地区生产总值2.15万亿元，比上年增长7%以上。完成固定资产投资6000亿元，增长8%左右。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["7%"] == "地区生产总值增长"
    assert indicators["8%"].endswith("固定资产投资增长")


def test_an_item_number_is_not_part_of_the_indicator() -> None:
    text = "关于某市2022年1-5月财政收支情况的报告\n1.增值税增加4270万元。2.消费税增加283万元。\n"
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators == {"4270万元": "增值税增加", "283万元": "消费税增加"}


def test_document_year_of_a_text_dated_by_the_republic_of_china_calendar_alone() -> None:
    text = (
        "第812號市政統計週報\n【提要】111年某市平均每戶家庭可支配所得為120.5萬元，較110年增加1.2%；"
        "111年每戶消費支出98.1萬元，較110年減少0.4%。\n"
    )
    assert document_year(text) == "2022"
    assert {key: f.period for key, f in _facts(text).items()}["120.5萬元"] == "2022"


def test_a_change_on_the_year_before_named_by_its_year_is_of_the_next_year() -> None:
    text = (
        "某省1957年国民经济计划执行结果的公报\n"
        "工业生产总值33.1亿元，比1956年增长2.9%。粮食产量比1952年增长18.4%。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods == {"33.1亿元": "1957", "2.9%": "1957", "18.4%": None}


def test_a_change_against_a_census_the_sentence_names_before_its_clause_spans_the_years() -> None:
    text = (
        "某县第七次全国人口普查公报(2020年)\n"
        "全县常住人口为742747人,与2010年第六次全国人口普查相比,减少35892人,减少4.61%,"
        "年平均减少0.47%。与2020年度预算相比,增加0万元。与2015年相比,新加坡(2556元)。"
        "与2010年第六次全国人口普查相比,汉族人口减少10134人;各少数民族人口增加36041人。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods["742747人"] == "2020"
    assert periods["35892人"] is None  # ten years' change, not 2020's
    assert periods["4.61%"] is None
    assert periods["36041人"] is None  # the comparison holds across the semicolon
    assert periods["0万元"] == "2020"  # 2020年度预算 is the year's budget, not a base year
    assert periods["2556元"] == "2020"  # a level, not a change on the base year


def test_more_and_less_than_planned_or_than_a_year_are_changes_and_a_done_share_a_share() -> None:
    text = (
        "关于某省2003年预算执行情况的报告\n"
        "省级财政总收入413亿元，超收2.4亿元。粮食产量1126万吨，较上年减产24.5万吨。"
        "投资完成年度任务的35.5%。\n"
    )
    kinds = {key: f.kind for key, f in _facts(text).items()}
    assert kinds == {"413亿元": "level", "2.4亿元": "change", "1126万吨": "level",
                     "24.5万吨": "change", "35.5%": "share"}  # fmt: skip


def test_where_and_when_words_that_open_a_clause_are_not_the_indicator() -> None:
    text = (
        "某县2021年上半年经济运行情况\n"
        "上半年全县农林牧渔业总产值12.4亿元。据统计我县生猪出栏8.6万头。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators == {"12.4亿元": "农林牧渔业总产值", "8.6万头": "生猪出栏"}


def test_document_year_from_an_english_date_field_at_the_top() -> None:
    text = (
        " date 2025-10-22 縣議會今開定期會。\n"
        "縣長自2018年底上任後，隔年起自行統籌預算。明年度總預算歲出707億元。\n"
    )
    context = DocumentContext.of(text)
    assert (context.report_year, context.plan_year) == ("2025", "2026")


def test_a_figure_in_a_sentence_on_a_span_of_years_has_no_period() -> None:
    text = (
        "关于某镇2010年财政预算执行情况的报告\n"
        "至2010年的五年间，全镇财政收入总量为“十五”期末的2.48倍，资产总量增加80.3%。"
        "2010年财政收入3.2亿元。\n"
    )
    periods = {key: f.period for key, f in _facts(text).items()}
    assert periods == {"2.48倍": None, "80.3%": None, "3.2亿元": "2010"}


def test_a_line_wrapped_mid_sentence_is_read_as_one_sentence() -> None:
    text = (
        "某省1957年国民经济计划执行结果的公报\n"
        "工业生产总值33.56亿元，完成年计划的103.4%，比上年增长2.7%。其中，地方工业产值\n"
        "17.92亿元，比上年增长3.6%。\n一、农业\n"
    )
    assert _facts(text)["17.92亿元"].indicator == "地方工业产值"


def test_a_total_keeps_its_word() -> None:
    text = (
        "关于某区2020年预算执行情况的报告\n"
        "加上级补助收入12万元，收入合计5146万元。支出总计为4489万元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["5146万元"] == "收入合计"
    assert indicators["4489万元"] == "支出总计"


def test_a_work_report_dated_on_its_title_line_reviews_the_year_before() -> None:
    text = (
        "政府工作报告(摘要)--1999年2月25日在某市第十二届人民代表大会第二次会议上\n"
        "一、本届政府开局之年的工作\n全市实现国内生产总值821.1亿元，比上年增长13.1%。\n"
    )
    assert DocumentContext.of(text).report_year == "1998"
    assert _facts(text)["821.1亿元"].period == "1998"


def test_a_budget_adjusted_in_the_year_is_that_years_target() -> None:
    text = (
        "一、财政预算调整原因\n今年以来，受2021年新出台政策影响，预算收支发生变化。\n"
        "二、财政收支预算调整草案\n全县一般公共预算总财力拟调整为635000万元，调增93000万元。\n"
    )
    facts = _facts(text)
    assert (facts["635000万元"].status, facts["635000万元"].period) == ("target", "2021")


def test_the_budget_as_passed_and_as_adjusted_in_an_execution_report_are_targets() -> None:
    text = (
        "关于某县2022年预算执行情况的报告\n一、2022年预算执行情况\n"
        "年初预算为:一般公共预算收入76138万元(税收收入47008万元);政府性基金预算收入80000万元。"
        "经县人大常委会批准,一般公共预算收入由年初的76138万元调整为89138万元,调增13000万元,"
        "其中:税收收入调整为40500万元。全年一般公共预算收入完成88435万元。\n"
    )
    statuses = {key: fact.status for key, fact in _facts(text).items()}
    assert [statuses[key] for key in ("47008万元", "80000万元", "13000万元", "40500万元")] == [
        "target"
    ] * 4
    assert statuses["88435万元"] == "actual"


def test_money_put_into_the_stabilisation_fund_is_spent_and_an_adjustment_a_change() -> None:
    text = (
        "关于某县2020年决算情况的报告\n一、一般公共预算收支决算情况\n"
        "加上上解支出1528万元、安排预算稳定调节基金3900万元，支出总计31200万元。\n"
        "税收收入拟调整为85000万元，调减16000万元。\n"
    )
    facts = _facts(text)
    assert facts["3900万元"].status == "actual"
    assert facts["16000万元"].kind == "change"


def test_a_change_on_the_line_after_a_comma_is_of_the_subject_before_it() -> None:
    text = (
        "某市1999年政府工作报告\n一、1998年工作回顾\n"
        "实现地方财政收入38.44亿元，增长21.5%。实际利用外资5.05亿美元，\n"
        "增长11.8%；税收收入拟调整为85000万元，调减16000万元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["11.8%"] == "实际利用外资增长"
    assert indicators["16000万元"] == "税收收入调减"


def test_a_figure_that_ends_a_line_before_a_label_opening_with_year_is_no_year() -> None:
    # 年死亡人口 … 1962⏎年末总户数: the cell is a count of deaths, the next row's label opens
    # with 年末; the text names no year at all.
    table = (
        "设区市基本情况\n"
        "  年死亡人口(人) 6282 5768 9342 895 1962\n"
        "  年末总户数(万户) 48.64 41.85 47.72 8.68 24.29\n"
    )
    assert DocumentContext.of(table).report_year is None
    assert DocumentContext.of("全市2023年\n生产总值增长5%").report_year == "2023"


def _fact_of(text: str, number: str) -> Fact:
    facts = rules_facts(text)
    return next(fact for fact in facts if fact.text == number)


def test_a_fiscal_year_over_two_calendar_years_is_its_first_and_ahead_of_the_report() -> None:
    text = (
        "二零二六/二七年度财政预算\n"
        "275. 二零二六/二七年度政府整体开支将上升约百分之六点九至八千四百三十四亿元。\n"
        "276. 2026/27年度的整体收入预计为7652亿元。\n"
    )
    spending = _fact_of(text, "八千四百三十四亿元")
    assert (spending.period, spending.status) == ("2026", "target")
    assert _fact_of(text, "7652亿元").period == "2026"


def test_hong_kongs_fiscal_year_written_with_zhi_is_the_year_it_begins() -> None:
    text = "二零零九至一零年度财务状况的临时数字\n政府公布:该年度的收入为3,184亿元。\n"
    assert _fact_of(text, "3,184亿元").period == "2009"


def test_a_fiscal_year_with_both_years_in_full_is_its_first_but_a_span_is_no_year() -> None:
    assert _fact_of("預計政府2015/2016年度盈餘為300億港元。", "300億港元").period == "2015"
    assert _fact_of("2017至2020年均增长3%。", "3%").period is None


def test_targets_listed_after_a_plans_indicator_arrangement_are_goals() -> None:
    text = (
        "市发改委介绍了2021年全市经济社会高质量发展指标体系安排,具体为:"
        "地区生产总值增长6.5%左右;规上工业增加值增长9%;一般公共预算收入增长5%。"
    )
    assert _fact_of(text, "9%").status == "target"


def test_a_republic_of_china_fiscal_year_before_2000_is_the_year_it_began() -> None:
    # Up to 八十九年度 the fiscal year ran from July: 八十七年度 is July 1997 to June 1998; a
    # half year (八十八年下半年) is a calendar year's.
    assert arabic_years("中华民国八十七年度总预算") == "中华民国1997年总预算"
    assert arabic_years("中华民国八十九年度") == "中华民国1999年"
    assert arabic_years("中华民国八十八年下半年") == "中华民国1999年半年"
    assert arabic_years("中华民国九十二年度") == "中华民国2003年"


def test_a_title_naming_a_republic_of_china_year_in_digits_dates_the_report() -> None:
    # 民國95年 in the title is the year reported on; in the body the era may name a base year.
    assert (
        arabic_years("民国95年重要人口指标\n95年底人口总数") == "2006年重要人口指标\n95年底人口总数"
    )
    assert arabic_years("民国105年统计\n") == " 2016年统计\n"
    assert arabic_years("人口老化\n民国88年底老化指数") == "人口老化\n民国88年底老化指数"
    text = "民國95年重要人口指標\n95年底人口總數為22,876,527人,較94年底增加106,144人。"
    assert _fact_of(text, "22,876,527人").period == "2006"


# --- round 6: budget proposals, reviews of a span, years in work reports' heads -------------


def test_a_figure_right_after_a_base_year_is_that_years_own() -> None:
    text = (
        "date 2025-11-11 縣議會開議，縣政府提送115年度總預算案至議會審議，歲入編列304.42億元。\n"
        "歲出預算編列302.12億元，較114年度法定預算數277.27億元，增加24.85億元。\n"
    )
    facts = _attributes(text)
    assert facts["277.27億元"][1] == "2025"  # 較114年度法定預算數: the base year's own figure


def test_a_goal_expected_to_grow_is_a_target() -> None:
    text = "市长作政府工作报告。今年广州的地区生产总值预期增长12%,全年财政收入增长8%。\n"
    assert _attributes(text)["12%"][0] == "target"


def test_a_work_reports_review_heading_and_a_title_year_without_nian_date_it() -> None:
    assert document_year("——2009年5月16日在县人民代表大会上\n2008年工作回顾\n") == "2008"
    assert document_year("合肥市 2006 政府工作报告 \n更新时间:2012-04-14\n各位代表:\n") == "2005"


def test_an_amount_that_restates_or_follows_a_change_is_a_change() -> None:
    text = (
        "2019年统计公报\n经营开支为五千零一十五亿元,按年增加百分之十五点四,即六百六十九亿元。"
        "博彩收益1883億元,較2009年增690億元,中央补助款减少 91.2亿元。\n"
    )
    kinds = {key: kind for key, (_, _, kind) in _attributes(text).items()}
    assert kinds["六百六十九亿元"] == kinds["690億元"] == kinds["91.2亿元"] == "change"
    assert kinds["五千零一十五亿元"] == "level"


def test_the_make_up_of_an_economy_moved_from_one_year_to_the_next_is_shares() -> None:
    text = (
        "2023年统计公报\n产业结构构成由上年的22.26%、28.63%和49.11%调整为21.35%、27.92%和50.73%。\n"
    )
    kinds = {key: kind for key, (_, _, kind) in _attributes(text).items()}
    assert set(kinds.values()) == {"share"}


# --- budget and work-report readings from round 7 (invented sentences) -------------------------


def test_a_completion_rate_of_the_budget_is_an_actual_share_however_it_is_written() -> None:
    facts = _attributes(
        "2023年区级一般公共预算收入完成39.1亿元,完成区第十八届人大常委会第十九次会议批准"
        "收入调整预算37.5亿元的104.3%。一般公共預算收入24.4億元,完成預算數107.06%。"
        "全区财政总收入7.2亿元,完成年初预算124.0%。"
    )
    assert facts["104.3%"][0::2] == ("actual", "share")
    assert facts["107.06%"][0::2] == ("actual", "share")
    assert facts["124.0%"][0::2] == ("actual", "share")


def test_a_budget_figure_is_a_target_and_a_gap_to_the_goal_a_result() -> None:
    facts = _attributes(
        "某县2021年预算执行情况\n经县人代会批准,全县一般公共财政收入预算21.06亿元,"
        "实际完成21.87亿元。全市生产总值9113亿元,增长11.5%,比预期目标高1.5个百分点。"
    )
    assert facts["21.06亿元"][0] == "target"
    assert facts["21.87亿元"][0] == "actual"
    assert facts["1.5个百分点"][0] == "actual"


def test_a_goal_of_the_rest_of_the_year_is_a_target_through_its_clauses() -> None:
    facts = _attributes(
        "上半年全省完成生产总值3780亿元。按照计划,今年下半年,全省将确保完成生产总值5420亿元,"
        "全年达到9200亿元。今年上半年,全省主要经济指标增速继续位居前列,投资增长24.6%。"
    )
    assert facts["3780亿元"][0] == "actual"
    assert facts["5420亿元"][0] == facts["9200亿元"][0] == "target"
    assert facts["24.6%"][0] == "actual"  # 主要 is no 要


def test_a_sum_over_months_of_the_year_keeps_the_year() -> None:
    facts = _attributes(
        "某市2020年财政决算报告\n1-12月份全市累计完成一般公共预算收入90870万元。"
        "五年来累计完成投资1200亿元。"
    )
    assert facts["90870万元"][1] == "2020"
    assert facts["1200亿元"][1] is None


def test_a_make_up_written_as_a_ratio_of_percentages_is_shares_of_its_years() -> None:
    facts = _attributes(
        "某区2023年国民经济和社会发展统计公报\n"
        "三次產業結構由上年的23.1%:20.5%:56.4%調整為22.9%:20.2%:56.9%。"
        "十大生态产业增加值占全县生产总值的17%,占比提升0.58%。自然增长人口1011人。"
    )
    assert {facts[term] for term in ("23.1%", "20.5%", "56.4%")} == {("actual", "2022", "share")}
    assert facts["56.9%"] == ("actual", "2023", "share")
    assert facts["0.58%"][2] == "change"
    assert facts["1011人"][2] == "change"


def test_a_macau_policy_address_reviews_the_year_before_its_fiscal_year() -> None:
    text = (
        "行政長官今日發表澳門特區政府2026年財政年度施政報告。入境旅客達2967萬人次,按年增長14.5%。"
    )
    assert document_year(text) == "2025"
    assert _attributes(text)["2967萬人次"][1] == "2025"


def test_make_ups_moved_from_last_year_date_their_first_terms_last_year() -> None:
    facts = _attributes(
        "某市2006年国民经济和社会发展统计公报\n"
        "三次產業結構由上年的16.8∶50.1∶33.1調整15.4∶51.9∶32.7。"
        "三次产业结构分别由上年的10.40%、53.13%和36.47%调整为2006年的9.47%、53.19%和37.34%。"
        "近四年税收占比均保持在80%以上。"
    )
    assert facts["50.1"][1] == "2005" and facts["51.9"][1] == "2006"
    assert {facts[term][2] for term in ("10.40%", "53.13%", "9.47%", "37.34%")} == {"share"}
    assert facts["80%"][1] is None


def test_an_approved_and_an_adjusted_budget_are_targets_and_the_excess_a_result() -> None:
    facts = _attributes(
        "某市2015年财政决算报告\n汇总年初各级人大批准的一般公共预算收入为115.4亿元,"
        "执行中按法定程序调整为114.7亿元,实际完成115.1亿元。区级一般预算收入超预算1.66亿元。"
        "牲畜存欄由1.08億頭只增加到1.36億頭只。"
        # A budget adjusted from one sum to another is a target at both ends; a result that
        # grew from one to another is no budget adjusted.
        "全旗一般公共预算收入由83.318亿元调整为143.5576亿元。"
        "一般公共预算收入由1070亿元增加到1963.5亿元。"
    )
    assert facts["115.4亿元"][0] == facts["114.7亿元"][0] == "target"
    assert facts["115.1亿元"][0] == "actual"
    assert facts["1.66亿元"][0::2] == ("actual", "change")
    assert "1.36億頭只" in facts
    assert facts["83.318亿元"][0] == facts["143.5576亿元"][0] == "target"
    assert facts["1070亿元"][0] == "actual"


def test_a_year_written_with_a_space_before_nian_dates_its_clause() -> None:
    facts = _attributes("高昌区2021年预算执行情况\n2022 年上级下达我区新增地方政府限额 9.2 亿元。")
    assert facts["9.2 亿元"][1] == "2022"


def test_a_degree_of_realisation_is_a_share() -> None:
    facts = _attributes("某县2019年统计公报\n其中:两个翻番实现程度100.0%;社会民生实现程度达98.3%。")
    assert facts["98.3%"][2] == "share"


def test_two_part_splits_ratios_against_100_and_a_sex_ratio_on_its_base() -> None:
    facts = _facts(
        "大庆市2006年国民经济和社会发展统计公报\n"
        "三次产业结构由2005年的3.0:85.9:11.1调整为3.1:85.7:11.2;"
        "油与非油经济比例由2005年的65:35调整为64.6:35.4。男女性别比为105.23:100。"
        "总人口性别比(以女性为100,男性对女性的比例)为106.9。"
    )
    assert [(facts[t].unit, facts[t].period) for t in ("11.1", "3.1", "65", "35.4")] == [
        ("ratio", "2005"),
        ("ratio", "2006"),
        ("ratio", "2005"),
        ("ratio", "2006"),
    ]
    assert (facts["105.23:100"].value, facts["105.23:100"].unit) == (105.23, "ratio")
    assert (facts["106.9"].unit, facts["106.9"].kind) == ("", "level")


def test_a_census_sex_ratio_set_against_the_last_census_is_two_levels_and_a_move() -> None:
    facts = _facts(
        "某县第七次全国人口普查公报\n"
        "全县常住人口中,男性人口为51200人,女性人口为48800人。"
        "总人口性别比(以女性为100,男性对女性的比例)由2010年第六次全国人口普查的103.86"
        "上升为104.92。"
        "城镇人口性别比为101.35,与2010年第六次全国人口普查的99.80相比,上升1.55。"
    )
    assert [
        (t, facts[t].unit, facts[t].kind, facts[t].period, facts[t].indicator)
        for t in ("103.86", "104.92", "101.35", "99.80", "1.55")
    ] == [
        ("103.86", "", "level", "2010", "总人口性别比"),
        ("104.92", "", "level", "2020", "总人口性别比"),
        ("101.35", "", "level", "2020", "城镇人口性别比"),
        ("99.80", "", "level", "2010", "城镇人口性别比"),
        ("1.55", "", "change", None, "城镇人口性别比上升"),
    ]


def test_a_figure_of_the_last_census_set_against_this_ones_is_the_census_years() -> None:
    facts = _facts(
        "某县第七次全国人口普查公报\n"
        "平均每个家庭户的人口为2.87人,比2010年第六次全国人口普查的3.21人减少0.34人。"
        "与2010年第六次全国人口普查相比,每10万人中拥有大学文化程度的由4521人上升为8760人。"
    )
    assert [(t, facts[t].period) for t in ("2.87人", "3.21人", "0.34人", "4521人", "8760人")] == [
        ("2.87人", "2020"),
        ("3.21人", "2010"),
        ("0.34人", None),  # a change over ten years
        ("4521人", "2010"),
        ("8760人", "2020"),
    ]


def test_a_year_of_constant_prices_dates_nothing() -> None:
    text = "初步核算,大武口区完成地区生产总值2435313万元,按2020年不变价格计算,同比增长3%。"
    assert document_year("某区2022年统计公报\n" + text) == "2022"
    assert document_year(text + "2022年全区常住人口10万人。") == "2022"


def test_a_budget_approved_without_de_is_a_target() -> None:
    facts = _attributes(
        "某区2020年决算报告\n区十七届人大第四次会议批准年初一般公共预算收入81.75亿元。"
    )
    assert facts["81.75亿元"][0] == "target"


def test_a_budget_adjusted_in_its_own_year_reports_on_that_year_so_far() -> None:
    text = (
        "重庆市某区人民政府关于2019年区级预算调整方案(草案)的报告\n\n一、1—10月财政收支完成情况\n\n"
        "2019年1—10月,全区地方财政收入完成579,014万元,为预算的81%。"
        "其中一般公共预算收入完成322,215万元,为预算的101.5%。\n"
    )
    context = DocumentContext.of(text)
    assert (context.report_year, context.plan_year) == ("2019", "2020")
    facts = _attributes(text)
    assert facts["579,014万元"][:2] == ("actual", "2019")
    assert facts["322,215万元"][:2] == ("actual", "2019")


def test_taiwans_rate_of_growth_is_a_change_and_money_planned_before_its_name() -> None:
    facts = _attributes(
        "臺北市2016年第2季經濟情勢\nCPI年增率平均上漲1.32%。地方稅收實徵淨額達259.10億元,年增率為3.5%。"
    )
    assert facts["1.32%"][2] == facts["3.5%"][2] == "change"
    money = _facts("湖南省2010年预算草案\n今年湖南將安排1849億財政支出。")
    assert (money["1849億"].value, money["1849億"].unit) == (184_900_000_000, "元")


def test_a_news_story_on_a_work_report_dates_it_by_the_year_it_reviews() -> None:
    text = (
        "市二届人大四次会议隆重开幕\n市长作政府工作报告\n"
        "报告回顾了2008年的工作,提出了2009年的发展目标和总体要求。\n"
        "今年经济社会发展的主要预期目标是:生产总值增长11%;出口总额增长10%。\n"
    )
    context = DocumentContext.of(text)
    assert (context.report_year, context.plan_year) == ("2008", "2009")
    assert _attributes(text)["11%"][:2] == ("target", "2009")


def test_a_goal_heading_on_a_line_of_its_own_makes_its_paragraph_goals() -> None:
    text = (
        "某县2015年政府工作报告\n主要目标\n"
        "生产总值增长11.5%左右,财政总收入和地方财政收入分别增长10.6%和12.3%左右,"
        "城镇登记失业率控制在4.2%以内。\n"
    )
    facts = _attributes(text)
    assert {facts[t][0] for t in ("11.5%", "10.6%", "12.3%", "4.2%")} == {"target"}


def test_an_outline_a_paragraph_lists_is_no_heading() -> None:
    text = (
        "漳州市2020年政府工作报告\n《报告》分三部分:\n一、2019年工作回顾;\n二、奋力做好2020年工作;\n"
        "三、以人民满意为目标,提升政府治理能力和水平。\n"
        "《报告》指出,2019年全市地区生产总值预计完成4725亿元,增长7.5%;"
        "一般公共预算总收入356.2亿元,增长1.2%。\n"
    )
    facts = _attributes(text)
    assert facts["356.2亿元"][:2] == ("actual", "2019")


def test_a_run_of_years_in_chinese_numerals_dates_nothing() -> None:
    facts = _attributes(
        "江西省2006年统计公报\n全省生产总值比上年增长12.3%,连续四年实现12%以上增长。"
    )
    assert facts["12.3%"][1] == "2006"
    assert facts["12%"][1] is None


def test_a_bulletin_title_cut_before_its_last_words_still_dates_it() -> None:
    text = (
        "四川省广元市利州区2009年国民经济和社会发展\n\n发布时间:2010-11-29 来源:统计局\n\n"
        "全年实现生产总值899139万元,比上年增长16.3%。\n"
    )
    assert document_year(text) == "2009"
    assert document_year("某区2024年国民经济和社会发展计划\n") == "2023"


def test_an_indicator_keeps_what_is_new_and_its_own_brackets_but_not_list_marks() -> None:
    text = (
        "2023年工作回顾\n"
        "全年新增城区绿化面积28万平方米,新建沼气池1200口。蔬菜产量(含食用菌)41.11万吨。"
        "(1)增值税5.2亿元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["28万平方米"] == "新增城区绿化面积"
    assert indicators["1200口"] == "新建沼气池"
    assert indicators["41.11万吨"] == "蔬菜产量(含食用菌)"
    assert indicators["5.2亿元"] == "增值税"


def test_an_indicator_is_read_past_a_notes_mark_a_short_form_and_a_pages_wrap() -> None:
    text = (
        "2022年统计公报\n"
        "全年国内生产总值(注2)1200亿元。"
        "城镇人口占常住人口比重(常住人口城镇化率)为62.5%。"
        "金\n融系统存款余额3000亿元。\n"
    )
    indicators = {key: f.indicator for key, f in _facts(text).items()}
    assert indicators["1200亿元"] == "国内生产总值"
    assert indicators["62.5%"] == "常住人口城镇化率"
    assert indicators["3000亿元"] == "金融系统存款余额"


def test_a_month_to_date_opening_line_is_no_date_line() -> None:
    # 2024年5月份累计完成… reports the year so far; read as a date line of May 2024 it made
    # the document a report on 2023 and its 完成 figures targets.
    text = (
        "一、财政收支基本情况\n"
        "(一)一般公共预算收入情况\n"
        "2024年5月份累计完成地方财政收入6717万元,较上年减收3422万元。"
        "其中:增值税下降48%。\n"
    )
    attributes = _attributes(text)
    assert attributes["6717万元"] == ("actual", "2024", "level")
    assert attributes["48%"] == ("actual", "2024", "change")


def test_a_year_in_a_table_rows_label_dates_its_figures() -> None:
    # A debt table over 预算数 | 执行数 whose rows each name their year; a base compared with
    # (比2015年) dates nothing.
    text = (
        "重庆市某区2020年和2021年地方政府一般债务余额情况表\n"
        "单位:亿元\n"
        "项 目 | 预算数 | 执行数\n"
        "一、2019年末地方政府一般债务余额实际数 | 48.99 | 48.99\n"
        "二、2020年末地方政府一般债务限额 | 89.00 | 89.00\n"
        "三、地方政府一般债务余额比2015年增加 | 20.10 | 20.10\n"
    )
    periods = [(f.text, f.period) for f in rules_facts(text)]
    assert periods[:4] == [
        ("48.99", "2019"),
        ("48.99", "2019"),
        ("89.00", "2020"),
        ("89.00", "2020"),
    ]
    assert periods[4][1] != "2015"


def test_a_heading_dates_its_part_by_its_own_year_not_the_base_it_compares_with() -> None:
    path = ("二、2031年“三公”经费预算情况说明", "(二)公务接待费支出2万元,比2030年预算减少0.14万元")
    section = Section("w", "2.2", path[-1], path, 2, 0, 10)
    assert section_year(section) == "2031"
    assert section_year(replace(section, path=("(二)2030年公务接待费支出2万元",))) == "2030"


def test_a_coefficient_in_percent_is_a_share_and_a_list_after_its_change_is_changes() -> None:
    text = (
        "城镇居民恩格尔系数为27.8%,下降4.2个百分点。平均每百户拥有家用汽车4辆、空调器116台,"
        "使用互联网26条,分别比上年增加4辆、12台和10条。"
    )
    kinds = [(f.text, f.kind) for f in rules_facts(text)]
    assert kinds[0] == ("27.8%", "share")
    assert kinds[-3:] == [("4辆", "change"), ("12台", "change"), ("10条", "change")]


def test_a_goal_after_a_semicolon_keeps_the_plan_year_its_sentence_opened_with() -> None:
    # A news account of a budget report: the review's year is the document's, but a goal
    # after the semicolon of a sentence that opened with the plan year is that year's.
    text = (
        "关于山东省2014年预算执行情况和2015年预算草案的报告显示,2014年,全省财政运行良好。"
        "2015年全省地方一般公共预算收入安排5504.25亿元,比上年增长9.5%;"
        "省级一般公共预算收入安排194.89亿元,比上年下降2.9%。\n"
    )
    facts = [(f.text, f.period, f.status) for f in rules_facts(text)]
    assert facts == [
        ("5504.25亿元", "2015", "target"),
        ("9.5%", "2015", "target"),
        ("194.89亿元", "2015", "target"),
        ("2.9%", "2015", "target"),
    ]


def test_net_migration_is_a_change_like_a_net_increase() -> None:
    prose = _facts("全年迁入人口1252人,迁出人口2662人,净迁出人口1410人。")
    assert (prose["2662人"].kind, prose["1410人"].kind) == ("level", "change")
    table = (
        "项目 全市\n2008 2007\n迁入人口(人) 68088 63404\n迁出人口(人) 50783 21425\n"
        "净迁移人口(人) 17305 41979\n"
    )
    kinds = {fact.text: fact.kind for fact in rules_facts(table)}
    assert (kinds["68088"], kinds["17305"]) == ("level", "change")


def test_a_note_in_brackets_inside_a_clause_ends_no_clause() -> None:
    text = (
        "2018年末,全市共有从事第二产业和第三产业的法人单位48395个,"
        "比2013年末(2013年是第三次全国经济普查年份,下同)增加18022个,增长59.3%。\n"
    )
    by_text = {fact.text: fact for fact in rules_facts(text)}
    assert by_text["18022个"].period is None  # against the census before: no period


def test_a_run_of_notes_in_brackets_is_followed_one_note_back_only() -> None:
    text = "比" + "(甲,乙)" * 5000 + "增加5个。\n"  # deeper than Python's recursion limit
    assert [fact.text for fact in rules_facts(text)] == ["5个"]


def test_a_long_run_normal_is_of_no_year_and_last_year_s_figure_in_brackets_is_last_year_s() -> (
    None
):
    # 多年平均 and 常年 name a normal over many years; a change from it is this year's.
    # 比上年(19.04亿立方米): the bracket holds last year's own figure.
    found = _attributes(
        "2012年水资源公报。全市平均降水量1926.9毫米，比多年平均1463.2毫米偏大31.7%。"
        "梅雨量214.4毫米，比常年235毫米偏少8.8%。"
        "全市总供水量18.98亿立方米，比上年(19.04亿立方米)偏小0.4%。"
    )
    assert found["1463.2毫米"][1] is None
    assert found["235毫米"][1] is None
    assert (found["31.7%"][1], found["8.8%"][1]) == ("2012", "2012")
    assert found["19.04亿立方米"][1] == "2011"
    assert found["0.4%"][1] == "2012"


def test_a_change_set_against_a_year_s_same_months_is_the_year_after_s() -> None:
    # 与2021年同期相比 names the base; the figure is the report year's change.
    found = _attributes("2022年上半年，全省PM2.5浓度与2021年同期相比上升0.8%。")
    assert found["0.8%"][1] == "2022"


def test_a_running_total_in_a_paragraph_on_months_of_a_year_is_that_year_s() -> None:
    # 累计 over a year's months so far (上半年 opens the paragraph) is the year's, though a
    # later sentence of the paragraph repeats no months; over five years it has no year.
    found = _attributes(
        "2020年电力运行情况\n"
        "上半年,城乡居民累计生活用电量为12.29亿千瓦时,同比下降0.1%。"
        "其中,城镇居民累计用电量为5.18亿千瓦时,下降4.7%。\n"
        "五年来,累计完成固定资产投资1424.6亿元。\n"
    )
    assert found["5.18亿千瓦时"][1] == "2020"
    assert found["1424.6亿元"][1] is None


def test_a_paragraph_opening_on_a_year_dates_its_later_sentences() -> None:
    # Each paragraph of a yearbook entry opens on its own year; a sentence that names none
    # is the year of the last sentence before it that opened on one.
    found = _attributes(
        "卫生事业\n"
        "2011年,全市共有各类卫生机构1319个。拥有医院、卫生院床位数6160张。\n"
        "2012年,全市共有各类卫生机构1325个。拥有医院、卫生院床位数6425张。"
        "2015年两会期间开展调查。义务教育国检通过率达36.4%。\n"
    )
    assert found["6160张"][1] == "2011"
    assert found["6425张"][1] == "2012"
    assert found["36.4%"][1] == "2015"


def test_in_a_paragraph_opening_on_no_year_a_year_dates_only_the_next_sentence() -> None:
    # A chronicle's paragraph opens on an era, then each sentence on its year: a sentence
    # naming none is the year of the one right before it, not the report's.
    found = _attributes(
        "财政志\n"
        "民国初期以田赋为主。1915年,征银5.78万元。1930年,实征地丁银18.47万元。"
        "地方财政总收入9.63万元,其中附捐9.10万元;杂捐366元。另有公产2631元。\n"
        "2019年常住人口212559人。全年出生人口2478人。\n"
    )
    assert found["9.63万元"][1] == "1930"
    assert found["9.10万元"][1] == "1930"
    # past a semicolon it carries; two sentences on, no longer
    assert found["366元"][1] == "1930"
    assert found["2631元"][1] != "1930"
    # 全年 is the report's year, not the sentence before's
    assert found["2478人"][1] != "2019"


def test_figures_of_a_sentence_over_a_range_of_years_have_no_one_year() -> None:
    found = _attributes(
        "1985年财政志\n"
        "1949~1985年的36年财政总收入24424万元,年平均679.28万元,其中农业税11085万元;"
        "工商税10813万元。\n"
        "2018-2020年同期全盟均无投资活动,今年1-2月份,共有15个项目开复工。\n"
        "2013~2017年,非税收入占一般公共预算收入的比重分别为22.5%、13.2%。\n"
        "2023-24年度的开支预算为3200亿元。\n"
        "印发《制造业发展行动方案（2023—2027年）》,全区475家企业实现总产值1071亿元。\n"
    )
    # the range's figures, across a semicolon, are the range's
    assert [found[key][1] for key in ("24424万元", "679.28万元", "10813万元")] == [None] * 3
    # a year of its own after the range (今年), a list of the years' figures, a fiscal year
    assert found["15个"][1] == "1985"
    assert found["22.5%"][1] is not None
    assert found["3200亿元"][1] is not None
    # the years of a plan the sentence names, in its title
    assert found["1071亿元"][1] == "1985"


def test_a_year_opening_a_sentence_dates_its_figures_past_its_semicolons() -> None:
    found = _attributes(
        "某局2016年三公经费执行情况\n"
        "报告说,初步统计,1919年全县财政总收入8.91万元;田赋附捐5550元,占6.23%;漕折1.8万元。\n"
        "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元。\n"
    )
    assert [found[key][1] for key in ("5550元", "6.23%", "1.8万元")] == ["1919"] * 3
    # a sentence setting two years side by side dates nothing past its semicolon
    assert found["4.35万元"][1] != "2015"


def test_the_count_a_growth_rate_stands_for_is_a_change_as_the_rate() -> None:
    found = _attributes("新竹市1月份人口總增加率為千分之1.41(564人),人口出生率為1.23‰(491人)。")
    assert found["564人"][2] == "change"
    # a birth rate is a level, and so is the count of births
    assert found["491人"][2] == "level"


def test_a_web_address_leads_no_list_and_its_date_dates_nothing() -> None:
    found = _attributes(
        "2006年重要人口指标 内政部2007年2月1日编制 http://www.ris.gov.tw/docs/f4a-1.html "
        "2006年底人口总数为22876527人,较2005年底增加106144人;年成长率为千分之4.66。"
    )
    assert found["千分之4.66"][1] != "2007"


BULLETIN_2024 = "某市2024年国民经济和社会发展统计公报\n"


def test_a_year_named_in_passing_dates_nothing_after_it() -> None:
    found = _attributes(
        BULLETIN_2024
        + "全市经济运行稳中有进。2023年受洪灾影响较大的农业生产全面恢复。粮食总产量45.6万吨。\n"
        + "全市常住人口320万人,2020年第七次全国人口普查时为310万人。"
        + "城镇化率为65.2%,比上年末提高0.8个百分点。\n"
        + "2020年获批的产业园区建设加快;全市规模以上工业增加值增长8.2%。\n"
        + "与2020年相比,全市森林覆盖率提高2个百分点;2024年全市生产总值增长5.1%。\n"
    )
    assert found["45.6万吨"][1] == "2024"
    assert found["65.2%"][1] == "2024"
    assert found["8.2%"][1] == "2024"
    assert found["5.1%"][1] == "2024"


def test_a_range_of_years_inside_a_sentence_leaves_its_figures_their_year() -> None:
    found = _attributes(
        BULLETIN_2024
        + "2020—2024年连续五年获评全国文明城市,全年实现地区生产总值1250亿元。\n"
        + "围绕2022至2024年三年行动,新增城镇就业2.1万人。\n"
        + "全市有2011至2020年出生的儿童15.2万人。\n"
        + "政府估计,2003-2007年每年实质经济增长为3%。\n"
    )
    assert [found[key][1] for key in ("1250亿元", "2.1万人", "15.2万人")] == ["2024"] * 3
    # a range opening its clause spans the years
    assert found["3%"][1] is None


def test_a_chronicle_s_goal_year_is_not_the_year_it_was_written() -> None:
    text = (
        "县情概况\n"
        "1950年全县人口12万人。1958年建成水库。1962年人口15万人。1970年通电。1978年改革起步。"
        "1990年人口30万人。2000年撤乡并镇。2010年人口38万人。2020年全县地区生产总值210亿元。"
        "到2035年全县地区生产总值达到400亿元。\n"
    )
    assert document_year(text) == "2020"
    assert _attributes(text)["400亿元"][0] == "target"


def test_a_month_end_before_a_count_of_people_is_no_rank() -> None:
    assert "32名" in _attributes(BULLETIN_2024 + "12月末32名贫困学生获得资助。\n")


def test_a_year_compared_with_in_a_lists_lead_dates_none_of_its_items() -> None:
    found = _attributes(
        BULLETIN_2024
        + "2024年企业共筹集经费3.1亿元,比2023年增加了1.8亿元,其中:企业自筹资金3.0亿元;"
        + "金融机构贷款0.04亿元。\n"
    )
    assert found["0.04亿元"][1] == "2024"


def test_a_news_story_is_dated_by_its_bylines_posting_time() -> None:
    story = (
        "7月上旬河北降雨量仅5毫米 为1956年以来同期最少\n"
        "来源:长城网 作者: 吕晓红 2015-07-14 01:04:43\n"
        "长城网7月13日讯(记者 吕晓红)据统计,7月上旬全省平均降雨量5毫米,为1968年来最少。\n"
    )
    assert document_year(story) == "2015"
    # a mirror posting an old entry under a byline is no news story: its content dates it
    entry = (
        "汨罗镇\n来源:未知来源 日期:2015-03-23 12:00\n"
        "总面积34.5平方公里。2001年,辖15个村。粮食产量14168吨。2001年农民人平纯收入2540元。\n"
    )
    assert document_year(entry) == "2001"
    # nor does a story naming its own recent year, published some months after it
    recent = (
        "我省居民收入稳步增长\n来源:长城网 作者: 吕晓红 2015-09-10 10:04:43\n"
        "长城网9月9日讯(记者 吕晓红)数据显示,2014年我省城镇居民人均可支配收入24141元。"
        "农村居民人均可支配收入10186元。\n"
    )
    assert document_year(recent) == "2014"


def test_a_weekly_price_release_dated_early_in_a_year_is_on_that_year() -> None:
    text = (
        "总第302期 菜篮子民生食品价格监测\n时间:2015-04-27 00:00\n来源:市发改委\n"
        "据监测,与上期相比,在84种监测品种中,价格周环比上涨的有15种。水产品均价上涨0.41%。\n"
    )
    assert document_year(text) == "2015"
    assert _attributes(text)["0.41%"][1] == "2015"
    # December's last ten days, released in January: the year before
    december = (
        "12月下旬全市主要农产品价格监测分析\n发布日期:2024-01-05\n"
        "12月下旬,全市猪肉零售均价为每公斤26.5元,比上期下降1.2%。\n"
    )
    assert document_year(december) == "2023"


def test_kinds_of_lists_levels_reached_and_net_changes() -> None:
    found = _attributes(
        "2024年,治沙、造林、种草分别完成年度目标任务的113%、220%和148%。"
        "贫困发生率下降到15%,经济增长为3%。"
        "净增住宅电话用户1215户,现金净投放32.5亿元,比上年少投8.3亿元。"
    )
    # the later items of a list are of the first's kind, what the list's words say of all
    assert [found[key][2] for key in ("113%", "220%", "148%")] == ["share"] * 3
    # a rate moved to a level is the level; a growth stated is the growth
    assert (found["15%"][2], found["3%"][2]) == ("share", "change")
    # a net increase of a stock and a smaller outflow than last year's are changes
    assert (found["1215户"][2], found["8.3亿元"][2]) == ("change", "change")
    assert found["32.5亿元"][2] == "level"


def test_a_goal_named_in_the_clause_before_does_not_make_a_result_a_goal() -> None:
    # 目标任务 closes the clause before; the figure's own clause reports what was done.
    found = _attributes(
        "2020年,圆满完成了县人大会议确定的各项目标任务,全面完成了119项民生实事项目。"
        "年度目标任务50项。"
    )
    assert found["119项"][0] == "actual"
    assert found["50项"][0] == "target"


def test_a_gap_between_two_measures_of_one_time_is_a_change() -> None:
    found = _attributes(
        "2024年1-10月,两地财政收入仅相差0.1亿元,财政收入也被宜昌反超20.5亿元。"
        "两者差距已被拉大到了478.6亿元。合肥财政收入827.6亿元。"
    )
    assert [found[key][2] for key in ("0.1亿元", "20.5亿元", "478.6亿元")] == ["change"] * 3
    assert found["827.6亿元"][2] == "level"


def test_a_sentence_is_read_at_most_its_reach_back_from_a_figure() -> None:
    # A page-long list joined by 、 is one sentence: read from the figure back, not whole.
    folded = "甲。" + "、".join("1%" for _ in range(2_000))
    bounds = Boundaries.of(folded)
    far = len(folded) - 1
    assert bounds.sentence_start(3) == 2
    assert bounds.sentence_start(far) == far - SENTENCE_REACH
    assert bounds.clause_start(far) == far - SENTENCE_REACH


def test_a_growth_a_budget_speech_says_was_recorded_is_a_result() -> None:
    # Hong Kong's 錄得 (recorded) reports what was reached, in a speech whose figures are
    # otherwise the plan's.
    text = "財政司司長財政預算案演辭(十二)\n香港經濟在二零零三年錄得百分之三點二的實質增長。\n"
    assert _fact_of(text, "百分之三點二").status == "actual"


def test_a_currency_named_between_a_change_and_its_amount_keeps_the_change() -> None:
    text = (
        "某县2023年预算执行情况\n"
        "财政收入比上年增加人民币1.2亿元,歲入增加新臺幣三千萬元,收入人民币9亿元。\n"
    )
    kinds = {key: kind for key, (_, _, kind) in _attributes(text).items()}
    assert kinds == {"1.2亿元": "change", "三千萬元": "change", "9亿元": "level"}


def test_a_census_year_dates_only_the_start_of_a_move_and_only_a_move() -> None:
    facts = _facts(
        "某市2020年统计公报\n"
        "与2010年相比,全市从业人员12345人。"
        "与2010年第六次全国人口普查相比,每10万人中拥有大学文化程度的由4521人提升到8760人。"
        "常住人口比2010年增加的3.2万人中,城镇人口占九成。"
        "全县常住人口中城镇人口性别比为101.35。"
    )
    assert [(t, facts[t].period) for t in ("12345人", "4521人", "8760人")] == [
        ("12345人", "2020"),  # 从业 is no move's 从
        ("4521人", "2010"),
        ("8760人", "2020"),
    ]
    assert facts["3.2万人"].period != "2010"  # an increase since 2010, not 2010's figure
    assert facts["101.35"].indicator == "城镇人口性别比"


def test_goals_under_a_heading_a_blank_line_above_them_are_targets() -> None:
    facts = _facts(
        "某市2016年国民经济和社会发展计划\n\n预期目标\n\n"
        "  地区生产总值增长8.5%,固定资产投资增长15%,城镇登记失业率控制在4%以内。"
    )
    assert {t: (f.status, f.period) for t, f in facts.items()} == {
        "8.5%": ("target", "2016"),
        "15%": ("target", "2016"),
        "4%": ("target", "2016"),
    }


def test_a_story_on_a_work_report_that_says_what_a_year_will_bring_plans_for_that_year() -> None:
    facts = _facts(
        "“2015年将继续办好一批惠民实事。”某省省长在省人代会上作政府工作报告时说。\n"
        "第一件实事是全年城镇新增就业50万人。在住房方面,今年将新建保障性住房3万套。"
    )
    assert (facts["50万人"].status, facts["50万人"].period) == ("target", "2015")
    assert (facts["3万套"].status, facts["3万套"].period) == ("target", "2015")


def test_a_promise_of_projects_and_its_list_are_targets_but_last_years_are_results() -> None:
    facts = _facts(
        "本报讯 去年办了8件实事,今年要办10件。省政府承诺今年再为群众办10件实事。\n"
        "这10件实事包括:新建农村公路3000公里,改造农村危房2万户。"
        "新增城镇就业岗位20万个。"
    )
    statuses = {t: f.status for t, f in facts.items()}
    assert statuses["8件"] == "actual"
    assert statuses["3000公里"] == statuses["2万户"] == statuses["20万个"] == "target"


def test_numbered_projects_after_a_sentence_announcing_them_are_targets() -> None:
    facts = _facts(
        "某州政府工作报告明确,今年将扎实办好“十件民生实事”。\n"
        "(一)\n开展职业技能培训3万人次,乡镇就业服务机构覆盖率达100%。\n"
        "(二)\n新建、改扩建公办幼儿园15所。\n"
    )
    assert {t: f.status for t, f in facts.items()} == {
        "3万人次": "target",
        "100%": "target",
        "15所": "target",
    }


def test_a_numbered_heading_of_results_after_a_plans_opening_stays_results() -> None:
    facts = _facts(
        "某县2019年计划执行情况报告\n今年政府工作的总体要求是:坚持稳中求进,促进全县经济健康发展\n\n"
        "(一)主要经济指标完成情况\n\n——地区生产总值22.9亿元,同比增长6%。\n"
    )
    assert (facts["22.9亿元"].status, facts["22.9亿元"].period) == ("actual", "2019")


def test_a_fiscal_year_over_two_calendar_years_is_the_year_it_begins() -> None:
    facts = _facts(
        "某会年报新闻\n"
        "在2022/2023年度,委员会获得的拨款净额为9.8亿港元。"
        "报告指,2021-22年度的盈余为1,200万港元。"
    )
    assert facts["9.8亿港元"].period == "2022"
    assert facts["1,200万港元"].period == "2021"


def test_a_councils_review_of_this_years_budget_bill_gives_budget_figures() -> None:
    facts = _facts(
        "date 2025-01-15 某市议会15日审议通过某市今年总预算案,岁入原列1500.2亿元,"
        "审议结果计列1500亿元,减列0.2亿元。"
    )
    assert {t: (f.status, f.period) for t, f in facts.items()} == {
        "1500.2亿元": ("target", "2025"),
        "1500亿元": ("target", "2025"),
        "0.2亿元": ("target", "2025"),
    }


def test_paragraphs_under_a_heading_on_five_years_have_no_one_year() -> None:
    text = (
        "各位代表:\n一、过去五年工作回顾\n"
        "2020年,预计实现地区生产总值40.2亿元。\n"
        "五年来,我们稳中求进,产业结构进一步优化\n"
        "工业结构加速调整。新兴产业产值占规上工业总产值15%以上。\n"
        "服务业加速升级。打造国家aaa级以上景区3家。\n"
    )
    facts = _facts(text)
    assert facts["40.2亿元"].period == "2020"
    assert facts["15%"].period is None and facts["3家"].period is None


def test_money_listed_as_spent_is_a_result_not_a_budget_reviews_figure() -> None:
    facts = _facts("某市2023年统计公报\n全年共计列支科研经费3.5亿元,累计列入失信名单企业35家。")
    assert facts["3.5亿元"].status == facts["35家"].status == "actual"


def test_a_year_a_figure_builds_on_is_its_base_not_its_year() -> None:
    facts = _facts("某市2023年统计公报\n在2022年的基础上,全年新增城镇就业5.2万人。")
    assert facts["5.2万人"].period == "2023"


def test_last_years_promises_kept_are_results() -> None:
    facts = _facts(
        "2024年某市政府工作报告\n"
        "去年承诺要办的10件民生实事全部完成,新增城镇就业5.2万人,改造老旧小区120个。"
    )
    assert facts["5.2万人"].status == facts["120个"].status == "actual"


def test_a_year_of_its_own_under_a_heading_on_five_years_keeps_that_year() -> None:
    facts = _facts(
        "2024年某市政府工作报告\n五年来,我们团结奋斗、砥砺前行\n\n"
        "去年,全市地区生产总值增长6.5%,达到3500亿元。\n"
    )
    assert facts["3500亿元"].period == "2023"


def test_a_span_of_years_is_no_fiscal_year() -> None:
    facts = _facts("某市2021年统计公报\n全市2016-2020年度累计完成投资5000亿元。")
    assert facts["5000亿元"].period is None


def test_a_blueprint_for_a_year_titles_its_plan_but_a_new_blueprint_titles_results() -> None:
    plan = _facts("某市绘制2014年经济社会发展蓝图\n预期目标:生产总值增长10.5%。")
    assert (plan["10.5%"].status, plan["10.5%"].period) == ("target", "2014")
    results = _facts(
        "2023年我市高质量发展绘就新蓝图\n2023年,全市地区生产总值达到3500亿元,增长6.5%。"
    )
    assert results["3500亿元"].status == "actual"
