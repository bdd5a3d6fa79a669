"""Demo content: a roster of serving supervisors (Wanzhou, a few in Weihai and Wuhan) and one running
recruitment campaign in Wanzhou with applications. Idempotent: nothing is created twice."""
import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from stdnum.cn import ric

from demo.loaders import loader
from rules.profiles import get_profile

from .models import Campaign, Supervisor
from .terms import term_grant

# (jurisdiction, name, gender, birth, workplace, post, source, recommending unit, appointed on)
ROSTER = [
    ("wanzhou", "陈思远", "male", dt.date(1975, 3, 12), "重庆某律师事务所", "合伙人", "lawyer", "", dt.date(2024, 10, 8)),
    ("wanzhou", "刘芳", "female", dt.date(1982, 7, 4), "万州区某街道社区居委会", "主任", "grassroots", "某街道办事处",
     dt.date(2024, 10, 8)),
    ("wanzhou", "王建国", "male", dt.date(1969, 11, 23), "重庆三峡学院", "副教授", "expert", "", dt.date(2024, 10, 8)),
    ("wanzhou", "谭晓梅", "female", dt.date(1978, 1, 30), "万州区工商业联合会", "副秘书长", "association",
     "万州区工商业联合会", dt.date(2024, 10, 8)),
    ("wanzhou", "黄志强", "male", dt.date(1973, 5, 17), "三峡都市报社", "记者", "media", "", dt.date(2022, 3, 1)),
    ("weihai", "孙海波", "male", dt.date(1977, 9, 9), "威海某律师事务所", "律师", "lawyer", "", dt.date(2025, 5, 6)),
    ("weihai", "于静", "female", dt.date(1985, 2, 14), "环翠区某社区", "书记", "grassroots", "", dt.date(2025, 5, 6)),
    ("wuhan", "胡明亮", "male", dt.date(1960, 8, 1), "江岸区（退休）", "原区城管局科长", "retired_official", "",
     dt.date(2024, 12, 2)),
    ("wuhan", "程丽华", "female", dt.date(1979, 4, 21), "武汉某大学法学院", "教授", "expert", "", dt.date(2024, 12, 2)),
]


def demo_id(birth: dt.date, seq: int) -> str:
    body = f"110105{birth:%Y%m%d}{seq:03d}"  # demo numbers only: a real region code, made-up sequence
    return body + ric.calc_check_digit(body + "0")


@loader("监督员名册", stage=20)
def load_roster() -> str:
    created = 0
    for seq, (code, name, gender, birth, workplace, post, source, unit, start) in enumerate(ROSTER, start=101):
        if Supervisor.objects.filter(jurisdiction=code, name=name).exists():
            continue
        sup = Supervisor.objects.create(jurisdiction=code, name=name, gender=gender, birth_date=birth,
                                        id_number=demo_id(birth, seq), phone=f"1390000{seq:04d}",
                                        address="（演示地址）", workplace=workplace, post=post,
                                        education="bachelor", source=source, recommending_unit=unit)
        term_grant(supervisor=sup, profile=get_profile(code), start=start,
                   agreement_signed_on=start if code == "wuhan" else None)
        created += 1
    account = get_user_model().objects.filter(username="supervisor").first()
    if account is not None and not Supervisor.objects.filter(user=account).exists():
        Supervisor.objects.filter(jurisdiction="wanzhou", name="陈思远").update(user=account)
    return f"新增 {created} 人，在聘 {Supervisor.objects.filter(status='serving').count()} 人"


APPLICANTS = [
    ("赵文博", "male", dt.date(1986, 6, 18), "万州区某会计师事务所", "注册会计师", "expert", "self", "", "bachelor"),
    ("周玉兰", "female", dt.date(1990, 12, 5), "万州区某商会", "副会长", "entrepreneur", "unit", "万州区某商会",
     "junior_college"),
    ("马国庆", "male", dt.date(1961, 10, 1), "某物流公司", "经理", "entrepreneur", "self", "", "high_school"),
]


@loader("监督员选聘（进行中）", stage=21)
def load_campaign() -> str:
    from supervisors.processes import campaign_start

    title = f"{timezone.localdate().year}年度万州区行政执法监督员选聘"
    if Campaign.objects.filter(jurisdiction="wanzhou", title=title).exists():
        return "已存在"
    from .services import application_submit

    officer = get_user_model().objects.get(username="officer")
    campaign = campaign_start(by=officer, jurisdiction="wanzhou", title=title, places=3,
                              deadline=timezone.localdate() + dt.timedelta(days=20),
                              description="为进一步加强行政执法社会监督，现面向社会公开选聘行政执法监督员。")
    for seq, (name, gender, birth, workplace, post, source, intake, unit, edu) in enumerate(APPLICANTS, start=201):
        application_submit(campaign=campaign, data={
            "name": name, "gender": gender, "birth_date": birth, "id_number": demo_id(birth, seq),
            "phone": f"1370000{seq:04d}", "address": "（演示地址）", "workplace": workplace, "post": post,
            "education": edu, "source": source, "intake": intake, "recommending_unit": unit,
            "statement": "愿意参与行政执法监督工作，按时参加监督活动。", "materials_true": True})
    return f"{campaign.title}：{campaign.applications.count()} 份报名"


# 交办事项 (000 第八条第（七）项): one matter the bureau assigns the demo supervisor account, waiting for its report
ASSIGNED = ("wanzhou", "陈思远", "走访万州区某街道商户，了解市场监管执法检查扰企情况",
            "走访不少于5家商户，了解近半年执法检查的频次、方式及是否存在重复检查、随意检查，形成书面情况报告。")


@loader("监督员交办事项", stage=22)
def load_assigned_matter() -> str:
    from .duties import research_assign
    from .models import ResearchAssignment

    code, name, topic, brief = ASSIGNED
    if ResearchAssignment.objects.filter(jurisdiction=code, kind="assigned", topic=topic).exists():
        return "已存在"
    sup = Supervisor.objects.filter(jurisdiction=code, name=name, status="serving").first()
    officer = get_user_model().objects.filter(username="officer").first()
    if sup is None or officer is None:
        return "缺少在聘监督员或经办人账号，未创建"
    item = research_assign(supervisor=sup, topic=topic, brief=brief, kind="assigned", by=officer,
                           due_on=timezone.localdate() + dt.timedelta(days=30))
    return f"交办{sup.name}：{item.topic}（{item.article}），{item.due_on:%Y-%m-%d}前报告"
