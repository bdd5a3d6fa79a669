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
    fig("agency_invitation_kinds", "执法机关可邀请监督员参加的活动", "choices", items(
        ("case_discussion", "重大行政执法案件集体讨论", ""), ("hearing", "行政执法听证会", ""),
        ("appraisal", "论证会", ""),
    ), "000", "第九条第（四）项", note="执法机关联络员在平台安排活动、邀请本辖区监督员并登记出席；出席和缺席与司法局组织的活动一并计算"),
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
    # reports about a supervisor's conduct (举报监督员): the public and agencies may report; result fed back
    fig("supervisor_report_public", "社会公众可举报监督员违法违纪行为", "flag", {"on": True}, "000", "第十七条"),
    fig("supervisor_report_dismissal_ground", "举报查实后的解聘情形", "text", {"text": "discipline_breach"},
        "000", "第十八条第（二）项", note="查实违反第十一条纪律要求的，提出解聘建议"),
    fig("notify_recommending_unit", "解聘告知推荐单位", "flag", {"on": True}, "000", "第十八条"),
    fig("recover_documents", "解聘收回聘书、证件", "flag", {"on": True}, "000", "第十九条"),
    fig("recusal_grounds", "回避情形", "choices", items(
        ("own_interest", "涉及本人利害关系", "第十二条第（一）项"),
        ("relatives", "涉及亲属或有直接利益关系的组织的利害关系", "第十二条第（二）项"),
        ("other", "其他可能影响公正履行职责", "第十二条第（三）项"),
    ), "000", "第十二条"),
    fig("show_credential", "参加监督活动时出示证件", "flag", {"on": True}, "000", "第十五条",
        note="参加执法监督活动时，应当出示有效证件，表明身份；平台在监督员的活动邀请中提示证件编号"),
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
    fig("preferred_qualifications", "优先条件", "choices", items(
        ("legal_professional", "具有国家法律职业资格", ""),
    ), "001", "第七条第（三）项",
        note="具有国家法律职业资格人员优先：不影响是否符合条件，资格审查时标明，择优提出拟聘人选时优先"),
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
    # only agencies and their officers report a supervisor's breach of discipline (反馈), not the public
    fig("supervisor_report_public", "社会公众可举报监督员违法违纪行为", "flag", {"on": False}, "001", "第十三条",
        note="由行政执法机关及其执法人员向司法行政机关反馈，经办人员登记"),
    fig("supervisor_report_dismissal_ground", "反馈查实后的解聘情形", "text", {"text": "other"},
        "001", "第十六条第（八）项"),
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
    fig("show_credential", "履职时持有、出示监督员证件", "flag", {"on": True}, "002", "第十二条",
        note="履行监督职责时应当持有、出示监督员证件；平台在监督员的活动邀请页提示并列出证件编号"),
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
    fig("letter_rectify_restarts_after_review", "经复查异议不成立的，整改期限自收到复查答复之日起重新计算", "flag",
        {"on": True}, "003", "第二十七条第二款",
        note="分别自收到《监督建议书》、复查答复之日起三十日内完成整改：申请复查后原整改期限不再计算"),
    fig("letter_objection_upheld_ends", "经复查异议成立的，终止本次监督", "flag", {"on": True}, "003", "第二十七条"),
    fig("letter_document", "监督处理文书", "text", {"text": "行政执法监督建议书", "kind": "suggestion"},
        "003", "第二十六条"),
    fig("letter_review_document", "复查答复文书", "text", {"text": "复查答复书", "kind": "review_answer"},
        "003", "第二十七条"),
    fig("overdue_document", "逾期未纠正时制发的文书", "text",
        {"text": "行政执法监督决定书", "kind": "supervision_decision"}, "003", "第二十八条第一款"),
    fig("decision_orders", "监督决定书责令事项", "choices", items(
        ("perform", "限期履行法定职责", ""), ("redo", "重新作出行政行为", ""), ("revoke", "撤销行政行为", ""),
        ("other", "其他纠正措施", ""),
    ), "003", "第二十八条第一款"),
    fig("decision_report_period", "监督决定书执行情况报告期限", "period", period(30, CD), "003", "第二十八条第二款"),
    fig("final_measures", "制发监督决定书后仍未纠正的处理", "choices", items(
        ("interview_record", "约谈被监督机关负责人", "第二十九条第二款"),
        ("referral", "涉嫌违纪或职务违法犯罪的问题线索移送监察机关", "第三十一条"),
    ), "003", "第二十九条、第三十一条"),
    fig("interview_after_decision", "制发监督决定书后即可约谈被监督机关负责人", "flag", {"on": True}, "003",
        "第二十九条第二款", note="对被监督机关制发了《行政执法监督决定书》的，可以约谈，不必等执行期限届满"),
    fig("casefile_review_per_year", "案卷评查每年至少次数", "count", {"n": 1}, "003", "第十八条"),
    fig("evaluation_per_year", "考核评议每年至少次数", "count", {"n": 1}, "003", "第十九条"),
    fig("work_report_hearing", "听取行政执法工作情况报告", "flag", {"on": True}, "003", "第十六条第（七）项",
        note="监督方式之一：登记听取哪一机关的报告、报告的内容和发现的问题；办法未规定次数"),
    fig("evaluation_parts", "考核评议的组成", "choices", items(
        ("internal", "内部考核", ""), ("external", "外部评议", ""),
    ), "003", "第十九条", note="每次考核评议都登记内部考核和外部评议的开展情况"),
    fig("evaluation_scopes", "考核评议的范围", "choices", items(
        ("comprehensive", "综合考核评议", ""), ("special", "专项考核评议", ""),
    ), "003", "第十九条", note="专项考核评议选取部分考核评议内容开展，登记时写明所选内容"),
    fig("onsite_min_people", "现场监督最少人数", "count", {"n": 2, "credential": True}, "003", "第二十四条第（一）项",
        note="开展现场监督时，监督人员应出示行政执法监督证件，且不得少于两人"),
    fig("staff_recusal", "监督人员回避情形", "choices", items(
        ("interest", "与办理的监督事项有利害关系", ""),
        ("other", "有其他情形可能影响公正处理", ""),
    ), "003", "第二十四条第（二）项",
        note="回避后不得起草、签发、审核或决定该事项；办法未规定由谁决定回避，平台的理解：本人申请即回避，"
             "或由司法局负责人决定"),
    fig("interview_prominent", "违法或者不当情况突出、造成重大影响的可约谈被监督机关负责人", "flag", {"on": True},
        "003", "第二十九条第二款", note="约谈可在任何监督事项中进行，不以制发决定书为前提；办法未规定约谈期限和次数"),
    fig("complaint_hotline", "投诉渠道", "text", {"text": "12345政务服务便民热线"}, "003", "第十条"),
    fig("supervision_contact_points", "行政执法监督联系点", "choices", items(
        ("service_center", "政务服务中心", ""), ("grassroots", "基层站所", ""),
        ("enterprise", "有代表性的企业", ""), ("association", "行业协会", ""),
    ), "003", "第十条第一款", note="联系点名录向社会公开（名称、类别、地址），联系人及电话仅工作人员可见；"
                                   "经联系点转来的投诉举报登记所来自的联系点，按联系点统计"),
    # 投诉举报 (第十条第二款): the right to complain and the bureau's duty to handle it 依法; the measures set no
    # procedure — each figure below says so and states the reading applied (Wulong's procedure, 004, adopted)
    fig("complaint_grounds", "可以投诉举报的行为", "choices", items(
        ("subject_power", "行政执法主体不具有主体资格或者超越权限", "第十四条第（一）项"),
        ("facts", "认定事实不清、证据不足", "第十四条第（二）项"),
        ("procedure", "行政执法程序不合法", "第十四条第（三）项"),
        ("law", "适用法律错误", "第十四条第（四）项"),
        ("decision", "行政执法决定不合法或者明显不当", "第十四条第（五）项"),
        ("non_performance", "不履行或者不正确履行行政执法职责", "第三十二条第（一）项"),
        ("uncivil", "粗暴、野蛮等不文明执法", "第三十二条第（二）项"),
        ("certificate", "执法人员无证执法或者违规使用执法证件", "第十四条第（七）项"),
        ("abuse", "利用行政执法职权谋取不正当利益", "第三十二条第（六）项"),
        ("other", "其他违法或者不当的行政执法行为", "第十条第二款"),
    ), "003", "第十条第二款", note="第十条第二款：认为行政执法行为存在违法或者不当情形的，有权投诉、举报；"
        "各项事由取自监督内容（第十四条）和责任追究情形（第三十二条）"),
    fig("complaint_accept_period", "投诉举报受理审核期限", "period", period(7, WD, specified=False), "003",
        "第十条第二款", note="办法未规定受理审核期限，平台的理解：参照武隆投诉举报制度，自收到之日起7个工作日内"
        "决定受理、不予受理或者转送"),
    fig("complaint_required_fields", "投诉举报应提供", "choices", items(
        ("real_name", "姓名", ""), ("contact", "联系方式", ""),
        ("respondent", "明确的被投诉举报机关或行政执法人员", ""), ("request_facts", "具体的投诉举报请求事项和事实依据", ""),
    ), "003", "第十条第二款", note="办法未规定投诉举报应当提供的内容，平台的理解：提供姓名和联系方式以便告知处理结果，"
        "写明被投诉举报机关和具体请求、事实；身份证号、住址可以不填"),
    fig("complaint_anonymous_lead", "匿名来件登记为线索", "flag", {"on": True}, "003", "第十条第二款",
        note="办法未规定匿名投诉举报，平台的理解：匿名来件无法告知处理结果，不作为投诉举报受理，登记为线索"),
    fig("complaint_not_accepted", "不予受理情形", "choices", items(
        ("reconsideration", "属行政复议受案范围且在法定复议期限内", ""),
        ("litigation", "属行政诉讼受案范围且在法定诉讼期限内", ""),
        ("decided", "对行政复议决定或人民法院判决不服", ""),
        ("elsewhere", "已由监察、信访或其他机关受理", ""),
        ("other", "其他依法不予受理的情形", ""),
    ), "003", "第十条第二款", note="办法未规定不予受理的情形，平台的理解：“依法处理”，行政复议、行政诉讼、"
        "监察、信访等专门程序受理的事项依照其规定办理（第二条第二款），不重复受理"),
    fig("complaint_min_investigators", "调查人员最少人数", "count", {"n": 2}, "003", "第二十四条第（一）项",
        note="办法未规定投诉举报调查人数，平台的理解：与现场监督不得少于两人一致，确定两名以上调查人员；"
             "有利害关系的应当回避（第二十四条第（二）项）"),
    fig("complaint_collective_review", "初步处理意见集体审定", "text", {"text": "领导集体讨论审定"}, "003",
        "第十条第二款", note="办法未规定审定方式，平台的理解：参照武隆投诉举报制度，初步处理意见经领导集体讨论审定"),
    fig("complaint_finish_period", "投诉举报办结期限", "period", period(30, CD, specified=False), "003", "第十条第二款",
        note="办法未规定办结期限，平台的理解：参照武隆投诉举报制度，自受理之日起30日内办结"),
    fig("complaint_extension_max", "投诉举报延长上限", "period", period(30, CD, specified=False), "003",
        "第十条第二款", note="办法未规定延长，平台的理解：情况复杂的，经负责人批准可以延长，延长合计不超过30日"),
    fig("complaint_result_notice", "告知处理结果", "text", {"text": "书面告知投诉举报人处理结果并归档"}, "003",
        "第十条第二款", note="办法未规定告知方式，平台的理解：处理结果书面告知投诉举报人，案卷归档"),
    fig("hotline_orders", "12345热线转办工单", "text",
        {"text": "12345政务服务便民热线转办的行政执法投诉举报工单，登记工单编号和收到日期，按投诉举报程序办理，"
                 "办理结果回复热线"}, "003", "第十条第一款",
        note="办法规定构建行政执法监督与12345热线合作机制，未规定工单办理和回复期限；平台的理解：工单作为投诉举报"
             "受理审核和办理（期限同上），办结（或不予受理、转送）后向热线回复办理结果；工单载明热线办理时限的，"
             "在工单上提示"),
    fig("special_supervision_sources", "专项行政执法监督的来源", "choices", items(
        ("npc_suggestion", "人大代表建议", ""), ("cppcc_proposal", "政协委员提案", ""),
        ("judicial_suggestion", "司法建议", ""), ("supervisory_suggestion", "监察建议", ""),
        ("assigned", "上级交办事项", ""), ("hot_issue", "社会普遍关注的热点问题", ""),
        ("major_case", "具有较大影响的案件", ""),
    ), "003", "第二十一条", note="立案时登记来源文件的文号或编号（如建议、提案的编号，交办函的文号）"),
    fig("supervision_measures", "行政执法监督措施", "choices", items(
        ("explain", "听取被监督机关有关行政执法情况的说明", "第二十三条第（一）项"),
        ("files", "查阅、复制、调取行政执法案卷以及其他有关材料", "第二十三条第（二）项"),
        ("onsite", "组织实地调查、勘验，进行必要的录音、录像、拍照", "第二十三条第（三）项"),
        ("entrust", "委托符合法定条件的社会组织鉴定、评估、检测、勘验", "第二十三条第（四）项"),
        ("inquiry", "询问被监督机关有关工作人员、行政相对人和其他有关人员", "第二十三条第（五）项"),
        ("meeting", "组织召开座谈会、论证会", "第二十三条第（六）项"),
        ("other", "其他依法可以采取的监督措施", "第二十三条第（七）项"),
    ), "003", "第二十三条", note="办法列举监督措施，未规定记录方式；平台的理解：每次措施在监督事项中登记日期、监督人员、"
        "对象和情况，取得的材料作为事项附件上传"),
    fig("filing_period", "重大行政执法决定报送备案期限", "period", period(15, WD, specified=False), "003", "第二十二条",
        note="办法未规定报送备案期限，平台的理解：自作出决定之日起十五个工作日内报送备案，逾期的计为迟报"),
    fig("filing_review_period", "备案审查期限", "period", period(30, CD, specified=False), "003", "第二十二条",
        note="办法未规定审查期限，平台的理解：自收到备案之日起三十日内完成合法性、适当性审查"),
    fig("social_supervisors_allowed", "可聘请社会监督员", "flag", {"on": True}, "003", "第七条"),
    # 社会监督员 (第七条第二款): the measures allow them and name who may be appointed; everything else of the
    # lifecycle is left open — each figure below says so and states the reading the platform applies
    fig("supervisor_title", "监督员名称", "text", {"text": "行政执法社会监督员"}, "003", "第七条第二款"),
    fig("manager", "管理机关", "text", {"text": "州、县（市）司法行政部门"}, "003", "第七条第二款",
        note="由本级人民政府聘请，在本级司法行政部门指导下参与行政执法监督工作"),
    fig("candidate_sources", "选聘范围", "choices", items(
        ("npc_cppcc", "人大代表、政协委员", ""), ("expert", "专家学者", ""), ("lawyer", "律师", ""),
        ("federation", "工商联代表", ""), ("media", "新闻媒体工作者", ""), ("public", "社会各界人士", ""),
    ), "003", "第七条第二款"),
    fig("excluded_occupations", "不得聘请的人员", "choices", items(), "003", "第七条第二款",
        note="办法未排除任何职业，平台不另设职业限制"),
    fig("age_range", "年龄条件", "range", {"min": None, "max": None}, "003", "第七条第二款",
        note="办法未规定年龄条件"),
    fig("education_min", "学历条件", "choices", items(), "003", "第七条第二款", note="办法未规定学历条件"),
    fig("disqualifying_records", "不得有的记录", "choices", items(("criminal", "刑事处罚", "")), "003", "第七条第二款",
        note="办法未规定，平台的理解：受过刑事处罚的不予聘请"),
    fig("intake_methods", "选聘方式", "choices", items(("self", "个人自荐", ""), ("unit", "单位推荐", "")),
        "003", "第七条第二款", note="办法未规定报名方式，平台的理解：个人自荐或单位推荐"),
    fig("publicity_period", "拟聘人员公示期", "period", period(5, WD, specified=False), "003", "第七条第二款",
        note="办法未规定公示，平台的理解：拟聘人员名单公示5个工作日"),
    fig("appointment_documents", "聘任颁发", "choices", items(("certificate", "聘书", "")), "003", "第七条第二款",
        note="办法未规定，平台的理解：由聘请的人民政府颁发聘书"),
    fig("appointment_announced", "聘任向社会公告", "flag", {"on": True}, "003", "第七条第二款",
        note="办法未规定，平台的理解：聘任结果向社会公告"),
    fig("volunteer_agreement_required", "签订志愿服务协议", "flag", {"on": False}, "003", "第七条第二款",
        note="办法未规定"),
    fig("term_length", "每届聘任期", "period", period(3, YEARS, specified=False), "003", "第七条第二款",
        note="办法未规定聘期，平台的理解：每届3年"),
    fig("consecutive_term_cap", "连续任职届数上限", "count", {"n": None}, "003", "第七条第二款",
        note="办法未规定连任限制"),
    fig("term_end_auto_dismissal", "期满未续聘自然解聘", "flag", {"on": True}, "003", "第七条第二款",
        note="办法未规定，平台的理解：聘期届满未续聘的自然解聘"),
    fig("dismissal_grounds", "解聘情形", "choices", items(
        ("conditions_lost", "不再符合聘请条件", ""), ("resignation", "本人申请不再担任", ""),
        ("other", "其他原因不宜继续担任", ""),
    ), "003", "第七条第二款", note="办法未规定解聘情形，平台的理解：以上三种情形经决定解聘"),
    fig("dismissal_announced", "解聘向社会公告", "flag", {"on": True}, "003", "第七条第二款",
        note="办法未规定，平台的理解：与聘任公告相对应，解聘也向社会公告"),
    fig("notify_recommending_unit", "解聘告知推荐单位", "flag", {"on": True}, "003", "第七条第二款",
        note="办法未规定，平台的理解：单位推荐的，解聘告知推荐单位"),
    fig("recover_documents", "解聘收回聘书、证件", "flag", {"on": True}, "003", "第七条第二款",
        note="办法未规定，平台的理解：解聘收回聘书"),
    fig("recusal_grounds", "回避情形", "choices", items(
        ("own_interest", "涉及本人利害关系", ""), ("other", "其他可能影响公正履行职责", ""),
    ), "003", "第二十四条第（二）项", note="办法对监督人员规定回避，平台对社会监督员参照适用"),
    fig("opinion_handling", "书面意见办理", "text",
        {"text": "司法行政部门转送或调查处理并反馈"}, "003", "第七条第二款", note="办法未规定，平台的理解"),
    fig("lead_confidentiality", "线索可要求保密", "flag", {"on": False}, "003", "第七条第二款", note="办法未规定"),
    fig("publishes_roster", "公开在聘监督员名单", "flag", {"on": True}, "003", "第七条第二款",
        note="办法未规定，平台的理解：聘任向社会公告，公开在聘名单（仅姓名、单位）"),
    fig("typical_cases_published", "可编撰发布典型案例", "flag", {"on": True}, "003", "第二十九条"),
    fig("fault_tolerance", "容错", "flag", {"on": True}, "003", "第三十二条"),
    # accountability 责任追究 (第三十二条): the seven behaviours; what the measures leave open says so
    fig("fault_case_name", "责任追究案件名称", "text", {"text": "行政执法责任追究"}, "003", "第三十二条"),
    fig("fault_grounds", "应予处理的行为", "choices", items(
        ("non_performance", "不履行或者不正确履行行政执法职责", "第三十二条第一款第（一）项"),
        ("uncivil", "粗暴、野蛮等不文明执法造成不良影响", "第三十二条第一款第（二）项"),
        ("illegal", "执法主体、权限、程序不合法，执法决定不合法或者明显不当", "第三十二条第一款第（三）项"),
        ("obstruct", "不配合、不接受行政执法监督或者弄虚作假", "第三十二条第一款第（四）项"),
        ("refuse_decision", "拒不执行行政执法监督决定", "第三十二条第一款第（五）项"),
        ("profit", "利用行政执法职权谋取不正当利益", "第三十二条第一款第（六）项"),
        ("other", "其他违法或者不当的行政执法行为", "第三十二条第一款第（七）项"),
    ), "003", "第三十二条第一款"),
    # 第二十五条: the supervised agency and its staff accept and cooperate (如实反映情况，提供有关资料，不得拒绝、
    # 阻碍); a refusal recorded in the matter goes to the directly responsible staff's accountability under
    # 第三十二条第一款第（四）项 (no correction order in these measures)
    fig("cooperation_refusals", "不配合监督的情形", "choices", items(
        ("no_information", "不如实反映情况、不提供有关资料", "第二十五条第一款"),
        ("obstruct", "拒绝、阻碍行政执法监督工作", "第二十五条第一款"),
        ("falsify", "弄虚作假", "第三十二条第一款第（四）项"),
    ), "003", "第二十五条第一款"),
    fig("cooperation_accountability", "不配合监督的，对直接责任人员依纪依法处理", "text",
        {"text": "不配合、不接受行政执法监督或者弄虚作假", "ground": "obstruct", "origin": "inspection"},
        "003", "第三十二条第一款第（四）项"),
    fig("fault_sources", "责任追究线索来源", "choices", items(
        ("complaint", "投诉举报", "第十条"), ("letter", "监督建议书、监督决定书未落实", "第二十八条"),
        ("inspection", "日常监督、专项监督、案卷评查", ""), ("court", "人民法院判决、复议决定", ""),
        ("other", "其他", ""),
    ), "003", "第三十二条", note="办法未规定线索来源，平台的理解：以上来源均可受理"),
    fig("fault_transfer_period", "非本机关处理案件转送期限", "period", period(5, WD, specified=False), "003",
        "第三十二条", note="办法未规定转送期限，平台的理解：不属本机关处理的，受理后5个工作日内转送有权机关"),
    fig("fault_reinvestigation_period", "责令重新调查期限", "period", period(1, MONTHS, specified=False), "003",
        "第三十二条", note="办法未规定复核期限，平台的理解：处理决定作出后1个月内可责令重新调查、处理，期满决定维持"),
    fig("fault_aggravating_count", "一年内从重处理次数", "count", {"n": None}, "003", "第三十二条",
        note="办法未规定按次数从重，平台不按次数从重"),
    fig("fault_shares", "责任人员", "choices", items(
        ("supervisor", "直接负责的主管人员", ""), ("direct", "其他直接责任人员", ""),
    ), "003", "第三十二条第一款"),
    fig("fault_aggravating", "从重处理情形", "choices", items(), "003", "第三十二条第一款",
        note="办法未规定从重情形，按“根据情节”处理"),
    fig("fault_mitigating", "从轻、减轻处理情形", "choices", items(), "003", "第三十二条第一款",
        note="办法未规定从轻、减轻情形；符合第三十二条第二款的，予以容错"),
    fig("fault_sanctions", "处理方式（可单用也可并用）", "choices", items(
        ("written_review", "责令书面检查", ""), ("criticism", "通报批评", ""),
        ("discipline", "移送有权机关依纪依法给予处分", ""),
        ("criminal", "涉嫌犯罪，移送司法机关依法追究刑事责任", ""),
    ), "003", "第三十二条第一款",
        note="办法规定“根据情节依纪依法予以处理；构成犯罪的，依法追究刑事责任”，未列处理方式；"
             "平台的理解：以上方式可单用也可并用"),
    fig("fault_tolerance_causes", "容错的原因", "choices", items(
        ("objective", "客观因素", ""), ("unforeseeable", "难以预见情形", ""),
    ), "003", "第三十二条第二款", note="由于客观因素或者难以预见情形虽然造成一定损失或者不良影响"),
    fig("fault_tolerance_conditions", "容错应同时具备的条件", "choices", items(
        ("in_duty", "在依法履职过程中", ""),
        ("duty_done", "已经按照职能分工、岗位职责和监督管理工作计划要求履行职责", ""),
    ), "003", "第三十二条第二款"),
    fig("fault_tolerance_procedure", "容错程序", "text",
        {"text": "调查终结后由司法局负责人经集体讨论决定予以容错，写明原因、条件和事实理由，不予处理，案件办结"},
        "003", "第三十二条第二款",
        note="办法规定“按照有关规定和程序予以容错”，未规定程序；平台的理解如上"),
    fig("fault_reporter_answer", "答复举报人", "flag", {"on": False}, "003", "第三十二条",
        note="办法未规定责任追究结果答复举报人；投诉举报由投诉程序答复（第十条）"),
    # the yearly programme 年度监督
    fig("power_list", "行政执法监督权责清单", "flag", {"on": True}, "003", "第十五条",
        note="由司法局制定并公布；办法未规定更新周期，平台的理解：内容变化时重新发布，新清单发布之日旧清单废止"),
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
    # the register of enforcement personnel and their certificates 执法人员和执法证件名册
    fig("personnel_register", "统一管理行政执法人员及其执法证件", "flag", {"on": True}, "003", "第八条",
        note="监督平台统一管理行政执法主体和人员；执法证件管理、使用情况是监督内容（第十四条第（七）项）"),
    fig("certificate_expiry_notice", "执法证件到期提醒", "period", period(60, CD, specified=False), "003",
        "第十四条第（七）项", note="办法未规定执法证件到期提醒期限，平台的理解：有效期截止前六十日起在工作台提示，以便及时换证"),
    # supervision results into the assessment 监督结果运用
    fig("assessment_results", "监督结果纳入法治建设绩效考核", "text",
        {"text": "行政执法监督结果纳入法治建设绩效考核指标体系，作为被监督机关主要负责人履职和相关人员追责问责的重要依据",
         "points": {}}, "003", "第三十条", note="办法未规定各项结果的分值，平台只列各项计数，由考核机关评分"),
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
    fig("dispute_categories", "可申请协调的争议", "choices", items(
        ("duties", "行政执法职责争议", "第七条第（一）项"), ("basis", "行政执法依据、程序等事项争议", "第七条第（二）项"),
        ("joint", "联合执法争议", "第七条第（三）项"), ("assistance", "行政执法协助争议", "第七条第（四）项"),
        ("transfer", "移送行政执法案件争议", "第七条第（五）项"), ("other", "其他行政执法争议事项", "第七条第（六）项"),
    ), "004", "第七条", DISPUTE),
    # 第十一条第（二）—（四）项: the materials an application carries besides the application itself (第（一）项)
    fig("dispute_materials", "申请协调应当报送的材料", "choices", items(
        ("laws", "涉及争议协调事项的有关法律、法规、规章和其他规范性文件", "第十一条第（二）项"),
        ("establishment", "行政执法机关编制事项文件和职责运行情况", "第十一条第（三）项"),
        ("other", "其他涉及争议协调事项的有关材料", "第十一条第（四）项"),
    ), "004", "第十一条", DISPUTE),
    fig("dispute_exclusions", "不适用协调的情形", "choices", items(
        ("not_enforcement", "不涉及行政执法事项的其他行政管理事务争议", "第八条第（一）项"),
        ("internal", "行政执法机关内部的行政执法争议", "第八条第（二）项"),
        ("with_public", "因行政执法活动与行政相对人发生的争议", "第八条第（三）项"),
        ("other_rules", "法律、法规、规章对协调另有规定", "第八条第（四）项"),
        ("other", "其他依法不适用协调的争议", "第八条第（五）项"),
    ), "004", "第八条", DISPUTE),
    fig("period_counting", "期间计算", "text", {"text": "依照《中华人民共和国民事诉讼法》关于期间、送达的规定"},
        "004", "第二十一条", DISPUTE),
    fig("dispute_statutory_limit", "法律、法规、规章规定的争议办理时限从其规定", "text",
        {"text": "法律、法规和规章对行政执法争议的办理时限有明确规定的，从其规定；对争议协调另有规定的，从其规定"},
        "004", "第十四条、第二十二条", DISPUTE,
        note="平台的理解：经办人登记该规定的名称、条款和时限，办结期限自受理之日起按其计算，取代7个工作日；"
             "本办法第十四条的延长不再适用"),
    fig("dispute_proceeding_kinds", "争议协调中的调查、听取意见、会议和论证", "choices", items(
        ("investigation", "调查核实争议有关情况", "第十五条"),
        ("agency_views", "听取行政执法机关意见", "第十五条"),
        ("staffing_views", "听取机构编制管理部门等单位意见", "第十五条"),
        ("heads_meeting", "组织相关行政执法机关负责人参加协调会议", "第十五条"),
        ("expert_review", "邀请政府法律顾问及专家学者论证", "第十五条"),
    ), "004", "第十五条", DISPUTE),
    fig("dispute_emergency_kinds", "协调期间的执法行为", "choices", items(
        ("safety", "关系公共安全或公民人身安全，依法作出行政执法行为", "第十六条"),
        ("request", "特殊或紧急情况需立即执法，报区政府决定", "第十六条"),
        ("temporary", "采取临时性处置措施", "第十六条"),
    ), "004", "第十六条", DISPUTE,
        note="报区政府决定的，登记区政府的决定及日期；临时性处置措施：办法未规定，平台的理解：不及时处置可能造成"
             "难以挽回损失的，依法采取并登记，不视为单方面作出行政执法行为"),
    # complaints 投诉举报
    fig("complaint_accept_period", "投诉举报受理审核期限", "period", period(7, WD), "004", "第七条", COMPLAINT),
    fig("complaint_min_investigators", "调查人员最少人数", "count", {"n": 2}, "004", "第八条", COMPLAINT),
    fig("staff_recusal", "监督人员回避情形", "choices", items(
        ("direct_interest", "与监督事项或者当事人有直接利害关系", ""),
    ), "004", "第八条", COMPLAINT,
        note="制度第八条就投诉举报调查人员规定回避；其他监督事项办法未规定，平台的理解：同一回避规则适用于本辖区所有监督事项"),
    fig("complaint_collective_review", "初步处理意见集体审定", "text", {"text": "领导集体讨论审定"}, "004", "第九条",
        COMPLAINT),
    fig("complaint_result_notice", "告知处理结果", "text", {"text": "告知投诉举报人处理结果并归档"}, "004", "第十二条",
        COMPLAINT),
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
    fig("complaint_grounds", "可以投诉举报的行为", "choices", items(
        ("improper", "行政执法行为明显不当", "第四条第（一）项"),
        ("not_investigated", "应当依法查处而不依法查处", "第四条第（二）项"),
        ("not_handled", "应当依法办理而不予办理", "第四条第（三）项"),
        ("duty_refused", "拒不履行法定义务", "第四条第（四）项"),
        ("discretion", "行政处罚决定违反行政处罚裁量标准", "第四条第（五）项"),
        ("unqualified", "无行政执法资格的机构或人员从事行政执法活动", "第四条第（六）项"),
        ("fraud", "徇私舞弊、弄虚作假", "第四条第（七）项"),
        ("rough", "执法态度粗暴、野蛮执法", "第四条第（八）项"),
        ("bribes", "收取钱财礼物、吃拿卡要", "第四条第（九）项"),
        ("other", "其他行政执法违法行为", "第四条第（十）项"),
    ), "004", "第四条", COMPLAINT),
    fig("complaint_appeal_period", "对调查处理决定提出申诉的期限", "period", period(30, CD, specified=False), "004",
        "第十四条", COMPLAINT,
        note="制度未规定申诉期限，平台的理解：自告知调查处理结果之日起30日内向决定作出机关提出；逾期的不予登记"),
    fig("complaint_appeal_answer_period", "申诉处理和答复期限", "period", period(30, CD, specified=False), "004",
        "第十四条", COMPLAINT,
        note="制度未规定申诉的处理期限，平台的理解：参照第十条的办结期限，自收到申诉之日起30日内作出处理决定并书面答复申诉人"),
    fig("complaint_referrals", "投诉举报查证属实后的移送", "choices", items(
        ("judicial", "涉嫌构成犯罪，移送司法机关处理", "第十一条"),
    ), "004", "第十一条", COMPLAINT),
    # 投诉 第十三条 (interfering with the handling or retaliating against the complainant) and 第十五条 (the
    # receiving organ's own staff's misconduct): a finding recorded on the complaint → accountability
    fig("complaint_misconduct", "投诉举报办理中应追究责任的情形", "choices", items(
        ("retaliation", "被投诉人或者其他有关当事人干扰、阻碍投诉举报办理，或者对投诉举报人打击报复", "第十三条"),
        ("handler", "受理机关及其工作人员滥用职权、徇私舞弊、索贿受贿、失职渎职或者有其他违法行为", "第十五条"),
    ), "004", "第十三条、第十五条", COMPLAINT, note="依法追究行政责任：转入过错责任追究程序办理；构成犯罪的移送司法机关"),
    fig("complaint_anonymous_lead", "匿名来件登记为线索", "flag", {"on": True}, "004", "第六条", COMPLAINT,
        note="第六条要求提供真实姓名、身份证号；匿名来件不作为投诉举报受理，仅登记为线索（平台解读）"),
    fig("interference_kinds", "违反规定干预办案的情形", "choices", items(
        ("instruction", "超越职权下达不符合法律规定的立案、撤案、终止调查等指示", "第八条第（一）项"),
        ("opinion", "超越职权私自提出案件定性处理意见", "第八条第（二）项"),
        ("seizure", "要求违法查封、扣押、冻结或处置涉案财物", "第八条第（三）项"),
        ("materials", "超越职权批转涉案材料", "第八条第（四）项"),
        ("pleading", "本人或授意他人为当事人请托、说情", "第八条第（五）项"),
        ("probing", "本人或授意他人打探案情、通风报信", "第八条第（六）项"),
        ("guidance_written", "领导干部书面提出的指导性意见（依程序，应记录）", "第四条"),
        ("guidance_oral", "领导干部口头提出的指导性意见（由办案人员记录在案）", "第四条"),
        ("other", "其他非法干预、插手案件办理的情形", "第八条第（七）项"),
    ), "004", "第八条", INTERFERE),
    # supervision opinion letters 监督意见书
    fig("letter_rectify_period", "自行纠正并书面报告期限", "period", period(20, WD), "004", "第八条", LETTER),
    fig("letter_objection_period", "申请复查期限", "period", period(10, WD), "004", "第九条", LETTER),
    fig("letter_review_answer_period", "复查决定期限", "period", period(15, WD), "004", "第九条", LETTER),
    fig("letter_suspended_during_review", "复查期间停止执行", "flag", {"on": False}, "004", "第九条", LETTER,
        note="复查期间，行政执法监督处理决定不停止执行"),
    fig("letter_rectify_restarts_after_review", "复查后整改期限重新计算", "flag", {"on": False}, "004", "第九条", LETTER,
        note="复查期间不停止执行：整改期限仍自收到意见书之日起计算"),
    fig("letter_objection_upheld_ends", "复查认为不存在所述情形的，撤回意见书、终止监督", "flag", {"on": True},
        "004", "第九条", LETTER, note="平台解读：复查申请成立即意见书所述情形不存在"),
    fig("letter_grounds", "监督意见书涉及的监督内容", "choices", items(
        ("implementation", "法律、法规、规章的施行情况", "第七条第（一）项"),
        ("normative_documents", "行政规范性文件的合法性", "第七条第（二）项"),
        ("procedure", "行政执法程序的合法性", "第七条第（三）项"),
        ("qualification", "行政执法主体资格和行政执法人员资格", "第七条第（四）项"),
        ("duties", "履行法定职责的情况", "第七条第（五）项"),
        ("acts", "具体行政行为的合法性和适当性", "第七条第（六）项"),
        ("responsibility_system", "行政执法责任制的建立和执行情况", "第七条第（七）项"),
        ("reconsideration", "复议、应诉和赔偿工作情况", "第七条第（八）项"),
        ("violations", "违法行政行为的查处情况", "第七条第（九）项"),
        ("other", "其他行政执法工作情况", "第七条第（十）项"),
    ), "004", "第七条", LETTER),
    fig("letter_document", "监督处理文书", "text", {"text": "行政执法监督意见书", "kind": "opinion_letter"},
        "004", "第三条", LETTER),
    fig("letter_review_document", "复查决定文书", "text", {"text": "复查决定书", "kind": "review_decision"},
        "004", "第九条", LETTER),
    fig("overdue_document", "拒绝执行意见书时制发的文书", "text",
        {"text": "责令限期纠正通知书", "kind": "correction_order"}, "004", "第十条", LETTER),
    fig("decision_report_period", "责令限期纠正期限", "period", period(10, WD, specified=False), "004", "第十条", LETTER,
        note="制度规定“责令限期纠正”未定期限，平台默认10个工作日"),
    fig("final_measures", "逾期不纠正的处理", "choices", items(
        ("circular", "予以通报", "第十条"),
    ), "004", "第十条", LETTER),
    # correction orders issued directly, without a 监督意见书 first (hand-offs in the same file)
    fig("order_for_obstruction", "不配合调查、妨碍监督的，责令限期纠正", "text",
        {"text": "不配合行政执法监督机构调查工作，妨碍行政执法监督人员依法履行监督职责"}, "004", "第十条", LETTER),
    # 意见书 第六条: the agency's duty to cooperate; 第十条: refusing it → correction order → 通报 → serious: handled
    fig("cooperation_refusals", "不配合监督的情形", "choices", items(
        ("no_cooperation", "不配合行政执法监督机构调查工作（未为调查提供便利、未主动说明情况或提供相关资料）", "第六条、第十条"),
        ("obstruct", "妨碍行政执法监督人员依法履行监督职责", "第十条"),
        ("refuse_letter", "拒绝执行《行政执法监督意见书》", "第十条"),
        ("refuse_report", "拒绝报告行政执法监督决定执行情况", "第十条"),
    ), "004", "第十条", LETTER, note="情节严重的，依法依规予以处理：平台登记需移送处理，由移送程序办理"),
    # 第十条 情节严重的，依法依规予以处理 (通报 第六条: 按照《重庆市行政执法监督条例》等规定予以处理): the bureau
    # hands the serious refusal on to the organ with power over it (referrals.services.refer, source cooperation)
    fig("cooperation_referrals", "不配合监督情节严重的移送", "choices", items(
        ("handle", "情节严重，移送有权机关依法依规予以处理", ""),
    ), "004", "第十条", LETTER, note="接收机关由经办人填写（监察机关、任免机关等）；制度未列明"),
    fig("order_for_dispute_decision", "不执行区政府调处决定的，责令限期纠正", "text",
        {"text": "不执行区政府及其有决定权的机构对行政执法争议的调处决定"}, "004", "第二十条", DISPUTE),
    # 第二十条 (after the correction order ran out, or after the 通报) 情节严重的: handled by the relevant functional
    # department; the bureau hands the case on (referrals.services.refer, source dispute_decision)
    fig("dispute_referrals", "不执行调处决定情节严重的移送", "choices", items(
        ("discipline", "情节严重，移送纪检监察机关依法依规处置", ""),
        ("superior", "情节严重，移送任免机关或上级主管部门依法依规处置", ""),
        ("department", "情节严重，移送其他相关职能部门依法依规处置", ""),
    ), "004", "第二十条", DISPUTE, note="制度只规定由相关职能部门处置，未列部门：去向类别为平台读法，接收部门名称由经办人填写"),
    # accountability 过错责任 / 错案倒查
    fig("fault_transfer_period", "非本单位受理案件转送期限", "period", period(2, CD), "004", "第十条第（一）项", FAULT),
    fig("fault_reinvestigation_period", "责令重新调查期限", "period", period(1, MONTHS), "004", "第十条第（三）项", FAULT),
    fig("fault_aggravating_count", "一年内过错从重次数", "count", {"n": 2, "mode": "within_year"}, "004",
        "第八条第（五）项", FAULT),
    # 第二条、第四条: liability only for intent or gross negligence causing harm, proportionate to both
    fig("fault_culpability", "主观过错（故意或者重大过失）", "choices", items(
        ("intent", "故意", ""), ("gross", "重大过失", ""),
    ), "004", "第二条", FAULT),
    fig("fault_harm", "损害后果", "choices", items(
        ("rights", "给公民、法人和其他组织的合法权益造成损害", ""), ("serious", "产生其他严重后果", ""),
    ), "004", "第二条", FAULT),
    fig("fault_proportionality", "过错责任与过错程度、后果相适应", "text",
        {"text": "行政执法人员承担的过错责任，应与其主观过错程度、过错行为产生的后果相适应"}, "004", "第四条", FAULT),
    fig("fault_reporter_answer", "受理举报、投诉并负责答复", "flag", {"on": True}, "004", "第十条第（一）项", FAULT),
    fig("fault_sources", "过错线索来源", "choices", items(
        ("complaint", "投诉举报", "第十条第（一）项"), ("letter", "监督意见书/建议书", ""),
        ("inspection", "监督检查", ""), ("court", "人民法院判决", ""), ("other", "其他", ""),
    ), "004", "第十条第（一）项", FAULT),
    fig("fault_grounds", "应当追究过错责任的情形", "choices", items(
        ("abuse", "超越或者滥用职权", "第六条第（一）项"), ("procedure", "违反法定程序", "第六条第（二）项"),
        ("law", "适用法律、法规、规章错误", "第六条第（三）项"), ("facts", "认定事实不清，主要证据不足", "第六条第（四）项"),
        ("improper", "具体行政行为明显不当", "第六条第（五）项"), ("inaction", "不履行法定职责", "第六条第（六）项"),
        ("corruption", "索贿受贿、玩忽职守、徇私枉法", "第六条第（九）项"),
        ("rude", "粗暴执法、语言不文明、酒后执法等造成严重后果", "第六条第（十）项"),
        ("other", "法律、法规、规章规定的其他情形", "第六条第（十一）项"),
    ), "004", "第六条", FAULT),
    fig("fault_shares", "过错责任划分", "choices", items(
        ("sole", "行使职权人员承担相应责任", "第七条第（一）项"), ("main", "主办人员，主要责任", "第七条第（二）项"),
        ("secondary", "协办人员，次要责任", "第七条第（二）项"), ("joint", "共同主办，共同责任", "第七条第（二）项"),
        ("appraiser", "鉴定人、勘验人，相应责任", "第七条第（三）项"), ("reviewer", "审核人，相应责任", "第七条第（四）项"),
        ("approver", "批准人，同时追究", "第七条第（四）项"),
        ("handler_misled", "承办人员过错致审核人、批准人失误，承担相应责任", "第七条第（四）项"),
    ), "004", "第七条", FAULT),
    fig("fault_aggravating", "从重处理情形", "choices", items(
        ("intent", "故意造成执法过错", "第八条第（一）项"), ("refuse_correct", "拒不纠正过错行为", "第八条第（二）项"),
        ("obstruct", "阻碍过错责任调查", "第八条第（三）项"), ("retaliate", "威胁或者打击报复", "第八条第（四）项"),
        ("repeat", "一年内有两次以上行政执法过错行为", "第八条第（五）项"),
    ), "004", "第八条", FAULT),
    fig("fault_mitigating", "从轻、减轻或免予处理情形", "choices", items(
        ("self_corrected", "主动认识并自觉纠正执法过错", "第九条第（一）项"),
        ("minor", "情节显著轻微，未造成危害后果", "第九条第（二）项"), ("other", "其他情形", "第九条第（三）项"),
    ), "004", "第九条", FAULT),
    # 第九条: with one of its circumstances the person may be spared any sanction (免予处理) though liable
    fig("fault_waiver", "免予处理", "text", {"text": "有从轻、减轻或免予处理情形之一的，可以免予处理"}, "004", "第九条",
        FAULT, note="平台读法：免予处理须选定第九条所列情形之一，不作处理方式，过错责任的认定仍记录在案"),
    fig("fault_sanctions", "过错责任追究方式（可单用也可并用）", "choices", items(
        ("correct", "责令改正，书面检查", "第十一条第（一）项"), ("criticism", "通报批评", "第十一条第（二）项"),
        ("suspend", "暂停行政执法工作或者取消行政执法资格，调离行政执法岗位", "第十一条第（三）项"),
        ("pay", "扣发岗位津贴或奖金、工资", "第十一条第（四）项"), ("sanction", "给予行政处分", "第十一条第（五）项"),
        ("compensation", "依法承担全部或者部分行政赔偿金额", "第十一条第（六）项"),
        ("criminal", "涉嫌犯罪，移交司法机关处理", "第十一条第（七）项"),
    ), "004", "第十一条", FAULT),
    fig("fault_referrals", "过错责任追究中的移送", "choices", items(
        ("judicial", "涉嫌犯罪，移交司法机关处理", "第十一条第（七）项"),
        ("supervisory", "涉嫌违纪违法，移送监察机关", "第五条"),
        ("personnel", "给予处分，移送人事部门", "第五条"),
        ("competent", "依法处理，移送行政主管部门", "第五条"),
    ), "004", "第五条", FAULT,
        note="法制工作机构办理，依法移送人事、监察机关；人事、监察机关依各自法定职权作出处理（第五条、第十条第（三）项）"),
    fig("fault_compensation", "行政赔偿的分担", "text",
        {"text": "因行政执法过错引起行政赔偿的，过错责任人依法承担全部或者部分赔偿金额"},
        "004", "第十一条第（六）项", FAULT),
    fig("wrong_case_grounds", "认定为错案的情形", "choices", items(
        ("inspection", "行政执法检查监督中发现的错误案件", "第七条第（一）项"),
        ("complaint", "申诉、控告、举报经审查确认为错案", "第七条第（二）项"),
        ("reconsideration", "经行政复议决定予以撤销或者变更", "第七条第（三）项"),
        ("court", "被终审人民法院判决撤销或变更", "第七条第（四）项"), ("compensation", "已经造成行政赔偿", "第七条第（五）项"),
        ("filing", "上报备案的重大行政处罚决定、重大行政强制措施经审查确认为错案", "第七条第（六）项"),
        ("superior", "经上级行政执法机关调查认定为错案", "第七条第（七）项"),
        ("other", "其他依法确认的行政执法错案", "第七条第（八）项"),
    ), "004", "第七条", WRONG),
    fig("wrong_case_shares", "错案责任划分", "choices", items(
        ("direct", "直接执法人员为错案责任人", "第八条第（一）项"),
        ("direct_intent", "直接执法人员故意致审核人、批准人失误，为责任人", "第八条第（二）项"),
        ("reviewer_main", "审核人过错致批准人失误，审核人主要责任", "第八条第（二）项"),
        ("approver_share", "批准人负相应责任", "第八条第（二）项"), ("approver", "批准人过错，批准人为责任人", "第八条第（二）项"),
        ("all_share", "均有过错，区分各自责任大小", "第八条第（二）项"),
        ("decider_main", "集体讨论的决策人，主要责任", "第八条第（三）项"),
        ("insisted_secondary", "提出并坚持错误意见，次要责任", "第八条第（三）项"),
        ("dissent_exempt", "提出并坚持正确意见，不负错案责任", "第八条第（三）项"),
    ), "004", "第八条", WRONG),
    fig("wrong_case_aggravating", "错案从重追究情形", "choices", items(
        ("intent", "故意或者有重大过失", "第九条第（一）项"), ("refuse_correct", "拒不纠正违法或者不当的行政执法行为", "第九条第（二）项"),
        ("obstruct", "阻碍错案查处工作进行", "第九条第（三）项"), ("retaliate", "打击报复", "第九条第（四）项"),
        ("other", "其他从重情形", "第九条第（五）项"),
    ), "004", "第九条", WRONG),
    fig("wrong_case_mitigating", "错案从轻、减轻情形", "choices", items(
        ("minor", "情节轻微，损害和影响较小", "第十条第（一）项"), ("force_majeure", "不可抗力致危害后果加重", "第十条第（二）项"),
        ("victim_fraud", "受害一方故意伪造或隐瞒重要证据致后果加重", "第十条第（三）项"), ("other", "其他情形", "第十条第（四）项"),
    ), "004", "第十条", WRONG),
    fig("wrong_case_exemptions", "免予追究情形", "choices", items(
        ("superior_order", "因执行上级的决定或者命令导致错案（明知明显违法未提异议者除外）", "第十一条第（一）项"),
        ("self_corrected", "发现错误并及时纠正，没有造成危害后果", "第十一条第（二）项"),
        ("expert_error", "法定检验、检测、检疫、鉴定等机构鉴定意见错误直接导致", "第十一条第（三）项"),
        ("other", "其他可以免予追究的情形", "第十一条第（四）项"),
    ), "004", "第十一条", WRONG),
    fig("wrong_case_sanctions", "错案责任追究方式", "choices", items(
        ("written_review", "书面检查", "第十二条第（一）项"), ("criticism", "通报批评", "第十二条第（二）项"),
        ("no_promotion", "取消当年评先资格和晋升资格", "第十二条第（三）项"),
        ("suspend", "暂停执法（暂扣行政执法证）", "第十二条第（四）项"),
        ("transfer", "责令调离执法岗位或者调离执法队伍", "第十二条第（五）项"), ("sanction", "行政处分", "第十二条第（六）项"),
    ), "004", "第十二条", WRONG),
    fig("sanction_spans", "有期限的处理方式", "choices", {"items": [
        {"code": "no_promotion", "label": "取消当年评先资格和晋升资格", "article": "第十二条第（三）项",
         "span": "year_end"},
    ]}, "004", "第十二条", WRONG,
        note="“当年”指作出处理决定之日所在的自然年度，资格取消至该年12月31日止（平台的理解）"),
    fig("wrong_case_referrals", "错案责任倒查中的移送", "choices", items(
        ("judicial", "涉嫌犯罪，移送司法机关追究刑事责任", "第十二条第三款"),
        ("supervisory", "涉嫌违纪违法，移送监察机关", "第四条"),
        ("personnel", "给予处分，移送人事部门", "第四条"),
        ("competent", "依法处理，移送行政主管部门", "第四条"),
    ), "004", "第四条", WRONG,
        note="人事、监察机关和行政主管部门依据各自的法定职权，负责对错案责任人作出处理（第四条）"),
    fig("wrong_case_recovery", "错案导致行政赔偿的追偿", "text",
        {"text": "错案责任人的故意或者重大过失造成的错案，导致行政赔偿的，依据《中华人民共和国国家赔偿法》的有关规定予以追偿"},
        "004", "第十二条第二款", WRONG),
    # 过错 第五条 / 错案 第四条: the agency is the accountability body, its legal unit handles the case and hands
    # the person over to the personnel or supervisory organ for the sanction
    fig("accountability_by_agency", "行政执法机关是责任追究机关，由其法制工作机构具体办理", "flag", {"on": True},
        "004", "第五条", FAULT, note="错案 第四条同。平台读法：本机关联络员作为法制工作机构在平台办理本机关案件，"
                                    "区司法局查看、监督，并可决定接办"),
    fig("accountability_takeover", "区司法局接办机关自办的责任追究案件", "text",
        {"text": "区司法局作为行政执法监督机构，可决定接办行政执法机关自办的责任追究案件，接办决定记录在案"},
        "004", "第二条", "行政执法监督意见书制度",
        note="办法未规定接办程序。平台读法：由司法局负责人作出接办决定并写明理由，此后各环节由司法局办理"),
    fig("interference_repeat_sanction", "不记录干预情况两次以上给予处分", "count", {"n": 2}, "004", "第十条", INTERFERE),
    fig("interference_lapse_kinds", "办案人员不记录或不如实记录干预情况", "choices", items(
        ("not_recorded", "不记录内部人员干预、插手案件情况", "第十条"),
        ("untruthful", "不如实记录内部人员干预、插手案件情况", "第十条"),
    ), "004", "第十条", INTERFERE),
    fig("interference_lapse_first", "不记录或不如实记录的处理", "text", {"text": "予以警告、通报批评"},
        "004", "第十条", INTERFERE),
    fig("interference_repeat_measure", "两次以上不记录或不如实记录的处理", "text",
        {"text": "依照《中国共产党纪律处分条例》《行政机关公务员处分条例》等规定给予处分"}, "004", "第十条", INTERFERE,
        note="次数按同一办案人员已登记的不记录、不如实记录情形累计（含本次）"),
    fig("interference_instigator", "授意不记录或不如实记录的领导干部", "text",
        {"text": "从严追究授意领导干部责任"}, "004", "第十条", INTERFERE),
    fig("interference_notice_approval", "违反规定干预办案的通报", "text",
        {"text": "按人事管理权限并报经批准后予以通报，必要时可以向社会公开"}, "004", "第八条", INTERFERE),
    fig("interference_handling_kinds", "干预人及打击报复者的处理", "choices", items(
        ("discipline", "干预办案构成违纪，依规给予处分", "第九条第一款"),
        ("criminal", "干预办案构成犯罪，依法追究刑事责任", "第九条第一款"),
        ("retaliation_discipline", "对如实记录的办案人员打击报复，依规给予处分", "第九条第二款"),
        ("retaliation_criminal", "对如实记录的办案人员打击报复构成犯罪，依法追究刑事责任", "第九条第二款"),
        ("no_violation", "经核查不构成违纪，不予处分", "第九条"),
    ), "004", "第九条", INTERFERE),
    # 第九条 构成违纪的给予处分（纪检监察机关）、构成犯罪的依法追究刑事责任（司法机关）; the same for whoever retaliated
    # against the officer who recorded it: the bureau hands the interference record on (referrals.services.refer,
    # source interference), one referral per record, its 移送函 in a file of its own when the record has none
    fig("interference_referrals", "违反规定干预办案或打击报复的移送", "choices", items(
        ("discipline", "干预办案涉嫌违纪，移送纪检监察机关依照《中国共产党纪律处分条例》《行政机关公务员处分条例》等规定给予处分",
         "第九条第一款"),
        ("criminal", "干预办案涉嫌犯罪，移送司法机关依法追究刑事责任", "第九条第一款"),
        ("retaliation_discipline", "对如实记录的办案人员打击报复涉嫌违纪，移送纪检监察机关依照《中国共产党纪律处分条例》"
         "《行政机关公务员处分条例》等规定给予处分", "第九条第二款"),
        ("retaliation_criminal", "对如实记录的办案人员打击报复涉嫌犯罪，移送司法机关依法追究刑事责任", "第九条第二款"),
    ), "004", "第九条", INTERFERE, note="接收机关名称由经办人填写；每条干预插手记录移送一次"),
    # publication duties
    fig("annual_statistics_due", "统计年报公开截止", "yearly", {"month": 1, "day": 31}, "004", "第三条", STATS),
    # 统计 第三条: the agency publishes its own statistics and reports them to its superior department by the
    # same date; 通报 第七条: its 工作情况报告 reaches the bureau by 31 January and is made public
    fig("statistics_superior_report", "统计年报公开并报区司法局和上级主管部门", "text",
        {"text": "各行政执法机关于每年1月31日前公开上年度行政执法统计年报，并报区司法局和上级主管部门"},
        "004", "第三条", STATS),
    fig("work_report_due", "工作情况报告报送截止", "yearly", {"month": 1, "day": 31}, "004", "第七条", NOTIFY,
        note="与统计年报同日报送区司法局，并按照政府信息公开的要求向社会公开"),
    fig("statistics_response_plan", "统计年报公开前的应对预案和公开后的舆情跟踪", "text",
        {"text": "公开前对社会反映进行预判，做好应对预案；公开后跟踪舆情，主动引导，及时解疑释惑"},
        "004", "第五条", STATS, note="制度未规定预案的形式和期限。平台读法：预案须在登记公开之前记录，跟踪情况在公开之后记录"),
    # 统计 第六条: a late, wrong or falsified return → the responsible staff's accountability (the accountability
    # process, taken in from the return through programme.handoffs.statistics_to_accountability)
    fig("statistics_violations", "违反统计年报制度应追究责任的情形", "choices", items(
        ("late", "未按规定的时限和要求公开行政执法统计年报", "第六条第（一）项"),
        ("wrong", "公开的行政执法数据错误、逾期并造成重大不良影响", "第六条第（二）项"),
        ("falsified", "篡改、虚构行政执法数据", "第六条第（三）项"),
        ("other", "其他违反统计年报制度的行为", "第六条第（四）项"),
    ), "004", "第六条", STATS, note="对负有直接责任的主管人员和其他直接责任人依法追究责任：转入过错责任追究程序办理"),
    fig("annual_notification_due", "上年度通报完成时间", "yearly", {"quarter": 1}, "004", "第四条", NOTIFY),
    # 通报 第四条: three ways of notifying; 第三条: what a notification may cover; 第一条: joint notification
    fig("notification_kinds", "通报方式", "choices", items(
        ("annual", "定期通报（上年度全区行政执法情况，每年一季度完成）", "第四条"),
        ("unscheduled", "不定期通报（专项检查、案卷评查及其他需要通报的情况）", "第四条"),
        ("urgent", "紧急通报（遇紧急情况随时通报）", "第四条"),
    ), "004", "第四条", NOTIFY),
    fig("notification_contents", "通报内容", "choices", items(
        ("inspection", "全区或行业领域监督检查中发现的普遍性、典型性突出问题", "第三条第（一）项"),
        ("case_files", "行政执法案卷评查中发现的突出问题", "第三条第（二）项"),
        ("complaints", "经投诉举报并查实的问题", "第三条第（三）项"),
        ("three_systems", "落实“三项制度”和行政执法责任制中发现的问题", "第三条第（四）项"),
        ("reconsideration", "办理行政复议案件中发现的普遍性、典型性突出问题", "第三条第（五）项"),
        ("filings", "规范性文件备案审查中发现的问题", "第三条第（六）项"),
        ("court_advice", "人民法院司法建议中提出、经办理确认属实并需强化的问题", "第三条第（七）项"),
        ("annual", "全区年度行政执法情况", "第三条第（八）项"),
        ("other", "其他需要通报的行政执法情况", "第三条第（九）项"),
    ), "004", "第三条", NOTIFY, note="定期通报当然包含第（八）项"),
    fig("notification_joint", "联合通报", "text",
        {"text": "必要时可以联合其他相关职能部门联合通报"}, "004", "第一条", NOTIFY,
        note="制度未列部门：由签发时逐一登记联合通报的部门"),
    fig("inspections_per_year", "定期监督检查每年至少次数", "count", {"n": 2, "periodic_only": True}, "004", "第六条",
        INSPECT, note="只计定期检查；不定期检查另列，不计入"),
    fig("inspection_schedules", "监督检查方式", "choices", items(
        ("periodic", "定期检查", "第六条"), ("unscheduled", "不定期检查", "第六条"),
    ), "004", "第六条", INSPECT),
    # 检查 第六条: the forms an inspection may take ("等形式": others allowed, named when chosen)
    fig("inspection_forms", "监督检查形式", "choices", items(
        ("casefile_review", "案卷评查", "第六条"), ("enforcement_check", "执法检查", "第六条"),
        ("visit", "走访", "第六条"), ("forum", "座谈", "第六条"), ("survey", "问卷调查", "第六条"),
        ("other", "其他形式", "第六条"),
    ), "004", "第六条", INSPECT, note="可同时采取多种形式；选择“其他形式”的写明具体形式"),
    fig("inspection_followup_outcomes", "监督检查决定或建议的落实情况", "choices", items(
        ("on_time", "已按期书面反馈落实情况", "第十条"),
        ("assessment", "未按期落实或落实不力：按照标准予以考评", "第十条"),
        ("accountability", "未按期落实或落实不力：追究责任", "第十条"),
    ), "004", "第十条", INSPECT),
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
    # 通报 第六条 情节严重的 (an agency 被通报 — a letter's 予以通报 — or 整改落实不力 — its rectification overdue):
    # handled under the supervision regulations; the bureau hands the case on (referrals.services.refer, source notified)
    fig("notification_referrals", "被通报或整改落实不力情节严重的移送", "choices", items(
        ("discipline", "情节严重，移送纪检监察机关依照监督条例等规定处理", ""),
        ("superior", "情节严重，移送任免机关或上级主管部门依照监督条例等规定处理", ""),
        ("department", "情节严重，移送其他有权机关依照监督条例等规定处理", ""),
    ), "004", "第六条", NOTIFY, note="制度未列接收机关：去向类别为平台读法，接收机关名称由经办人填写"),
    fig("assessment_results", "被通报及整改落实情况纳入全面依法治区考核", "text",
        {"text": "被通报情况及整改落实情况纳入全面依法治区考核内容，对被通报或整改落实不力的，予以扣减相应分值",
         "points": {},
         "deducted": ["notified", "rectify_overdue", "rectify_ineffective"]}, "004", "第六条", NOTIFY,
        note="制度规定被通报、整改落实不力的扣减相应分值，未规定分值：平台标出扣分项目并列各项计数，由考核机关评分"),
    # auxiliary staff 辅助人员
    fig("auxiliary_age_min", "辅助人员最低年龄", "range", {"min": 18, "max": None}, "004", "第七条第（一）项", AUX),
    fig("auxiliary_education_min", "辅助人员学历", "text", {"text": "高中及以上学历（退伍军人优先）"},
        "004", "第七条第（四）项", AUX),
    fig("auxiliary_education_accepted", "辅助人员符合学历条件的层次", "choices", items(
        ("high_school", "高中（含中专、职高、技校）", ""), ("college", "大学专科", ""),
        ("bachelor", "大学本科", ""), ("postgraduate", "研究生", ""),
    ), "004", "第七条第（四）项", AUX),
    fig("auxiliary_dispatch_only", "新使用辅助人员一律劳务派遣", "flag", {"on": True}, "004", "第五条", AUX),
    fig("auxiliary_conditions", "辅助人员初次招聘其他基本条件", "choices", items(
        ("conduct", "道德品行良好，无违法犯罪等不良记录", "第七条第（二）项"),
        ("health", "具备履行职责的身体条件", "第七条第（三）项"),
        ("ability", "具有符合岗位要求的能力和资格条件", "第七条第（五）项"),
        ("other", "符合法律法规规定的其他情形", "第七条第（六）项"),
    ), "004", "第七条", AUX),
    fig("auxiliary_special_post", "特殊辅助岗位可降低或提高招聘条件（须注明原因）", "flag", {"on": True},
        "004", "第七条第二款", AUX),
    fig("auxiliary_barring_grounds", "不得招聘为辅助人员的情形", "choices", items(
        ("criminal", "受过刑事处罚或者涉嫌违法犯罪尚未查清", "第八条第（一）项"),
        ("detention_drugs", "曾被行政拘留或者有吸毒史", "第八条第（二）项"),
        ("dismissed", "被国家机关、事业单位开除公职或者辞退", "第八条第（三）项"),
        ("contract_ended", "曾因违反行政执法机关管理规定被解除劳动合同", "第八条第（四）项"),
        ("credit", "有较为严重的个人不良信用记录", "第八条第（五）项"),
        ("unfit", "其他不适合从事行政执法辅助工作", "第八条第（六）项"),
    ), "004", "第八条", AUX),
    fig("auxiliary_duties", "辅助人员在执法人员指导下履行的职责", "choices", items(
        ("publicity", "宣传相关法律、法规、规章", "第九条第（一）项"),
        ("patrol", "开展日常巡查", "第九条第（二）项"),
        ("order", "维护行政执法现场秩序", "第九条第（三）项"),
        ("dissuade", "劝阻、制止违法行为", "第九条第（四）项"),
        ("inspection", "协助开展行政执法检查", "第九条第（五）项"),
        ("evidence", "协助调查取证", "第九条第（六）项"),
        ("execution", "协助执行行政执法决定", "第九条第（七）项"),
        ("duty", "值班和后勤服务工作", "第九条第（八）项"),
        ("feedback", "收集报告行政管理相对人对行政执法机关的工作意见和建议", "第九条第（九）项"),
        ("assigned", "行政执法机关交办的其他行政执法辅助工作", "第九条第（十）项"),
    ), "004", "第九条", AUX),
    fig("auxiliary_prohibited_acts", "辅助人员禁止行为", "choices", items(
        ("alone", "单独从事具体行政执法活动或者超出职责范围协助具体行政执法活动", "第十条第（一）项"),
        ("refuse", "拒不执行行政执法机关确定的工作职责", "第十条第（二）项"),
        ("tamper", "删改或者扩散相关执法文书、监控影像资料、报案记录等", "第十条第（三）项"),
        ("privacy", "侵犯个人隐私或者泄露相关国家秘密、商业秘密以及其他需要保密的信息", "第十条第（四）项"),
        ("improper", "采用违法或不正当的手段开展辅助执法工作", "第十条第（五）项"),
        ("bribe", "索取或者收受贿赂", "第十条第（六）项"),
        ("business", "参与与履行职责有关的经营活动或者受雇于其他组织、个人", "第十条第（七）项"),
        ("conduct", "在履职中有不规范、不公正、不文明行为", "第十条第（八）项"),
        ("other", "法律、法规、规章规定的其他禁止行为", "第十条第（九）项"),
    ), "004", "第十条", AUX),
    fig("auxiliary_agency_prohibited", "行政执法机关对辅助人员的禁止行为", "choices", items(
        ("assign_alone", "指派执法辅助人员单独从事行政执法活动或者超出其职责范围的活动", "第十五条第（一）项"),
        ("pay_fines", "将执法辅助人员的经费支出与罚没款项挂钩", "第十五条第（二）项"),
        ("quota", "向执法辅助人员下达或者变相下达罚款、收费指标", "第十五条第（三）项"),
    ), "004", "第十五条", AUX),
    fig("auxiliary_management_systems", "机关对辅助人员应当建立和落实的管理制度", "choices", items(
        ("archive", "档案管理制度", "第十四条第（一）项"), ("daily", "日常管理制度", "第十四条第（二）项"),
        ("training", "业务学习和培训制度", "第十四条第（三）项"), ("secrecy", "保密制度", "第十四条第（四）项"),
        ("assessment", "岗位责任制和考核制度", "第十四条第（五）项"), ("reward", "奖惩制度", "第十四条第（六）项"),
        ("other", "其他管理制度", "第十四条第（七）项"),
    ), "004", "第十四条", AUX, note="谁使用、谁管理、谁负责"),
    fig("auxiliary_status_changes", "辅助人员状态变更", "choices", items(
        ("suspend", "停岗（暂停履行辅助职责）", "第十四条第（二）项"),
        ("resume", "恢复在岗", "第十四条第（二）项"),
        ("renew", "续聘（延长使用期限）", "第十六条"),
        ("expire", "使用期满离岗（不再续聘）", "第十六条"),
        ("dismiss", "解除劳动关系", "第十六条、第十七条"),
        ("transfer", "岗位调整", "第十六条"),
    ), "004", "第十四条", AUX,
        note="办法未规定停岗；平台将停岗、恢复在岗作为日常管理制度（第十四条第（二）项）中的管理措施记录。"
             "单位不得违反法律、法规规定解除劳动关系（第十一条第（五）项）"),
    fig("auxiliary_file_kinds", "辅助人员档案记载事项", "choices", items(
        ("training", "业务学习和培训", "第十四条第（三）项"),
        ("confidentiality", "保密承诺", "第十四条第（四）项"),
        ("reward", "奖励", "第十四条第（六）项"),
        ("daily", "日常管理", "第十四条第（二）项"),
        ("recovery", "机关依法赔偿后向劳务派遣单位或辅助人员追偿", "第十三条第二款"),
    ), "004", "第十四条第（一）项", AUX, note="考核和违反办法的处理另行登记，一并列入档案；辅助人员在辅助执法中有过错或"
                                             "重大过失造成损失、机关依法承担赔偿责任后追偿的，登记赔偿情况、追偿对象和金额"),
    fig("auxiliary_assessment_cycle", "辅助人员考核周期", "period", period(1, YEARS, specified=False),
        "004", "第十六条", AUX, note="办法只规定“定期”考核，未规定周期；平台默认每年考核一次"),
    fig("auxiliary_assessment_aspects", "辅助人员考核内容", "choices", items(
        ("performance", "工作绩效", ""), ("discipline", "遵章守纪", ""), ("training", "教育培训", ""),
    ), "004", "第十六条", AUX),
    fig("auxiliary_assessment_grades", "辅助人员考核等次", "choices", {"items": [
        {"code": "excellent", "label": "优秀", "article": "", "effect": "renew"},
        {"code": "qualified", "label": "合格", "article": "", "effect": "renew"},
        {"code": "basic", "label": "基本合格", "article": "", "effect": "renew"},
        {"code": "unqualified", "label": "不合格", "article": "", "effect": "dismiss"},
    ]}, "004", "第十六条", AUX,
        note="办法未规定考核等次；平台采用优秀、合格、基本合格、不合格四个等次：不合格的提出解除劳动关系建议，"
             "其余可以作为续聘依据"),
    fig("auxiliary_sanctions", "辅助人员违反办法的处理", "choices", items(
        ("criticize", "批评教育", ""), ("correct", "责令改正", ""),
        ("dismiss", "依法解除劳动合同（情节严重的）", ""),
        ("criminal", "移送司法机关依法追究刑事责任（构成犯罪的）", ""),
    ), "004", "第十七条", AUX),
    fig("auxiliary_head_accountability", "机关未按办法执行的责任", "text",
        {"text": "按相关规定追究该行政机关负责人的责任"}, "004", "第十八条", AUX),
]

