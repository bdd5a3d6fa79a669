"""The wording of every document kind: a title and a body with placeholders ({被监督机关}), kept per
jurisdiction in the admin (DocumentTemplate) with the shipped text (each process's texts.py) as default.

- Each process registers its kinds here from its own texts.py (`register(Wording(...))`): the default
  title and body, the placeholders with what each holds, sample values, the format (文件格式/信函格式) and
  which jurisdictions issue the kind.
- `compose(kind, jurisdiction, values)` fills the jurisdiction's template (or the default): one line of the
  body is one paragraph; a value may hold several lines (several paragraphs); a paragraph left empty
  by empty values is dropped.
- `check(...)` refuses, in Chinese, a template with an unknown placeholder, unpaired braces, a format
  code, or one whose title or body would overflow (title over three lines, or the document over the kind's
  pages, set with the sample values)."""
from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from . import layout


@dataclass(frozen=True)
class Wording:
    kind: str
    title: str
    body: str
    placeholders: dict[str, str]                 # name -> what it holds (shown to staff)
    sample: dict[str, str]                       # values for a preview with no document at hand
    issued_in: Callable[[object], bool]          # profile -> does this jurisdiction issue the kind
    format: str = layout.FILE
    max_pages: int = 2                           # set with the sample values, the document fits in this
    notes: tuple[str, ...] = field(default=())   # 附注 lines (templates too)


REGISTRY: dict[str, Wording] = {}


def register(*wordings: Wording) -> None:
    for w in wordings:
        REGISTRY[w.kind] = w


def get(kind: str) -> Wording:
    try:
        return REGISTRY[kind]
    except KeyError:
        raise ValidationError(f"文书种类“{kind}”没有登记措辞。") from None


def kinds_for(profile) -> list[Wording]:
    return [w for w in REGISTRY.values() if w.issued_in(profile)]


# ------------------------------------------------------------------ templates
def fields_of(template: str) -> list[str]:
    """The placeholders of a template, in order; a broken template raises ValidationError."""
    names = []
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise ValidationError("模板格式错误：花括号“{”“}”须成对使用；正文中要写花括号本身，请写成“{{”“}}”。") from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.strip():
            raise ValidationError("模板中有空的占位符“{}”，请写明占位符名称。")
        if spec or conversion or any(c in name for c in ".[]"):
            raise ValidationError(f"占位符“{{{name}}}”的写法不对：只能写占位符名称本身，例如“{{被监督机关}}”。")
        names.append(name)
    return names


def unknown_placeholders(kind: str, *templates: str) -> list[str]:
    known = get(kind).placeholders
    seen = []
    for t in templates:
        for name in fields_of(t):
            if name not in known and name not in seen:
                seen.append(name)
    return seen


GUANYU = "关于"


def fill(template: str, values: dict[str, str]) -> str:
    """`template` with its placeholders filled. Where the template writes 关于 right before a placeholder
    ("关于{事项名称}的移送函") and the value itself starts with 关于 (a matter named "关于…的投诉"), the value's
    own 关于 is dropped there: one 关于 is meant. A 关于 anywhere else, in the template or the value, is kept."""
    out: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values[name]
        value = "" if value is None else str(value)
        if value.startswith(GUANYU) and "".join(out).endswith(GUANYU):
            value = value[len(GUANYU):]
        out.append(value)
    return "".join(out)


def paragraphs_of(body: str) -> list[str]:
    out = []
    for line in body.split("\n"):
        line = line.strip()
        if line and any(ch not in "，。、；：（）" for ch in line):
            out.append(line)
    return out


def current(kind: str, jurisdiction: str) -> tuple[str, str, str]:
    """(title, body, notes) in force for the jurisdiction: the admin-kept template, else the default."""
    from .models import DocumentTemplate

    w = get(kind)
    row = DocumentTemplate.objects.filter(jurisdiction=jurisdiction, kind=kind).first()
    if row is not None:
        return row.title, row.body, row.notes
    return w.title, w.body, "\n".join(w.notes)


REPEAT_MIN = 3  # a shorter shared tail ("决定" in 处罚决定…监督决定书) is two different things, not a repetition


