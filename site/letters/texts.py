"""The wording of the letter process's documents (监督建议书/意见书, 复查答复书/决定书, 监督决定书/责令限期纠正
通知书, 约谈记录, 线索移送函, 通报): the shipped default of each kind, its placeholders, and the functions
the services call to fill them from a letter. Staff may change a jurisdiction's wording in the admin
(文书模板); casework.wording keeps it and checks it.

Findings are worded as findings: Enshi's grounds (003 第二十六条) are findings (你单位存在…的问题); Wulong's
(004 监督意见书制度 第七条) are the subjects of supervision (本机关对你单位…进行了监督), so the finding is the
officer's own text after “查明”."""
from __future__ import annotations

from casework import layout
from casework.pdf import chinese_date
from casework.wording import Composed, Wording, compose, current, register


def _letter_kind(kind: str):
    return lambda p: p.has("letter_document") and p.value("letter_document")["kind"] == kind


def _doc_kind(key: str, kind: str):
    return lambda p: p.has(key) and p.value(key)["kind"] == kind


def _measure(code: str):
    return lambda p: p.has("final_measures") and any(i["code"] == code for i in p.choices("final_measures"))


COMMON = {
    "事项名称": "监督事项的名称", "被监督机关": "被监督机关名称", "制发依据": "制发本文书所依据的条款",
}
LETTER_FIELDS = {
    **COMMON, "问题情形": "制发情形（恩施：办法第二十六条所列情形）", "监督内容": "监督内容（武隆：第七条所列事项）",
    "情形条款": "制发情形或监督内容所在条款", "查明事实": "经办人填写的查明事实", "监督建议": "监督建议或纠正要求",
    "整改期限": "整改期限（如30日）", "整改期限条款": "整改期限所在条款", "异议期限": "申请复查期限",
    "异议期限条款": "申请复查期限所在条款", "复查答复期限": "复查答复期限", "复查期间说明": "复查期间整改期限如何计算",
    "逾期文书": "逾期不纠正时制发的文书名称", "逾期文书条款": "其所在条款",
}
LETTER_SAMPLE = {
    "事项名称": "恩施州市场监督管理局行政处罚未告知陈述申辩权利", "被监督机关": "恩施州市场监督管理局",
    "制发依据": "《恩施土家族苗族自治州行政执法监督办法》第二十六条", "问题情形": "行政执法主体、权限、程序不合法",
    "监督内容": "行政执法程序的合法性", "情形条款": "《恩施土家族苗族自治州行政执法监督办法》第二十六条第（一）项",
    "查明事实": "你单位在办理一起无证经营案件中，未告知当事人陈述、申辩的权利即作出行政处罚决定。",
    "监督建议": "依法撤销该处罚决定，重新调查处理，并对相关执法人员开展教育培训。",
    "整改期限": "30日", "整改期限条款": "《恩施土家族苗族自治州行政执法监督办法》第二十七条", "异议期限": "10日",
    "异议期限条款": "《恩施土家族苗族自治州行政执法监督办法》第二十七条", "复查答复期限": "15日",
    "复查期间说明": "经复查异议不成立的，整改期限自收到复查答复之日起重新计算（《恩施土家族苗族自治州行政执法监督办法》"
                   "第二十七条第二款）。",
    "逾期文书": "行政执法监督决定书", "逾期文书条款": "《恩施土家族苗族自治州行政执法监督办法》第二十八条第一款",
}

SUGGESTION = Wording(
    kind="suggestion", issued_in=_letter_kind("suggestion"),
    title="关于{事项名称}的行政执法监督建议书",
    body="经调查，你单位存在{问题情形}的问题（{情形条款}）。{查明事实}\n"
         "根据{制发依据}的规定，本机关提出如下监督建议：{监督建议}\n"
         "请你单位自收到本建议书之日起{整改期限}内完成整改，并将整改情况书面报送本机关（{整改期限条款}）。\n"
         "你单位对本建议书有异议的，可以自收到本建议书之日起{异议期限}内向本机关申请复查（{异议期限条款}）；"
         "本机关自收到复查申请之日起{复查答复期限}内作出复查答复。{复查期间说明}\n"
         "逾期未整改的，本机关将依法制发{逾期文书}（{逾期文书条款}）。",
    placeholders=LETTER_FIELDS, sample=LETTER_SAMPLE, max_pages=2)