# on-site supervision where the rules say nothing (Enshi's is in ENSHI above, 003 第二十四条第（一）项)
_ONSITE_UNSET = "未规定现场监督的最少人数和出示证件；平台的理解：不设最少人数、证件号可不填，参加人员照常登记"
WANZHOU.append(fig("onsite_min_people", "现场监督最少人数", "count", {"n": None, "credential": False},
                   "000", "第八条第（四）项", note="该项规定监督员可受邀参加检查、评查，办法" + _ONSITE_UNSET))
WEIHAI.append(fig("onsite_min_people", "现场监督最少人数", "count", {"n": None, "credential": False},
                  "001", "第八条第（四）项", note="该项规定监督员参与监督、评议、检查活动，办法" + _ONSITE_UNSET))
WUHAN.append(fig("onsite_min_people", "现场监督最少人数", "count", {"n": None, "credential": False},
                 "002", "第十条第（一）项", note="该项规定监督员参加执法检查、案卷评查，办法" + _ONSITE_UNSET))
WULONG.append(fig("onsite_min_people", "现场监督最少人数", "count", {"n": None, "credential": False},
                  "004", "第六条", INSPECT, note="第六条规定检查的方式和形式，制度" + _ONSITE_UNSET))

# ---------------------------------------------------------------- supervisors' yearly evaluation, commendation,
# consents, misconduct referral, commissioned research, activity support (issue 24 items 11 and 13).
# A feature is on where its figure is (a non-empty list, or a flag on); where the rules are silent the figure
# says "办法未规定" and the reading applied (the feature is then off for that jurisdiction).
_GRADES = [
    {"code": "excellent", "label": "优秀", "article": "", "effect": "commend"},
    {"code": "competent", "label": "称职", "article": "", "effect": ""},
    {"code": "basic", "label": "基本称职", "article": "", "effect": ""},
    {"code": "incompetent", "label": "不称职", "article": "", "effect": "adjust"},
]
_GRADES_NOTE = ("办法未规定评价等次；平台采用优秀、称职、基本称职、不称职四个等次，由司法局负责人依据全年出席活动、"
                "意见建议、违法线索和专题调研情况评定")
