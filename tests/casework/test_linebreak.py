"""Chinese line breaking (禁则) — casework.linebreak, with literal strings and widths in characters."""
from casework.linebreak import atoms, break_lines, break_title, violations


def test_no_line_begins_with_a_closing_mark_the_character_before_moves_down():
    text = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八，九十"
    assert break_lines(text, 28) == ["一二三四五六七八九十一二三四五六七八九十一二三四五六七", "八，九十"]


def test_no_line_ends_with_an_opening_mark():
    text = "一二三四五六七八九十一二三四五六七八九十一二三四五六七（《八九十》）"
    assert break_lines(text, 28) == ["一二三四五六七八九十一二三四五六七八九十一二三四五六七", "（《八九十》）"]


def test_closing_run_after_a_book_title_stays_with_its_word():
    text = "一二三四五六七八九十一二三四五六七八九十一二三四五六《七》，后"
    lines = break_lines(text, 28)
    assert lines == ["一二三四五六七八九十一二三四五六七八九十一二三四五六", "《七》，后"]
    assert violations(lines) == []


def test_half_width_runs_never_break_and_count_half():
    assert atoms("于2026年9月29日") == ["于", "2026", "年", "9", "月", "29", "日"]
    lines = break_lines("一二三四五六七八九十一二三四五六七八九十一二三四五六七2026年", 28)
    assert lines == ["一二三四五六七八九十一二三四五六七八九十一二三四五六七", "2026年"]
    assert break_lines("你单位于2026年9月29日收到", 28) == ["你单位于2026年9月29日收到"]
    # the year and number of a 发文字号 stay together
    assert atoms("武隆投〔2026〕15号）") == ["武", "隆", "投", "〔2026〕15号", "）"]
    assert break_lines("你于2026年11月2日提出的投诉举报（受理编号：武隆投〔2026〕15号），被投诉举报对象", 28,
                       first_indent=2) == ["你于2026年11月2日提出的投诉举报（受理编号：武隆投", "〔2026〕15号），被投诉举报对象"]


def test_first_line_indent_of_two_characters():
    text = "经调查" * 10
    assert break_lines(text, 28, first_indent=2) == ["经调查" * 8 + "经调", "查" + "经调查"]


def test_violations_are_found_in_bad_lines():
    assert violations(["你单位", "，已收到", "本机关（", "2026", "年"]) == ["第2行以“，”开头", "第3行以“（”结尾"]
    assert violations(["编号20", "26号"]) == ["第1行末的数字或字母被拆开"]
    assert violations(["完……", "好"]) == []
    assert violations(["完…", "…好"]) == ["第1行末的“……”被拆开", "第2行以“…”开头"]


def test_title_breaks_only_between_words_and_keeps_compounds_whole():
    t = "关于恩施州市场监督管理局未履行行政执法公示和告知义务复查申请的复查答复书"
    lines = break_title(t, 20)
    assert lines == ["关于恩施州市场监督管理局未履行行政执法", "公示和告知义务复查申请的复查答复书"]
    assert violations(lines, title=True) == []
    # the breaks the issue saw in issued titles are reported as violations
    assert violations(["关于恩施州市场监督管理局未履行行政执法公示和告知义务复", "查申请的复查答复书"], title=True) == \
        ["标题第1行在词语中间回行（“务复|查申”）"]
    assert violations(["关于武隆区市场监督管理局执法人员未出示执法证", "件问题的行政执法监督意见书"], title=True) == \
        ["标题第1行在词语中间回行（“法证|件问”）"]


def test_title_keeps_agency_names_whole_and_is_balanced():
    t = "关于武隆区交通运输综合行政执法支队与武隆区城市管理局就占道经营执法职责争议的协调意见"
    lines = break_title(t, 20, keep=("武隆区交通运输综合行政执法支队", "武隆区城市管理局"))
    assert lines == ["关于武隆区交通运输综合行政执法支队", "与武隆区城市管理局就占道", "经营执法职责争议的协调意见"]
    assert break_title("关于恩施州市场监督管理局限期整改的通知", 20) == ["关于恩施州市场监督管理局限期整改的通知"]
    assert break_title("关于武隆区市场监督管理局执法人员违规处罚案的责任追究决定", 20) == \
        ["关于武隆区市场监督管理局", "执法人员违规处罚案的责任追究决定"]