OPINION = Wording(
    kind="opinion_letter", issued_in=_letter_kind("opinion_letter"),
    title="关于{事项名称}的行政执法监督意见书",
    body="本机关依照{制发依据}，对你单位{监督内容}进行了监督（{情形条款}）。经查明：{查明事实}\n"
         "现提出如下监督意见：{监督建议}\n"
         "请你单位自收到本意见书之日起{整改期限}内予以纠正，并将纠正情况书面报送本机关（{整改期限条款}）。\n"
         "你单位对本意见书有异议的，可以自收到本意见书之日起{异议期限}内向本机关申请复查，并提供相应的证据材料"
         "（{异议期限条款}）；本机关自收到复查申请之日起{复查答复期限}内作出复查决定。{复查期间说明}\n"
         "逾期不纠正的，本机关将依法制发{逾期文书}（{逾期文书条款}）。",
    placeholders=LETTER_FIELDS, sample={
        **LETTER_SAMPLE, "事项名称": "武隆区市场监督管理局行政处罚未告知陈述申辩权利", "被监督机关": "武隆区市场监督管理局",
        "制发依据": "《行政执法监督意见书制度》第三条", "情形条款": "《行政执法监督意见书制度》第七条第（三）项",
        "整改期限": "20个工作日", "整改期限条款": "《行政执法监督意见书制度》第八条", "异议期限": "10个工作日",
        "异议期限条款": "《行政执法监督意见书制度》第九条", "复查答复期限": "15个工作日",
        "复查期间说明": "复查期间，本意见书不停止执行（《行政执法监督意见书制度》第九条）。",
        "逾期文书": "责令限期纠正通知书", "逾期文书条款": "《行政执法监督意见书制度》第十条"},
    max_pages=2)

REVIEW_FIELDS = {**COMMON, "申请日期": "被监督机关提出复查申请的日期", "原文书名称": "被申请复查的文书名称",
                 "原文书字号": "其发文字号", "复查结论": "异议成立或不成立", "复查意见": "负责人填写的复查意见",
                 "后续要求": "终止监督或整改期限的说明"}
REVIEW_SAMPLE = {**LETTER_SAMPLE, "申请日期": "2026年10月9日", "原文书名称": "行政执法监督建议书",
                 "原文书字号": "恩施监建〔2026〕1号", "复查结论": "经复查，你单位提出的异议不成立。",
                 "复查意见": "当事人陈述、申辩权利告知书未见于案卷，现场笔录亦无告知记载。",
                 "后续要求": "请你单位自收到本答复书之日起30日内完成整改，并将整改情况书面报送本机关"
                            "（《恩施土家族苗族自治州行政执法监督办法》第二十七条第二款）。"}
_REVIEW_BODY = ("你单位于{申请日期}对本机关《{原文书名称}》（{原文书字号}）提出复查申请。\n"
                "{复查结论}{复查意见}\n{后续要求}")
REVIEW_ANSWER = Wording(kind="review_answer", issued_in=_doc_kind("letter_review_document", "review_answer"),
                        title="关于{事项名称}复查申请的复查答复书", body=_REVIEW_BODY,
                        placeholders=REVIEW_FIELDS, sample=REVIEW_SAMPLE, max_pages=1)
REVIEW_DECISION = Wording(kind="review_decision", issued_in=_doc_kind("letter_review_document", "review_decision"),
                          title="关于{事项名称}复查申请的复查决定书", body=_REVIEW_BODY,
                          placeholders=REVIEW_FIELDS, sample=REVIEW_SAMPLE, max_pages=1)

ORDER_FIELDS = {**COMMON, "原文书日期": "原监督文书的成文日期", "原文书名称": "原监督文书名称",
                "原文书字号": "其发文字号", "整改届满": "整改期限届满的说明", "责令事项": "责令事项",
                "责令内容": "责令纠正的具体内容", "文书名称": "本文书名称", "报告期限": "执行情况报告期限",
                "报告期限条款": "其所在条款"}
ORDER_SAMPLE = {**LETTER_SAMPLE, "原文书日期": "2026年9月29日", "原文书名称": "行政执法监督建议书",
                "原文书字号": "恩施监建〔2026〕1号", "整改届满": "整改期限已于2026年10月29日届满",
                "责令事项": "重新作出行政行为：", "责令内容": "于收到本决定书后依法重新作出处理决定。",
                "文书名称": "行政执法监督决定书", "报告期限": "30日",
                "报告期限条款": "《恩施土家族苗族自治州行政执法监督办法》第二十八条第二款"}
_ORDER_BODY = ("本机关于{原文书日期}向你单位制发《{原文书名称}》（{原文书字号}），你单位未在期限内纠正，{整改届满}。\n"
               "根据{制发依据}的规定，责令你单位{责令事项}{责令内容}\n"
               "请你单位自收到本{文书名称}之日起{报告期限}内将执行情况书面报告本机关（{报告期限条款}）。")
SUPERVISION_DECISION = Wording(
    kind="supervision_decision", issued_in=_doc_kind("overdue_document", "supervision_decision"),
    title="关于{事项名称}的行政执法监督决定书", body=_ORDER_BODY, placeholders=ORDER_FIELDS, sample=ORDER_SAMPLE,
    max_pages=1)