def _title_values(title_t: str, values: dict[str, str]) -> dict[str, str]:
    """The values as the title shows them: a value that ends with words the title's own text right after it says
    again loses them there ("关于{事项名称}的行政赔偿追偿决定" for a case named "某建材店行政处罚案赔偿追偿" reads
    "关于某建材店行政处罚案的行政赔偿追偿决定", not "…赔偿追偿的行政赔偿追偿决定"); the body keeps the value whole."""
    out = dict(values)
    parts = re.split(r"\{([^{}]+)\}", title_t)  # literal, name, literal, name, …, literal
    for i in range(1, len(parts), 2):
        name, after = parts[i], parts[i + 1]
        value = out.get(name, "").rstrip()
        for n in range(len(value) - 2, REPEAT_MIN - 1, -1):  # the longest tail, at least 2 characters left
            if value[-n:] in after:
                out[name] = value[:-n].rstrip("的 ")
                break
    return out


@dataclass
class Composed:
    title: str
    paragraphs: list[str]
    notes: list[str]
    values: dict[str, str]


def compose(kind: str, jurisdiction: str, values: dict[str, str], *,
            template: tuple[str, str, str] | None = None) -> Composed:
    """Title, paragraphs and notes of a document of `kind`, from the template in force (or `template`)."""
    title_t, body_t, notes_t = template or current(kind, jurisdiction)
    missing = [n for n in fields_of(title_t) + fields_of(body_t) + fields_of(notes_t) if n not in values]
    if missing:  # a template checked on save never gets here; a value the code forgot must not print "{…}"
        raise ValidationError("文书措辞缺少数据：" + "、".join(dict.fromkeys(missing)))
    values = {k: "" if v is None else str(v) for k, v in values.items()}
    # 关于{事项名称} with a matter named 关于…: see fill; a name ending with the title's own words: _title_values
    title = " ".join(fill(title_t, _title_values(title_t, values)).split())
    return Composed(title, paragraphs_of(fill(body_t, values)), paragraphs_of(fill(notes_t, values)), values)


def check(kind: str, jurisdiction: str, title: str, body: str, notes: str = "", *,
          values: dict[str, str] | None = None, authority: str = "") -> list[str]:
    """Why a template cannot be saved (empty list: it can): placeholders, and overflow with the values
    (a real document's, else the kind's sample)."""
    from rules.profiles import get_profile

    from .pdf import OfficialDocument, typeset

    errors = []
    if not title.strip():
        errors.append("请填写标题模板。")
    if not body.strip():
        errors.append("请填写正文模板。")
    try:
        unknown = unknown_placeholders(kind, title, body, notes)
    except ValidationError as exc:
        return errors + exc.messages
    if unknown:
        allowed = "、".join(f"{{{n}}}" for n in get(kind).placeholders)
        errors.append("模板中有未知的占位符：" + "、".join(f"{{{n}}}" for n in unknown) + f"。可用的占位符：{allowed}。")
    if errors:
        return errors
    w = get(kind)
    data = {**w.sample, **(values or {})}
    c = compose(kind, jurisdiction, data, template=(title, body, notes))
    t, paras, note_lines = c.title, c.paragraphs, c.notes
    if not paras:
        errors.append("正文模板填入数据后没有内容。")
        return errors
    import datetime as dt

    from . import fonts
    from . import linebreak as lb
    from .pdf import measure

    if len(lb.break_title(t, layout.BODY_W, lambda s: measure(s, fonts.XIAOBIAOSONG, layout.SIZE_ER))) > 3:
        errors.append("标题过长：排版后超过三行，请精简。")
    doc = OfficialDocument(authority=authority or get_profile(jurisdiction).authority, kind_label=kind,
                           doc_number="示例〔2026〕1号", title=t, addressee=data.get("主送", "示例单位"),
                           paragraphs=paras, issued_on=dt.date(2026, 12, 6), notes=note_lines, format=w.format)
    pages = len(typeset(doc))
    if pages > w.max_pages:
        errors.append(f"正文过长：按示例数据排版后共{pages}页，超过本文书的{w.max_pages}页上限，请精简。")
    return errors
