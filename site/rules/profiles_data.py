"""Default figures of the five jurisdiction profiles, each with its seed file and article.

This file is the starting point only: `sync_profiles()` copies any figure missing from the
database at migrate time and never overwrites one staff have changed (those changes are audited
in `RuleFigureChange`). Code reads figures through `rules.profiles.get_profile(code)`, never here.

Value shapes by kind:
  period   {"n": 5, "unit": "working_days"|"calendar_days"|"years"|"months",
            "minimum": bool (the rule says 不少于), "specified": bool (False = platform default)}
  range    {"min": 18, "max": 60}
  count    {"n": 2}
  flag     {"on": true}
  choices  {"items": [{"code": ..., "label": ..., "article": ...}]}
  text     {"text": ...}
  yearly   {"month": 1, "day": 31} or {"quarter": 1}
"""
from __future__ import annotations

WD, CD, YEARS, MONTHS = "working_days", "calendar_days", "years", "months"


def period(n, unit, *, minimum=False, specified=True):
    return {"n": n, "unit": unit, "minimum": minimum, "specified": specified}


def items(*pairs):
    """choices from (code, label, article) triples; article "" = the figure's own article."""
    return {"items": [{"code": c, "label": lbl, "article": art} for c, lbl, art in pairs]}


def fig(key, label, kind, value, source, article, document="", note=""):
    return {"key": key, "label": label, "kind": kind, "value": value, "source": source,
            "article": article, "document": document, "note": note}


# ---------------------------------------------------------------- social supervisors (000-002)
WANZHOU = [
    fig("supervisor_title", "监督员名称", "text", {"text": "行政执法监督员"}, "000", "第二条"),
    fig("manager", "管理机关", "text", {"text": "区司法局"}, "000", "第四条"),
    fig("candidate_sources", "选聘范围", "choices", items(
        ("npc_cppcc", "人大代表、政协委员", ""), ("expert", "专家学者", ""), ("entrepreneur", "企业家", ""),
        ("lawyer", "律师", ""), ("people_org", "人民团体", ""), ("association", "行业协会", ""),
        ("grassroots", "基层自治组织", ""), ("media", "新闻媒体", ""), ("party_gov", "党政机关人员", ""),
    ), "000", "第三条"),
    fig("excluded_occupations", "不得聘请的人员", "choices", items(
        ("enforcement_staff", "行政执法人员", ""), ("auxiliary_staff", "行政执法辅助人员", ""),
    ), "000", "第三条"),
    fig("age_range", "年龄条件", "range", {"min": 18, "max": 60}, "000", "第五条第（四）项",
        note="年满十八周岁、不超过六十周岁"),
    fig("education_min", "学历条件", "choices", items(("junior_college", "大专以上学历", "")),
        "000", "第五条第（二）项"),
    fig("disqualifying_records", "不得有的记录", "choices", items(
        ("criminal", "刑事处罚", ""), ("admin_sanction", "行政处分", ""),
        ("party_discipline", "党纪处分", ""), ("dishonesty", "失信记录", ""),
    ), "000", "第五条第（五）项"),
    fig("intake_methods", "选聘方式", "choices", items(
        ("self", "个人自荐", ""), ("unit", "单位推荐", ""), ("directed", "定向发函", ""),
    ), "000", "第六条第（一）项"),
    fig("publicity_period", "拟聘人员公示期", "period", period(5, WD, minimum=True),
        "000", "第六条第（二）项", note="公示期不少于5个工作日"),
    fig("appointment_documents", "聘任颁发", "choices", items(
        ("certificate", "聘书", ""), ("card", "证件", "")), "000", "第六条第（三）项"),
    fig("appointment_announced", "聘任向社会公告", "flag", {"on": True}, "000", "第六条第（三）项"),
    fig("volunteer_agreement_required", "签订志愿服务协议", "flag", {"on": False}, "000", "第六条"),
    fig("term_length", "每届聘任期", "period", period(5, YEARS), "000", "第七条"),
    fig("consecutive_term_cap", "连续任职届数上限", "count", {"n": 2, "strict": False}, "000", "第七条",
        note="原则上连续任职不得超过两届"),
    fig("term_end_auto_dismissal", "期满未续聘自然解聘", "flag", {"on": True}, "000", "第七条"),
    fig("absence_rule", "无故缺席解聘规则", "count", {"n": 2, "mode": "within_year"},
        "000", "第十八条第（三）项", note="一年内无正当理由两次不参加行政执法监督活动"),
    fig("dismissal_grounds", "解聘情形", "choices", items(
        ("conditions_lost", "违反本办法第五条任职条件", "第十八条第（一）项"),
        ("discipline_breach", "违反本办法第十一条纪律要求", "第十八条第（二）项"),
        ("absence", "一年内无正当理由两次不参加行政执法监督活动，或未经批准不履行职责和义务",
         "第十八条第（三）项"),
        ("resignation", "主动提出不再担任行政执法监督员", "第十八条第（四）项"),
        ("other", "其他原因不宜继续担任行政执法监督员", "第十八条第（五）项"),
    ), "000", "第十八条"),
    fig("dismissal_announced", "解聘向社会公告", "flag", {"on": True}, "000", "第十八条"),
    fig("notify_recommending_unit", "解聘告知推荐单位", "flag", {"on": True}, "000", "第十八条"),
    fig("recover_documents", "解聘收回聘书、证件", "flag", {"on": True}, "000", "第十九条"),
    fig("recusal_grounds", "回避情形", "choices", items(
        ("own_interest", "涉及本人利害关系", "第十二条第（一）项"),
        ("relatives", "涉及亲属或有直接利益关系的组织的利害关系", "第十二条第（二）项"),
        ("other", "其他可能影响公正履行职责", "第十二条第（三）项"),
    ), "000", "第十二条"),
    fig("opinion_handling", "书面意见办理", "text",
        {"text": "区司法局转送或调查处理并反馈；执法机关立即纠正或明确整改期限并报送"}, "000", "第十六条"),
    fig("lead_confidentiality", "线索可要求保密", "flag", {"on": False}, "000", "第十六条"),
    fig("publishes_roster", "公开在聘监督员名单", "flag", {"on": True}, "000", "第六条第（三）项",
        note="聘任向社会公告，平台据此公开在聘名单（仅姓名、单位）"),
]

