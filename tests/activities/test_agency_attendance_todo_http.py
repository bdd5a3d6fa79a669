"""An enforcement agency's own major-case discussion, hearing or 论证会 with invited supervisors (万州办法 第九条
第（四）项), end to end for its liaison: the invited supervisor's 我的待办 has the declaration to make before it;
from the day it is held the liaison's 我的待办 has the attendance to record; and an unexcused absence counts as
for the bureau's activities — two within one year start a dismissal proposal (第十八条第（三）项) that waits in
the leader's 我的待办."""

import pytest
from django.test import Client
from freezegun import freeze_time

from activities.models import UNEXCUSED, Activity, Invitation
from roles.definitions import LEADER
from supervisors.models import Dismissal


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def todo(user) -> str:
    response = login(user).get("/workflow/")
    assert response.status_code == 200
    return response.content.decode()


def organise(liaison, supervisor, kind, title, held_on) -> Activity:
    response = login(liaison).post(
        "/admin/activities/new/",
        {
            "kind": kind,
            "title": title,
            "held_on": held_on,
            "place": "区市场监管局三楼会议室",
            "case_ref": "万市监罚〔2026〕88号",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()
    activity = Activity.objects.get(title=title)
    assert (
        login(liaison)
        .post(f"/admin/activities/{activity.pk}/", {"action": "invite", "supervisor": supervisor.pk})
        .status_code
        == 302
    )
    return activity


def record_absence(liaison, activity) -> None:
    invitation = Invitation.objects.get(activity=activity)
    assert (
        login(liaison)
        .post(
            f"/admin/activities/{activity.pk}/",
            {"action": "attendance", "invitation": invitation.pk, "status": "unexcused", "excuse_reason": ""},
        )
        .status_code
        == 302
    )


@pytest.mark.django_db
def test_the_agencys_activities_reach_each_persons_todo_and_absences_count_like_the_bureaus(
    make_liaison, make_supervisor, make_user
):
    liaison = make_liaison("li_wz", "万州区市场监督管理局", "wanzhou")
    other = make_liaison("li_wz_other", "万州区交通运输局", "wanzhou")
    leader = make_user("leader_wz", LEADER)
    chen = make_supervisor("wanzhou", "陈监督", login=True)
    with freeze_time("2026-11-10 02:00"):
        hearing = organise(liaison, chen, "hearing", "某餐饮店行政处罚听证会", "2026-11-20")
        discussion = organise(liaison, chen, "case_discussion", "某建材公司重大案件集体讨论", "2026-12-04")
        mine = todo(chen.user)
        assert mine.count("作出回避声明") == 2
        assert "2026-11-20 行政执法听证会：某餐饮店行政处罚听证会" in mine
        assert "登记监督员出席情况" not in todo(liaison)  # not before the day it is held

    with freeze_time("2026-11-20 10:00"):
        waiting = todo(liaison)
        assert "登记监督员出席情况" in waiting and "1名监督员待登记" in waiting
        assert "2026-11-20 行政执法听证会：某餐饮店行政处罚听证会" in waiting
        assert "第九条第（四）项" in waiting
        assert f"/admin/activities/{hearing.pk}/" in waiting
        assert "登记监督员出席情况" not in todo(other)  # another agency's liaison has nothing of it
        record_absence(liaison, hearing)
        assert "登记监督员出席情况" not in todo(liaison)
        assert not Dismissal.objects.exists()  # one absence is not yet the rule

    with freeze_time("2026-12-04 16:00"):
        assert "2026-12-04 重大行政执法案件集体讨论：某建材公司重大案件集体讨论" in todo(liaison)
        record_absence(liaison, discussion)
        assert "登记监督员出席情况" not in todo(liaison)
        assert "决定解聘" in todo(leader)

    assert list(Invitation.objects.values_list("status", flat=True)) == [UNEXCUSED, UNEXCUSED]
    dismissal = Dismissal.objects.get(supervisor=chen)
    assert dismissal.automatic and dismissal.ground == "absence"
    assert dismissal.article == "《万州区行政执法监督员管理办法》第十八条第（三）项"
