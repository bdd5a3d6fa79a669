"""The geometry of official documents, written down once, in millimetres, from GB/T 9704-2012
《党政机关公文格式》. Every figure cites its clause; the PDF (casework.pdf), the .docx (casework.docx) and
the test that reads PDFs back (tests/casework/test_document_layout.py) take it from here.

Distances are measured from the page's top and left edges, as the standard measures them. Where the
standard leaves a figure open (rule thickness, the size of the 发文机关标志, the seal guide) the value here is
the platform's choice and says so."""
from __future__ import annotations

from dataclasses import dataclass

PT = 25.4 / 72  # one PostScript point in mm

# ------------------------------------------------------------------ 5.1 幅面, 5.2.1 页边与版心尺寸
PAGE_W, PAGE_H = 210.0, 297.0          # 5.1 A4
TOP = 37.0                             # 5.2.1 天头（上白边）37 mm ± 1 mm
LEFT = 28.0                            # 5.2.1 订口（左白边）28 mm ± 1 mm
BODY_W, BODY_H = 156.0, 225.0          # 5.2.1 版心尺寸 156 mm × 225 mm（不含页码）
RIGHT = LEFT + BODY_W                  # 184 mm: the 版心's right edge (右白边 26 mm)
BOTTOM = TOP + BODY_H                  # 262 mm: the 版心's lower edge (下白边 35 mm)

# ------------------------------------------------------------------ 5.2.2 字体和字号, 5.2.3 行数和字数
# 字号 in points (the sizes printers and Word use for 号)
SIZE_ER = 22.0                         # 2号: 标题 (7.3.1)
SIZE_SAN = 16.0                        # 3号: every element unless said otherwise (5.2.2)
SIZE_SI = 14.0                         # 4号: 版记 (7.4.2, 7.4.3) and page numbers (7.5)
LINES, CHARS = 22, 28                  # 5.2.3 一般每面排22行，每行排28个字，并撑满版心
LINE = BODY_H / LINES                  # 10.227 mm from one line to the next
CHAR = BODY_W / CHARS                  # 5.571 mm per character (3号 at 28 a line fills the 版心)
EM_SAN = SIZE_SAN * PT                 # 5.644 mm: the height of a 3号 character (9.1 counts in it)
# Ideographic em box: 0.88 em above the baseline, 0.12 em below (the Adobe-GB1 convention the fonts follow)
ASCENT = 0.88


def baseline_in_line(top: float, size_pt: float) -> float:
    """The baseline of text of `size_pt` set in the line band starting at `top`: its em box centred in the band."""
    em = size_pt * PT
    return top + (LINE - em) / 2 + ASCENT * em


# ------------------------------------------------------------------ 7.2 版头 (文件格式)
MARK_TOP = TOP + 35.0                  # 7.2.4 发文机关标志上边缘至版心上边缘为35 mm → 72 mm from the top edge
MARK_SIZE_MAX = 42.0                   # platform: 初号 at most, smaller when the name would not fit the 版心
NUMBER_GAP_LINES = 2                   # 7.2.5 发文字号编排在发文机关标志下空二行位置，居中排布
RED_RULE_BELOW_NUMBER = 4.0            # 7.2.7 发文字号之下4 mm处居中印一条与版心等宽的红色分隔线
RED_RULE_WIDTH = 0.75                  # platform: the standard sets no thickness for it
TITLE_GAP_LINES = 2                    # 7.3.1 标题编排于红色分隔线下空二行位置
ADDRESSEE_GAP_LINES = 1                # 7.3.2 主送机关编排于标题下空一行位置，居左顶格
PARAGRAPH_INDENT_CHARS = 2             # 7.3.3 每个自然段左空二字，回行顶格