WEIHAI = [
    fig("supervisor_title", "监督员名称", "text", {"text": "行政执法社会监督员"}, "001", "第二条"),
    fig("manager", "管理机关", "text", {"text": "各级司法行政机关"}, "001", "第三条"),
    fig("candidate_sources", "选聘范围", "choices", items(
        ("npc_cppcc", "人大代表、政协委员", ""), ("expert", "专家学者", ""),
        ("entrepreneur", "民营企业家", ""), ("lawyer", "律师", ""), ("people_org", "人民团体", ""),
        ("association", "行业协会", ""), ("grassroots", "基层自治组织", ""), ("media", "新闻媒体", ""),
        ("party_gov", "党政机关人员", ""),
    ), "001", "第二条"),
    fig("excluded_occupations", "不得聘请的人员", "choices", items(
        ("enforcement_staff", "行政执法人员", "")), "001", "第二条"),
    fig("age_range", "年龄条件", "range", {"min": None, "max": None}, "001", "第七条",
        note="未规定年龄界限"),
    fig("education_min", "学历条件", "choices", {"items": []}, "001", "第七条第（三）项",
        note="具有监督所需的法律知识，具有国家法律职业资格人员优先；不设学历门槛"),
    fig("disqualifying_records", "不得有的记录", "choices", items(
        ("criminal", "刑事处罚", ""), ("admin_sanction", "行政处分", ""),
        ("party_discipline", "党纪处分", ""), ("public_security_penalty", "违反治安管理受到行政处罚", ""),
        ("bad_credit", "信用不良", ""),
    ), "001", "第七条第（一）项"),
    fig("intake_methods", "选聘方式", "choices", items(
        ("unit", "单位推荐", ""), ("self", "个人自荐", ""), ("directed", "定向邀请", ""),
    ), "001", "第四条"),
    fig("publicity_period", "拟聘人员公示期", "period", period(5, WD, minimum=True, specified=False),
        "001", "第四条", note="办法只要求向社会公示、未规定期限；平台默认5个工作日，编辑可延长"),
    fig("appointment_documents", "聘任颁发", "choices", items(("certificate", "聘任证书", "")),
        "001", "第四条"),
    fig("appointment_announced", "聘任向社会公告", "flag", {"on": False}, "001", "第四条"),
    fig("volunteer_agreement_required", "签订志愿服务协议", "flag", {"on": False}, "001", "第四条"),
    fig("term_length", "每届聘期", "period", period(2, YEARS), "001", "第五条"),
    fig("consecutive_term_cap", "连续任职届数上限", "count", {"n": 2, "strict": True}, "001", "第五条",
        note="到期可以续聘，但不得连任超过两届"),
    fig("term_end_auto_dismissal", "期满未续聘自然解聘", "flag", {"on": False}, "001", "第五条",
        note="办法未规定自然解聘"),
    fig("absence_rule", "无故缺席解聘规则", "count", {"n": 2, "mode": "consecutive"},
        "001", "第十六条第（六）项", note="连续两次以上无故不参加司法行政机关组织的活动"),
    fig("dismissal_grounds", "解聘情形", "choices", items(
        ("crime_credit", "受刑事处罚或者有其他严重不良信用记录", "第十六条第（一）项"),
        ("leak", "泄露国家秘密、工作秘密、商业秘密和个人隐私", "第十六条第（二）项"),
        ("gifts", "私自收受有关单位或者当事人的财物", "第十六条第（三）项"),
        ("self_dealing", "利用行政执法监督权为服务处所或者个人谋取利益", "第十六条第（四）项"),
        ("image", "参与有损市政府形象的相关活动", "第十六条第（五）项"),
        ("absence", "连续两次以上无故不参加司法行政机关组织的活动", "第十六条第（六）项"),
        ("job_health", "因工作调离、退休、健康状况等原因不宜继续担任", "第十六条第（七）项"),
        ("other", "其他需要解聘和追责的", "第十六条第（八）项"),
    ), "001", "第十六条"),
    fig("dismissal_announced", "解聘向社会公告", "flag", {"on": False}, "001", "第十六条"),
    fig("notify_recommending_unit", "解聘告知推荐单位", "flag", {"on": False}, "001", "第十六条"),
    fig("recover_documents", "解聘收回聘书、证件", "flag", {"on": False}, "001", "第十六条"),
    fig("recusal_grounds", "回避情形", "choices", items(
        ("self_or_relatives", "案件与本人及其近亲属、本人服务的处所有关", "第十条第一款"),
        ("other", "其他可能影响公正履行职责", "第十条第一款"),
        ("ordered", "司法行政机关要求回避", "第十条第二款"),
    ), "001", "第十条"),
    fig("opinion_handling", "书面意见办理", "text",
        {"text": "执法机关认真研究办理并反馈；司法行政机关调查核实，将处理结果向监督员反馈"},
        "001", "第十五条", note="执法机关反馈期限见第十二条"),
    fig("opinion_answer_period", "执法机关反馈意见建议期限", "period", period(30, CD),
        "001", "第十二条", note="于30日内予以反馈"),
    fig("lead_confidentiality", "线索可要求保密", "flag", {"on": True}, "001", "第十四条"),
    fig("publishes_roster", "公开在聘监督员名单", "flag", {"on": False}, "001", "第四条",
        note="办法未要求公告聘任"),
]