CORRECTION_ORDER = Wording(
    kind="correction_order", issued_in=_doc_kind("overdue_document", "correction_order"),
    title="关于{事项名称}的责令限期纠正通知书", body=_ORDER_BODY, placeholders=ORDER_FIELDS,
    sample={**ORDER_SAMPLE, "责令事项": "", "文书名称": "责令限期纠正通知书", "报告期限": "10个工作日"}, max_pages=1)

MEASURE_FIELDS = {**COMMON, "决定文书名称": "此前制发的决定（通知）书名称", "决定文书字号": "其发文字号",
                  "处理内容": "负责人填写的处理措施内容"}
MEASURE_SAMPLE = {**LETTER_SAMPLE, "决定文书名称": "行政执法监督决定书", "决定文书字号": "恩施监决〔2026〕1号",
                  "处理内容": "定于2026年12月15日约谈你单位主要负责人，请准时参加。"}
_MEASURE_BODY = ("{被监督机关}收到本机关《{决定文书名称}》（{决定文书字号}）后，逾期仍未纠正，也未报告执行情况。\n"
                 "{处理内容}")
INTERVIEW = Wording(kind="interview_record", issued_in=_measure("interview_record"),
                    title="关于{事项名称}的约谈记录", body=_MEASURE_BODY, placeholders=MEASURE_FIELDS,
                    sample=MEASURE_SAMPLE, max_pages=2)
REFERRAL = Wording(kind="referral", issued_in=_measure("referral"), format=layout.LETTER,
                   title="关于{事项名称}问题线索的移送函", body=_MEASURE_BODY, placeholders=MEASURE_FIELDS,
                   sample=MEASURE_SAMPLE, max_pages=2)
CIRCULAR = Wording(kind="circular", issued_in=_measure("circular"),
                   title="关于{事项名称}的通报", body=_MEASURE_BODY, placeholders=MEASURE_FIELDS,
                   sample={**MEASURE_SAMPLE, "决定文书名称": "责令限期纠正通知书", "决定文书字号": "武隆监纠〔2026〕1号",
                           "处理内容": "对该单位予以通报，并责成其于十个工作日内书面说明情况。"}, max_pages=2)

register(SUGGESTION, OPINION, REVIEW_ANSWER, REVIEW_DECISION, SUPERVISION_DECISION, CORRECTION_ORDER, INTERVIEW,
         REFERRAL, CIRCULAR)


# ------------------------------------------------------------------ filling them from a letter
def letter(letter, profile) -> Composed:
    """监督建议书 (Enshi) / 监督意见书 (Wulong)."""
    kind = profile.value("letter_document")["kind"]
    name = profile.value("letter_document")["text"]
    objection, rectify = profile.period("letter_objection_period"), profile.period("letter_rectify_period")
    review = profile.period("letter_review_answer_period")
    during = ""
    if profile.flag("letter_rectify_restarts_after_review"):
        during = (f"经复查异议不成立的，整改期限自收到复查答复之日起重新计算"
                  f"（{profile.figure('letter_rectify_restarts_after_review').citation}）。")
    elif profile.has("letter_suspended_during_review") and not profile.flag("letter_suspended_during_review"):
        during = f"复查期间，本{name[-3:]}不停止执行（{profile.figure('letter_suspended_during_review').citation}）。"
    values = {
        "事项名称": letter.matter.title, "被监督机关": letter.addressee.name,
        "制发依据": str(profile.figure("letter_document").citation), "问题情形": letter.ground_label,
        "监督内容": letter.ground_label, "情形条款": _cite(profile, letter.ground_article), "查明事实": letter.findings,
        "监督建议": letter.request, "整改期限": rectify.text, "整改期限条款": str(rectify.citation),
        "异议期限": objection.text, "异议期限条款": str(objection.citation), "复查答复期限": review.text,
        "复查期间说明": during, "逾期文书": profile.value("overdue_document")["text"],
        "逾期文书条款": str(profile.figure("overdue_document").citation),
    }
    return compose(kind, letter.jurisdiction, values)


def _cite(profile, article: str) -> str:
    """An item's article with its document's title (e.g. 《…办法》第二十六条第（一）项)."""
    if not article or article.startswith("《"):
        return article
    return profile.figure("letter_grounds").citation.document_title + article


