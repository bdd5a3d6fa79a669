"""The setup the 通报 第六条 rectification tests share: a 2025 notification by the Wulong leader on 2026-03-02 naming
two agencies (period 10 calendar days, to 2026-03-13), each rectification order served on 2026-03-03."""
from freezegun import freeze_time

from programme.models import RectificationTask
from tests.letters.letters_http import login, people


def two_agencies_notified(make_user):
    """(people, the market regulator's task, the other agency's task)."""
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    return (p, *notify_two(p))


def notify_two(p):
    """(the market regulator's task, the other agency's task) for the people `p` (tests.letters.letters_http)."""
    other_agency = p["agency"].__class__.objects.get(name="武隆其他局")
    with freeze_time("2026-03-02 10:00"):
        assert login(p["leader"]).post("/admin/programme/wulong/2025/notification/", {
            "title": "关于2025年度行政执法情况的通报", "body": "2025年度全区行政执法情况通报如下。",
            "period_n": "10", "period_unit": "calendar_days",
            f"name_{p['agency'].pk}": "on", f"problems_{p['agency'].pk}": "行政处罚案卷未载明陈述申辩告知",
            f"name_{other_agency.pk}": "on", f"problems_{other_agency.pk}": "未按期公示行政执法决定"}).status_code == 302
    market = RectificationTask.objects.get(agency=p["agency"])
    late = RectificationTask.objects.get(agency=other_agency)
    with freeze_time("2026-03-03 09:00"):
        for user, task in ((p["liaison"], market), (p["other"], late)):
            assert login(user).post(f"/admin/casework/documents/{task.document.pk}/service/").status_code == 302
    return market, late