WUHAN = [
    fig("supervisor_title", "监督员名称", "text", {"text": "行政执法义务监督员"}, "002", "第三条"),
    fig("manager", "管理机关", "text", {"text": "市司法行政机关"}, "002", "第四条"),
    fig("candidate_sources", "选聘范围", "choices", items(
        ("npc_cppcc", "人大代表、政协委员以及知名人士", "第六条第（一）项"),
        ("expert", "专家学者、法律工作者、新闻媒体工作者、社区工作者", "第六条第（二）项"),
        ("business", "企业界、行业协会代表", "第六条第（三）项"),
        ("retired_official", "有行政执法工作经历的退休公务员", "第六条第（四）项"),
    ), "002", "第六条"),
    fig("excluded_occupations", "不得聘请的人员", "choices", {"items": []}, "002", "第六条",
        note="办法未排除任何职业"),
    fig("age_range", "年龄条件", "range", {"min": 25, "max": 65}, "002", "第五条第（一）项",
        note="年满二十五周岁、不超过六十五周岁"),
    fig("education_min", "学历条件", "choices", {"items": []}, "002", "第五条第（三）项",
        note="具备与履行职责相应的工作能力；不设学历门槛"),
    fig("disqualifying_records", "不得有的记录", "choices", items(
        ("criminal", "违法犯罪记录", ""), ("bad_credit", "不良信用记录", ""),
    ), "002", "第五条第（二）项"),
    fig("intake_methods", "选聘方式", "choices", items(
        ("self", "个人自荐", ""), ("unit", "单位推荐", ""), ("directed", "特别邀请", ""),
    ), "002", "第七条第（一）项"),
    fig("publicity_period", "拟聘人员公示期", "period", period(10, CD, minimum=True),
        "002", "第七条第（二）项", note="公示期不少于10日"),
    fig("appointment_documents", "聘任颁发", "choices", items(
        ("certificate", "聘书", ""), ("card", "证件", "")), "002", "第七条第（三）项"),
    fig("appointment_announced", "聘任向社会公布", "flag", {"on": True}, "002", "第七条第（三）项"),
    fig("volunteer_agreement_required", "签订志愿服务协议", "flag", {"on": True}, "002", "第九条"),
    fig("term_length", "聘任期", "period", period(3, YEARS), "002", "第八条"),
    fig("consecutive_term_cap", "连续任职届数上限", "count", {"n": None, "strict": False}, "002", "第八条",
        note="聘任期届满可续聘，未设届数上限"),
    fig("term_end_auto_dismissal", "期满未续聘自行解聘", "flag", {"on": True}, "002", "第八条"),
    fig("absence_rule", "无故缺席解聘规则", "count", {"n": 2, "mode": "consecutive"},
        "002", "第十五条第（二）项", note="无正当理由连续两次不参加组织的行政执法监督活动"),
    fig("dismissal_grounds", "解聘情形", "choices", items(
        ("sanction_crime", "受党纪政务处分、较大影响的行政处罚或刑事处罚", "第十五条第（一）项"),
        ("absence", "无正当理由连续两次不参加组织的行政执法监督活动", "第十五条第（二）项"),
        ("abuse", "违规行使监督权或利用监督之便谋取私利", "第十五条第（三）项"),
        ("discipline_breach", "违反监督工作纪律造成不良后果", "第十五条第（四）项"),
        ("job_health_family", "因工作调整、健康状况、家庭等原因不宜继续担任", "第十五条第（五）项"),
        ("resignation", "本人书面声明辞任", "第十五条第（六）项"),
        ("other", "其他原因不宜继续担任", "第十五条第（七）项"),
    ), "002", "第十五条"),
    fig("dismissal_announced", "解聘、辞任予以公告", "flag", {"on": True}, "002", "第十六条"),
    fig("notify_recommending_unit", "解聘告知推荐单位", "flag", {"on": False}, "002", "第十六条"),
    fig("recover_documents", "收回聘书及证件", "flag", {"on": True}, "002", "第十六条"),
    fig("recusal_grounds", "回避情形", "choices", items(
        ("own_interest", "监督事项与本人有利害关系", "第十三条第（一）项"),
        ("relatives", "监督对象与本人有亲属关系或直接利益联系", "第十三条第（二）项"),
        ("other", "其他可能影响公正履行职责", "第十三条第（三）项"),
    ), "002", "第十三条"),
    fig("opinion_handling", "书面意见办理", "text",
        {"text": "市司法行政机关转交和督促，执法机关调查核实并反馈"}, "002", "第十四条"),
    fig("lead_confidentiality", "线索可要求保密", "flag", {"on": False}, "002", "第十四条"),
    fig("publishes_roster", "公开在聘监督员名单", "flag", {"on": True}, "002", "第七条第（三）项",
        note="聘任向社会公布，平台据此公开在聘名单（仅姓名、单位）"),
]

