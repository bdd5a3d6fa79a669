"""Demo notices for `make run`: index pages per kind under each section and a handful of notices per
jurisdiction, written for the demo (not taken from the regulations' text). Two publicity lists
(Wanzhou, Wuhan) are in their window relative to today. Idempotent: a notice already there is kept."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone

from demo.loaders import loader

from . import kinds as K
from .importer import import_record
from .models import NoticePage
from .services import index_for

SUPERVISOR_KINDS = [K.RECRUITMENT, K.PUBLICITY, K.APPOINTMENT, K.DISMISSAL]
COMMON_KINDS = [K.TYPICAL_CASE, K.ANNUAL_REPORT, K.NOTIFICATION, K.REGULATION]
# 监督员表彰通报 only where the rules provide commendation (001 第十七条; 002 第四条第（六）项; the profile's `commendation`)
SECTIONS = {"wanzhou": SUPERVISOR_KINDS + COMMON_KINDS, "weihai": SUPERVISOR_KINDS + COMMON_KINDS + [K.COMMENDATION],
            "wuhan": SUPERVISOR_KINDS + COMMON_KINDS + [K.COMMENDATION], "enshi": COMMON_KINDS, "wulong": COMMON_KINDS}


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _candidates(*rows):
    return [{"name": n, "gender": g, "birth_month": b, "workplace": w, "post": p, "recommended_by": r}
            for n, g, b, w, p, r in rows]


def notices(today: dt.date) -> list[dict]:
    def at(days_ago: int) -> str:
        return f"{today - dt.timedelta(days=days_ago):%Y-%m-%d}T09:30:00+08:00"

    def day(days_ago: int) -> str:
        return f"{today - dt.timedelta(days=days_ago):%Y-%m-%d}"

    year = today.year
    return [
        # ---------------------------------------------------------------- 万州
        dict(kind=K.RECRUITMENT, jurisdiction="wanzhou", title="万州区司法局关于公开选聘行政执法监督员的公告",
             doc_number=f"万司发〔{year}〕21号", published_at=at(40), written_on=day(41), keywords="监督员,选聘",
             body=_p("为进一步加强行政执法监督，拓宽社会各界参与监督的渠道，区司法局决定面向社会公开选聘一批行政执法监督员。",
                     "一、选聘名额：本次拟选聘行政执法监督员20名。",
                     "二、报名方式：采取个人自荐、单位推荐相结合的方式，报名人员填写报名表，经所在单位或社区签署意见后报送区司法局。",
                     "三、基本条件：拥护党的路线方针政策，遵守宪法和法律，热心行政执法监督工作，身体健康，具有大专以上学历。",
                     "咨询电话：023-58000000（工作日上午9:00—12:00，下午14:00—17:30）。")),
        dict(kind=K.PUBLICITY, jurisdiction="wanzhou", title=f"万州区{year}年度拟聘任行政执法监督员人选公示",
             doc_number="", published_at=at(2), written_on=day(3), publicity_start=day(2), keywords="监督员,公示",
             body=_p("经个人自荐、单位推荐和资格审查，区司法局研究确定了拟聘任的行政执法监督员人选，现予以公示。",
                     "公示期间，任何单位和个人均可通过本页在线反映，或以书面形式向区司法局反映拟聘人员存在的问题。"
                     "反映问题应实事求是，以单位名义反映的请加盖公章。"),
             candidates=_candidates(
                 ("周建国", "男", "1971-03", "万州区某律师事务所", "主任律师", "单位推荐"),
                 ("谭晓梅", "女", "1983-08", "万州区某街道社区居民委员会", "副主任", "单位推荐"),
                 ("冉志强", "男", "1979-11", "重庆某职业技术学院", "副教授", "个人自荐"),
                 ("向丽", "女", "1988-05", "万州区个体劳动者协会", "秘书长", "单位推荐"))),
        dict(kind=K.APPOINTMENT, jurisdiction="wanzhou", title="万州区司法局关于聘任第一届行政执法监督员的公告",
             doc_number=f"万司发〔{year - 1}〕35号", published_at=f"{year - 1}-06-18T10:00:00+08:00",
             written_on=f"{year - 1}-06-16", keywords="监督员,聘任",
             body=_p("经公开选聘、资格审查和社会公示，公示期内未收到异议，区司法局决定聘任刘某某等18名同志为万州区行政执法监督员。",
                     "行政执法监督员凭聘书和证件开展监督活动，接受社会监督。")),
        dict(kind=K.DISMISSAL, jurisdiction="wanzhou", title="万州区司法局关于解聘一名行政执法监督员的公告",
             doc_number=f"万司发〔{year}〕9号", published_at=at(120), written_on=day(121), keywords="监督员,解聘",
             body=_p("经核实，该同志一年内两次无正当理由未参加区司法局组织的行政执法监督活动，经研究，决定予以解聘。"),
             ),
        dict(kind=K.NOTIFICATION, jurisdiction="wanzhou", title=f"{year - 1}年度万州区行政执法监督工作情况通报",
             doc_number=f"万司发〔{year}〕3号", published_at=f"{year}-03-20T15:00:00+08:00", written_on=f"{year}-03-18",
             keywords="监督,通报",
             body=_p("一年来，全区各行政执法部门认真落实行政执法“三项制度”，执法规范化水平持续提升。",
                     "检查中也发现个别单位存在执法文书制作不规范、案卷归档不及时等问题，相关单位应于通报印发之日起限期整改，"
                     "并将整改情况书面报送区司法局。")),
        # ---------------------------------------------------------------- 威海
        dict(kind=K.RECRUITMENT, jurisdiction="weihai", title="威海市司法局关于选聘行政执法社会监督员的公告",
             doc_number=f"威司字〔{year}〕12号", published_at=at(75), written_on=day(76), keywords="社会监督员,选聘",
             body=_p("为推进严格规范公正文明执法，市司法局面向社会选聘行政执法社会监督员。",
                     "报名采取单位推荐、个人自荐和定向邀请相结合的方式，具有国家法律职业资格的人员优先。")),
        dict(kind=K.PUBLICITY, jurisdiction="weihai", title="威海市拟聘行政执法社会监督员名单公示",
             doc_number="", published_at=at(50), written_on=day(51), publicity_start=day(50), keywords="社会监督员,公示",
             body=_p("根据选聘工作安排，现将拟聘人员名单予以公示，接受社会监督。"),
             candidates=_candidates(("于海涛", "男", "1975-02", "威海市某会计师事务所", "合伙人", "单位推荐"),
                                    ("孙雪", "女", "1986-12", "威海市某区人大代表联络站", "工作人员", "个人自荐"))),
        dict(kind=K.TYPICAL_CASE, jurisdiction="weihai", title="社会监督员意见推动某窗口单位优化执法程序",
             published_at=at(20), written_on=day(21), keywords="典型案例,社会监督",
             body=_p("一名社会监督员在走访中发现某窗口单位告知程序不完整，书面向市司法局反映。",
                     "经转交，相关单位在规定期限内作出书面反馈，修订了告知书样式并开展了专项培训。")),
        dict(kind=K.COMMENDATION, jurisdiction="weihai", title=f"关于通报表彰{year - 1}年度优秀行政执法社会监督员的通报",
             doc_number=f"威司字〔{year}〕5号", published_at=f"{year}-02-20T10:00:00+08:00", written_on=f"{year}-02-18",
             keywords="社会监督员,表彰",
             body=_p(f"{year - 1}年度，全市行政执法社会监督员积极参加监督检查和案卷评查，提出了一批有价值的意见建议。",
                     "经市司法局研究，决定对积极履职、成绩突出的于海涛等2名同志予以通报表彰，希望受表彰的同志珍惜荣誉，"
                     "继续发挥社会监督作用。")),
        # ---------------------------------------------------------------- 武汉
        dict(kind=K.PUBLICITY, jurisdiction="wuhan", title=f"武汉市{year}年拟聘行政执法义务监督员公示",
             doc_number="", published_at=at(3), written_on=day(4), publicity_start=day(3), keywords="义务监督员,公示",
             body=_p("经个人自荐、单位推荐、特别邀请和资格审核，现将拟聘任的行政执法义务监督员名单予以公示。",
                     "公示期间如有异议，请通过本页在线反映或书面向市司法局反映。"),
             candidates=_candidates(("黄志明", "男", "1966-09", "武汉市某区退休公务员", "原科长", "特别邀请"),
                                    ("程琳", "女", "1990-04", "湖北某大学法学院", "讲师", "单位推荐"),
                                    ("杜晓军", "男", "1981-07", "武汉市某行业协会", "副会长", "单位推荐"))),
        dict(kind=K.APPOINTMENT, jurisdiction="wuhan", title="武汉市司法局关于聘任行政执法义务监督员的公告",
             doc_number=f"武司〔{year - 1}〕48号", published_at=f"{year - 1}-09-10T09:00:00+08:00",
             written_on=f"{year - 1}-09-08", keywords="义务监督员,聘任",
             body=_p("经公示无异议，市司法局决定聘任下列同志为武汉市行政执法义务监督员，聘期三年，并签订志愿服务协议。")),
        dict(kind=K.DISMISSAL, jurisdiction="wuhan", title="关于一名行政执法义务监督员辞任的公告",
             doc_number=f"武司〔{year}〕7号", published_at=at(60), written_on=day(61), keywords="义务监督员,辞任",
             body=_p("该同志因工作变动，本人书面声明辞去行政执法义务监督员职务，市司法局予以同意。")),
        # ---------------------------------------------------------------- 恩施
        dict(kind=K.TYPICAL_CASE, jurisdiction="enshi", title="州司法局制发监督建议书纠正某乡镇执法程序瑕疵",
             published_at=at(30), written_on=day(31), keywords="监督建议书,典型案例",
             body=_p("州司法局在案卷评查中发现某乡镇一起行政处罚案件未依法告知陈述申辩权利，依法制发监督建议书。",
                     "该乡镇在规定期限内完成整改，并对同类案件开展自查。")),
        dict(kind=K.REGULATION, jurisdiction="enshi", title="恩施州行政执法监督工作规程（试行）",
             doc_number=f"恩州司发〔{year - 1}〕5号", published_at=f"{year - 1}-03-01T09:00:00+08:00",
             written_on=f"{year - 1}-02-20", keywords="规范性文件,行政执法监督",
             body=_p("第一条 为规范全州行政执法监督工作，结合本州实际，制定本规程。",
                     "第二条 州、县（市）司法行政部门按照本规程开展日常监督、专项监督和案卷评查。")),
        # ---------------------------------------------------------------- 武隆
        dict(kind=K.ANNUAL_REPORT, jurisdiction="wulong", title=f"武隆区{year - 1}年度行政执法统计年报",
             doc_number="", published_at=f"{year}-01-28T10:00:00+08:00", written_on=f"{year}-01-26",
             keywords="统计年报,行政执法数据",
             body=_p(f"根据行政执法统计年报制度，现将武隆区{year - 1}年度行政执法数据公开如下。",
                     "全区行政许可、行政处罚、行政强制、行政检查等执法数据及说明见附表。")),
        dict(kind=K.NOTIFICATION, jurisdiction="wulong", title="关于行政执法案卷专项评查情况的通报",
             doc_number=f"武隆司发〔{year}〕14号", published_at=at(45), written_on=day(46), keywords="通报,案卷评查",
             body=_p("区司法局组织开展了行政执法案卷专项评查，现将评查情况通报如下。",
                     "被通报单位应当在规定期限内整改，并书面报告整改情况。")),
        dict(kind=K.REGULATION, jurisdiction="wulong", title="武隆区行政执法监督十项制度",
             doc_number="武隆府办发〔2021〕62号", published_at="2021-11-20T09:00:00+08:00", written_on="2021-11-15",
             keywords="规范性文件,制度",
             body=_p("为健全行政执法监督体系，区政府办公室印发行政执法争议协调、投诉举报、统计年报、监督检查、"
                     "监督情况通报、监督意见书等十项制度，请各单位认真贯彻执行。")),
    ]


# dismissal ground per demo notice (from each jurisdiction's list in its rule profile)
DISMISSAL_FIELDS = {"万州区司法局关于解聘一名行政执法监督员的公告": ("absence", "某某"),
                    "关于一名行政执法义务监督员辞任的公告": ("resignation", "某某")}
# who the demo commendation names (name and workplace only)
COMMENDATION_NAMES = "于海涛（威海市某会计师事务所）、孙雪（威海市某区人大代表联络站）"


@loader("公告公示", stage=10)
def load_notices() -> str:
    for code, kinds in SECTIONS.items():
        for kind in kinds:
            index_for(jurisdiction=code, kind=kind)
    made = 0
    for record in notices(timezone.localdate()):
        if NoticePage.objects.filter(jurisdiction=record["jurisdiction"], title=record["title"]).exists():
            continue
        outcome, page = import_record(record)
        if page.title in DISMISSAL_FIELDS:
            page = page.specific
            page.ground_code, page.dismissed_name = DISMISSAL_FIELDS[page.title]
            page.save_revision().publish()
        if outcome == "imported" and record["kind"] == K.COMMENDATION:
            page = page.specific
            page.commendation_year, page.commended_names = int(record["written_on"][:4]) - 1, COMMENDATION_NAMES
            page.save_revision().publish()
        made += outcome == "imported"
    return f"新增 {made} 条公告，共 {NoticePage.objects.count()} 条"