WANZHOU += [
    fig("evaluation_grades", "监督员履职情况综合评价等次", "choices", {"items": _GRADES}, "000", "第十三条第（五）项",
        note=_GRADES_NOTE + "；评价结果作为聘任期内动态调整的依据（第七条第二款）"),
    fig("evaluation_adjustment", "评价结果作为聘期内调整依据", "flag", {"on": True}, "000", "第七条第二款",
        note="区司法局根据工作需要和履职情况可以对监督员进行适当调整；评为不称职的，可据此提出解聘建议"),
    fig("commendation", "通报表彰监督员", "flag", {"on": False}, "000", "第十三条",
        note="办法未规定表彰；平台不发布表彰通报"),
    fig("consent_activity_in_name", "以监督员名义参加社会活动须经同意", "flag", {"on": True}, "000", "第十一条第（四）项",
        note="确需以行政执法监督员名义参加社会活动时应当提前征得区司法局同意"),
    fig("consent_media_interview", "接受新闻媒体采访须经同意", "flag", {"on": True}, "000", "第十一条第（五）项",
        note="未经区司法局同意，不得接受新闻媒体采访"),
    fig("misconduct_referral", "违法违纪行为移送相关部门", "flag", {"on": True}, "000", "第十七条",
        note="举报经调查处理发现违法违纪行为的，应及时移送相关部门依法处理"),
    fig("commissioned_research", "受委托专题调研", "flag", {"on": True}, "000", "第八条第（二）项",
        note="办法未规定调研报告的提交期限；由区司法局委托时确定"),
    fig("assigned_matters", "交办的其他行政执法监督事项", "flag", {"on": True}, "000", "第八条第（七）项",
        note="办法未规定办理期限；由区司法局交办时确定，监督员报告办理情况"),
    fig("activity_support", "参加活动的物质保障", "choices", {"items": []}, "000", "第十三条第（四）项",
        note="办法只规定为监督员开展活动提供必要的保障、不支付报酬（第十四条），未规定交通、误餐、保险等保障；平台不逐项登记"),
]
WEIHAI += [
    fig("evaluation_grades", "监督员履职情况综合评价等次", "choices", {"items": []}, "001", "第三条",
        note="办法未规定对社会监督员履职情况的考核评价；平台不开展年度评价（表彰见第十七条）"),
    fig("evaluation_adjustment", "评价结果作为聘期内调整依据", "flag", {"on": False}, "001", "第三条",
        note="办法未规定"),
    fig("commendation", "通报表彰监督员", "flag", {"on": True}, "001", "第十七条",
        note="对积极履职、成绩突出的行政执法社会监督员，司法行政机关可以给予通报表彰"),
    fig("consent_activity_in_name", "以监督员名义参加社会活动须经同意", "flag", {"on": False}, "001", "第九条第（五）项",
        note="办法未规定事前同意：第九条第（五）项规定不得以社会监督员名义从事任何与监督工作无关的活动；平台不受理此类申请"),
    fig("consent_media_interview", "接受新闻媒体采访须经同意", "flag", {"on": False}, "001", "第九条",
        note="办法未规定接受新闻媒体采访须经同意；平台不受理此类申请"),
    fig("misconduct_referral", "违法违纪行为移送相关部门", "flag", {"on": False}, "001", "第十六条",
        note="办法未规定移送：第十六条规定予以解聘并根据情况追究相关责任"),
    fig("commissioned_research", "受委托专题调研", "flag", {"on": True}, "001", "第八条第（五）项",
        note="办法未规定调研报告的提交期限；由司法行政机关委托时确定"),
    fig("assigned_matters", "交办的其他行政执法监督事项", "flag", {"on": True}, "001", "第八条第（六）项",
        note="办法未规定办理期限；由司法行政机关交办时确定，监督员报告办理情况"),
    fig("activity_support", "参加活动的物质保障", "choices", {"items": []}, "001", "第六条",
        note="办法只规定不支付报酬，未规定交通、误餐、保险等保障；平台不逐项登记"),
]
WUHAN += [
    fig("evaluation_grades", "监督员履职情况考核评价等次", "choices", {"items": _GRADES}, "002", "第四条第（六）项",
        note=_GRADES_NOTE + "；考核评价结果作为激励和聘期内调整的依据"),
    fig("evaluation_adjustment", "评价结果作为聘期内调整依据", "flag", {"on": True}, "002", "第四条第（六）项",
        note="办法规定负责履职情况的考核评价和激励；评为不称职的，可据此提出解聘建议（第十五条）"),
    fig("commendation", "通报表彰监督员", "flag", {"on": True}, "002", "第四条第（六）项",
        note="办法规定负责履职情况的考核评价和激励，未规定激励方式；平台的理解：激励以通报表彰公告发布"),
    fig("consent_activity_in_name", "以监督员名义参加社会活动须经同意", "flag", {"on": True}, "002", "第十一条第（五）项",
        note="非经市司法行政机关同意，不得以行政执法义务监督员名义参加与履行职责无关的社会活动"),
    fig("consent_media_interview", "接受新闻媒体采访须经同意", "flag", {"on": False}, "002", "第十一条",
        note="办法未规定接受新闻媒体采访须经同意；平台不受理此类申请"),
    fig("misconduct_referral", "违法违纪行为移送相关部门", "flag", {"on": False}, "002", "第十五条",
        note="办法未规定移送：第十五条规定予以解聘"),
    fig("commissioned_research", "受委托专题调研", "flag", {"on": False}, "002", "第十条",
        note="办法未规定受委托专题调研；平台不登记调研委托"),
    fig("activity_support", "参加活动的物质保障", "choices", items(
        ("transport", "交通", ""), ("meal", "误餐", ""), ("insurance", "意外伤害保险", ""),
    ), "002", "第四条第（五）项",
        note="为参加市司法行政机关组织的行政执法监督活动提供交通、误餐、意外伤害保险等物质保障；平台按活动和参加人登记，按年汇总"),
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