# ---------------------------------------------------------------- Enshi supervision measures (003)
ENSHI = [
    fig("letter_grounds", "制发监督建议书情形", "choices", items(
        ("illegal_subject", "行政执法主体、权限、程序不合法", "第二十六条第（一）项"),
        ("illegal_decision", "行政执法决定不合法或者明显不当", "第二十六条第（二）项"),
        ("non_performance", "不履行或者不正确履行行政执法职责", "第二十六条第（三）项"),
        ("systems", "不落实行政执法重要制度", "第二十六条第（四）项"),
        ("staff_certificates", "行政执法队伍管理、证件管理不规范", "第二十六条第（五）项"),
        ("other", "其他违反法律法规规定的情形", "第二十六条第（六）项"),
    ), "003", "第二十六条"),
    fig("letter_objection_period", "对监督建议书申请复查期限", "period", period(10, CD), "003", "第二十七条"),
    fig("letter_review_answer_period", "复查答复期限", "period", period(15, CD), "003", "第二十七条"),
    fig("letter_rectify_period", "整改并报送期限", "period", period(30, CD), "003", "第二十七条"),
    fig("letter_suspended_during_review", "复查期间暂停执行", "flag", {"on": False}, "003", "第二十七条",
        note="办法未规定复查期间停止执行"),
    fig("decision_report_period", "监督决定书执行情况报告期限", "period", period(30, CD), "003", "第二十八条"),
    fig("casefile_review_per_year", "案卷评查每年至少次数", "count", {"n": 1}, "003", "第十八条"),
    fig("evaluation_per_year", "考核评议每年至少次数", "count", {"n": 1}, "003", "第十九条"),
    fig("onsite_min_people", "现场监督最少人数", "count", {"n": 2}, "003", "第二十四条第（一）项"),
    fig("complaint_hotline", "投诉渠道", "text", {"text": "12345政务服务便民热线"}, "003", "第十条"),
    fig("social_supervisors_allowed", "可聘请社会监督员", "flag", {"on": True}, "003", "第七条"),
    fig("typical_cases_published", "可编撰发布典型案例", "flag", {"on": True}, "003", "第二十九条"),
    fig("fault_tolerance", "容错", "flag", {"on": True}, "003", "第三十二条"),
    # the yearly programme 年度监督
    fig("annual_plan", "年度行政执法监督工作计划", "flag", {"on": True}, "003", "第十五条"),
    fig("statistics_categories", "行政执法统计类别", "choices", items(
        ("permit", "行政许可", ""), ("penalty", "行政处罚", ""), ("coercion", "行政强制", ""),
        ("inspection", "行政检查", ""), ("levy", "行政征收征用", ""), ("payment", "行政给付", ""),
        ("confirmation", "行政确认", ""), ("ruling", "行政裁决", ""), ("reward", "行政奖励", ""),
    ), "003", "第三条第二款", note="统计、分析、监测、研判见第二十条；办法未规定报送日期"),
    fig("supervision_notification", "行政执法监督情况通报", "flag", {"on": True}, "003", "第二十九条",
        note="可以通报；办法未规定通报时间"),
    fig("rectification_basis", "通报整改要求", "text", {"text": "针对存在的问题提出预防和整改措施"},
        "003", "第二十条", note="整改期限由通报确定，办法未规定天数"),
]