def review(letter, objection, profile, *, upheld: bool, answer: str) -> Composed:
    kind = profile.value("letter_review_document")["kind"]
    short = "答复书" if kind == "review_answer" else "决定书"
    if upheld and profile.flag("letter_objection_upheld_ends"):
        after = f"本机关终止本次监督（{profile.figure('letter_objection_upheld_ends').citation}）。"
    elif upheld:
        after = f"请你单位按照本{short}的意见办理。"
    elif profile.flag("letter_rectify_restarts_after_review"):
        rectify = profile.period("letter_rectify_period")
        after = (f"请你单位自收到本{short}之日起{rectify.text}内完成整改，并将整改情况书面报送本机关"
                 f"（{profile.figure('letter_rectify_restarts_after_review').citation}）。")
    else:
        after = f"请你单位按照《{letter.document.kind_label}》确定的期限完成整改。"
    values = {"事项名称": letter.matter.title, "被监督机关": letter.addressee.name,
              "制发依据": str(profile.period("letter_review_answer_period").citation),
              "申请日期": chinese_date(objection.received_on), "原文书名称": letter.document.kind_label,
              "原文书字号": letter.document.doc_number,
              "复查结论": "经复查，你单位提出的异议成立。" if upheld else "经复查，你单位提出的异议不成立。",
              "复查意见": answer.strip(), "后续要求": after}
    return compose(kind, letter.jurisdiction, values)


# a correction order issued directly (no letter before it): 004 监督意见书制度 第十条, 争议协调办法 第二十条
DIRECT_ORDER_BODY = ("经查，你单位{情形}。{查明事实}\n"
                     "根据{制发依据}的规定，责令你单位限期纠正：{责令内容}\n"
                     "请你单位自收到本{文书名称}之日起{报告期限}内纠正，并将纠正情况书面报告本机关（{报告期限条款}）。"
                     "逾期不纠正的，本机关将依法予以通报。")


def overdue_order(letter, profile, *, order_label: str) -> Composed:
    kind = profile.value("overdue_document")["kind"]
    rule = profile.period("decision_report_period")
    if letter.document_id is None:
        title_t, _body, notes_t = current(kind, letter.jurisdiction)
        values = {"事项名称": letter.matter.title, "被监督机关": letter.addressee.name,
                  "制发依据": letter.ground_article, "情形": letter.ground_label, "查明事实": letter.findings,
                  "责令内容": letter.decision_text, "文书名称": profile.value("overdue_document")["text"],
                  "报告期限": rule.text, "报告期限条款": str(rule.citation)}
        return compose(kind, letter.jurisdiction, values, template=(title_t, DIRECT_ORDER_BODY, notes_t))
    rectify = letter.rectify_clock
    values = {"事项名称": letter.matter.title, "被监督机关": letter.addressee.name,
              "制发依据": str(profile.figure("overdue_document").citation),
              "原文书日期": chinese_date(letter.document.issued_on), "原文书名称": letter.document.kind_label,
              "原文书字号": letter.document.doc_number,
              "整改届满": f"整改期限已于{chinese_date(rectify.due_on)}届满" if rectify else "已逾期",
              "责令事项": f"{order_label}：" if order_label else "", "责令内容": letter.decision_text,
              "文书名称": profile.value("overdue_document")["text"], "报告期限": rule.text,
              "报告期限条款": str(rule.citation)}
    return compose(kind, letter.jurisdiction, values)


def measure(letter, kind: str, content: str) -> Composed:
    decision = letter.decision_document
    values = {"事项名称": letter.matter.title, "被监督机关": letter.addressee.name, "制发依据": "",
              "决定文书名称": decision.kind_label, "决定文书字号": decision.doc_number, "处理内容": content.strip()}
    return compose(kind, letter.jurisdiction, values)


# 003 第二十九条第二款: 约谈 as its own step in any matter; the record says who, when, what was said and undertaken
INTERVIEW_RECORD_BODY = ("{约谈日期}，本机关在{约谈地点}对{被监督机关}负责人{被约谈人}进行约谈。约谈人：{约谈人}。\n"
                         "约谈依据：{制发依据}。约谈事由：{约谈事由}\n"
                         "约谈内容：{约谈内容}\n"
                         "{被监督机关}承诺：{整改承诺}")


def interview_record(matter, agency, article: str, data: dict) -> Composed:
    title_t, _body, notes_t = current("interview_record", matter.jurisdiction)
    values = {"事项名称": matter.title, "被监督机关": agency.name, "制发依据": article,
              "约谈日期": f"{data['held_on'].year}年{data['held_on'].month}月{data['held_on'].day}日",
              "约谈地点": data["place"], "被约谈人": data["interviewees"], "约谈人": data["interviewers"],
              "约谈事由": data["reason"], "约谈内容": data["said"], "整改承诺": data["undertaking"],
              "决定文书名称": "", "决定文书字号": "", "处理内容": ""}
    return compose("interview_record", matter.jurisdiction, values,
                   template=(title_t, INTERVIEW_RECORD_BODY, notes_t))