# ------------------------------------------------------------------ 7.3.5 署名、成文日期和印章
DATE_RIGHT_CHARS = 4                   # 7.3.5.1 成文日期一般右空四字编排
DATE_RIGHT = RIGHT - DATE_RIGHT_CHARS * CHAR   # 161.7 mm: where the 成文日期 ends
SIGNATURE_GAP_LINES = 2                # platform: 署名 after two blank lines, so the seal's top stays within
                                       # one line of the 正文 (7.3.5.1 印章顶端应当上距正文一行之内)
SEAL_DIAMETER = 42.0                   # the 4.2 cm seal of a 县级以上人民政府工作部门 (国发〔1999〕25号)
SEAL_CENTRE_BELOW_SIGNATURE_TOP = 0.4 * LINE   # 7.3.5.1 署名和成文日期居印章中心偏下位置
NOTE_INDENT_CHARS = 2                  # 7.3.6 附注居左空二字加圆括号编排在成文日期下一行

# ------------------------------------------------------------------ 7.4 版记
IMPRINT_THICK = 0.35                   # 7.4.1 首条分隔线和末条分隔线用粗线（推荐高度为0.35 mm）
IMPRINT_THIN = 0.25                    # 7.4.1 中间的分隔线用细线（推荐高度为0.25 mm）
IMPRINT_LAST_RULE = BOTTOM             # 7.4.1 末条分隔线与公文最后一页的版心下边缘重合
IMPRINT_SIDE_CHARS = 1                 # 7.4.2 抄送左右各空一字; 7.4.3 印发机关左空一字，印发日期右空一字
IMPRINT_CHAR = SIZE_SI * PT            # "一字" of a 4号 line: 4.939 mm

# ------------------------------------------------------------------ 7.5 页码
PAGE_NO_SIZE = SIZE_SI                 # 7.5 4号半角宋体阿拉伯数字
PAGE_NO_DASH_TOP = BOTTOM + 7.0        # 7.5 一字线上距版心下边缘7 mm → 269 mm from the top edge
PAGE_NO_DASH = SIZE_SI * PT            # 一字线: one 4号 character long
PAGE_NO_DASH_WIDTH = 0.3               # platform: the 一字线's stroke
PAGE_NO_SIDE = SIZE_SI * PT            # 7.5 单页码居右空一字，双页码居左空一字 (one 4号 character)

# ------------------------------------------------------------------ 9.1 信函格式
LETTER_MARK_TOP = 30.0                 # 9.1 发文机关标志上边缘至上页边为30 mm
LETTER_RULE_BELOW_MARK = 4.0           # 9.1 发文机关标志下4 mm处印一条红色双线（上粗下细）
LETTER_BOTTOM_RULE = PAGE_H - 20.0     # 9.1 距下页边20 mm处印一条红色双线（上细下粗）→ 277 mm
LETTER_RULE_LENGTH = 170.0             # 9.1 线长均为170 mm，居中排布
LETTER_RULE_LEFT = (PAGE_W - LETTER_RULE_LENGTH) / 2   # 20 mm
LETTER_RULE_THICK, LETTER_RULE_THIN, LETTER_RULE_GAP = 1.0, 0.3, 0.7   # platform: 9.1 sets no thickness
LETTER_NUMBER_GAP = EM_SAN * 7 / 8     # 9.1 发文字号顶格居版心右边缘…与该线的距离为3号汉字高度的7/8
LETTER_TITLE_GAP_LINES = 2             # 9.1 标题居中编排，与其上最后一个要素相距二行
LETTER_MARK_SIZE_MAX = 36.0            # platform: 小初 at most for the letterhead

FILE, LETTER = "file", "letter"        # 文件格式 (7) and 信函格式 (9.1)
FORMATS = {FILE: "文件格式", LETTER: "信函格式"}


@dataclass(frozen=True)
class Box:
    """A rectangle in mm from the page's top-left corner."""
    left: float
    top: float
    width: float
    height: float


BODY_BOX = Box(LEFT, TOP, BODY_W, BODY_H)