# ---------------------------------------------------------------- Wulong ten systems (004)
DISPUTE, COMPLAINT, LETTER = "行政执法争议协调办法", "行政执法投诉举报制度", "行政执法监督意见书制度"
FAULT, WRONG = "行政执法过错纠正和责任追究制度", "行政执法错案责任倒查问责制度"
STATS, NOTIFY, INSPECT = "行政执法统计年报制度", "行政执法监督情况通报制度", "行政执法监督检查制度"
AUX, INTERFERE = "行政执法辅助人员管理办法", "行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究规定"

WULONG = [
    # dispute coordination 争议协调
    fig("dispute_accept_period", "争议协调受理决定期限", "period", period(5, WD), "004", "第十二条第（一）项", DISPUTE),
    fig("dispute_answer_period", "被申请机关答复期限", "period", period(5, WD), "004", "第十二条第（一）项", DISPUTE),
    fig("dispute_incomplete_notice_period", "材料不齐通知补正期限", "period", period(5, WD), "004", "第十二条第（二）项", DISPUTE),
    fig("dispute_supplement_period", "补正材料期限", "period", period(5, WD), "004", "第十二条第（二）项", DISPUTE,
        note="未按规定补正的，视为放弃申请"),
    fig("dispute_refuse_period", "不予受理决定期限", "period", period(5, WD), "004", "第十二条第（三）项", DISPUTE),
    fig("dispute_bureau_report_period", "主动协调时机关报送期限", "period", period(5, WD), "004", "第十三条", DISPUTE),
    fig("dispute_finish_period", "争议协调办结期限", "period", period(7, WD), "004", "第十四条", DISPUTE),
    fig("dispute_extension_max", "争议协调延长上限", "period", period(15, WD), "004", "第十四条", DISPUTE,
        note="经区司法局主要负责人批准；解释、请示时间不计入"),
    fig("period_counting", "期间计算", "text", {"text": "依照《中华人民共和国民事诉讼法》关于期间、送达的规定"},
        "004", "第二十一条", DISPUTE),
    # complaints 投诉举报
    fig("complaint_accept_period", "投诉举报受理审核期限", "period", period(7, WD), "004", "第七条", COMPLAINT),
    fig("complaint_min_investigators", "调查人员最少人数", "count", {"n": 2}, "004", "第八条", COMPLAINT),
    fig("complaint_finish_period", "投诉举报办结期限", "period", period(30, CD), "004", "第十条", COMPLAINT),
    fig("complaint_extension_max", "投诉举报延长上限", "period", period(30, CD), "004", "第十条", COMPLAINT,
        note="经行政执法机关负责人同意，最多延长30日"),
    fig("complaint_required_fields", "投诉举报应提供", "choices", items(
        ("real_name", "真实姓名", ""), ("id_number", "身份证号", ""), ("address", "住址", ""),
        ("contact", "联系方式", ""), ("respondent", "明确的被投诉举报机关或行政执法人员", "第六条第（三）项"),
        ("request_facts", "具体的投诉举报请求事项和事实依据", "第六条第（四）项"),
    ), "004", "第六条", COMPLAINT),
    fig("complaint_not_accepted", "不予受理情形", "choices", items(
        ("reconsideration", "属行政复议受案范围且在法定复议期限内", "第五条第（一）项"),
        ("litigation", "属行政诉讼受案范围且在法定诉讼期限内", "第五条第（二）项"),
        ("decided", "对行政复议决定或人民法院判决不服", "第五条第（三）项"),
        ("elsewhere", "已由监察、信访或其他机关受理", "第五条第（四）项"),
        ("other", "其他依法不予受理的情形", "第五条第（五）项"),
    ), "004", "第五条", COMPLAINT),
    # supervision opinion letters 监督意见书
    fig("letter_rectify_period", "自行纠正并书面报告期限", "period", period(20, WD), "004", "第八条", LETTER),
    fig("letter_objection_period", "申请复查期限", "period", period(10, WD), "004", "第九条", LETTER),
    fig("letter_review_answer_period", "复查决定期限", "period", period(15, WD), "004", "第九条", LETTER),
    fig("letter_suspended_during_review", "复查期间停止执行", "flag", {"on": False}, "004", "第九条", LETTER,
        note="复查期间，行政执法监督处理决定不停止执行"),
    # accountability 过错责任 / 错案倒查
    fig("fault_transfer_period", "非本单位受理案件转送期限", "period", period(2, CD), "004", "第十条第（一）项", FAULT),
    fig("fault_reinvestigation_period", "责令重新调查期限", "period", period(1, MONTHS), "004", "第十条第（三）项", FAULT),
    fig("fault_aggravating_count", "一年内过错从重次数", "count", {"n": 2, "mode": "within_year"}, "004",
        "第八条第（五）项", FAULT),
    fig("interference_repeat_sanction", "不记录干预情况两次以上给予处分", "count", {"n": 2}, "004", "第十条", INTERFERE),
    # publication duties
    fig("annual_statistics_due", "统计年报公开截止", "yearly", {"month": 1, "day": 31}, "004", "第三条", STATS),
    fig("annual_notification_due", "上年度通报完成时间", "yearly", {"quarter": 1}, "004", "第四条", NOTIFY),
    fig("inspections_per_year", "定期监督检查每年至少次数", "count", {"n": 2}, "004", "第六条", INSPECT),
    fig("statistics_categories", "行政执法统计类别", "choices", items(
        ("penalty", "行政处罚", ""), ("permit", "行政许可", ""), ("coercion", "行政强制", ""),
        ("levy", "行政征收", ""), ("inspection", "行政检查", ""), ("ruling", "行政裁决", ""),
        ("payment", "行政给付", ""), ("confirmation", "行政确认", ""), ("reward", "行政奖励", ""),
        ("other", "其他具体行政执法行为", ""),
    ), "004", "第二条", STATS),
    fig("supervision_notification", "行政执法监督情况通报", "flag", {"on": True}, "004", "第四条", NOTIFY),
    fig("rectification_basis", "通报整改要求", "text",
        {"text": "对存在的问题明确责任机关，提出限时整改要求；被通报机关在规定期限内书面报告整改落实情况"},
        "004", "第五条", NOTIFY, note="整改期限由通报确定，制度未规定天数"),
    # auxiliary staff 辅助人员
    fig("auxiliary_age_min", "辅助人员最低年龄", "range", {"min": 18, "max": None}, "004", "第七条第（一）项", AUX),
    fig("auxiliary_education_min", "辅助人员学历", "text", {"text": "高中及以上学历（退伍军人优先）"},
        "004", "第七条第（四）项", AUX),
]

PROFILES = {
    "wanzhou": {"name": "重庆市万州区", "authority": "万州区司法局", "org_code": "11500101MB1W00000A",
                "sources": ["000"], "figures": WANZHOU},
    "weihai": {"name": "山东省威海市", "authority": "威海市司法局", "org_code": "11371000MB2H00000B",
               "sources": ["001"], "figures": WEIHAI},
    "wuhan": {"name": "湖北省武汉市", "authority": "武汉市司法局", "org_code": "11420100MB1C00000C",
              "sources": ["002"], "figures": WUHAN},
    "enshi": {"name": "湖北省恩施土家族苗族自治州", "authority": "恩施州司法局", "org_code": "11422800MB1E00000D",
              "sources": ["003"], "figures": ENSHI},
    "wulong": {"name": "重庆市武隆区", "authority": "武隆区司法局", "org_code": "11500156MB1L00000E",
               "sources": ["004"], "figures": WULONG},
}
