"""Recusal of the bureau's own staff (003 第二十四条第（二）项): one rule for every casework process. A recused
officer cannot draft, a recused leader cannot sign; the refusal is in Chinese with the article, nothing is
written, and the recusal (who, when, ground, decided by whom) is on the matter's record."""
import re

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from viewflow.workflow.models import Process, Task

from casework.models import Document, MatterEvent, Recusal
from decisions.models import DecisionRecord
from letters import services
from letters.models import Letter
from roles.definitions import LEADER, OFFICER
from tests.letters.letters_http import do_task, login, matter_html, open_task, people, start_letter

ARTICLE = "《恩施土家族苗族自治州行政执法监督办法》第二十四条第（二）项"


@pytest.mark.django_db
def test_recused_officer_cannot_draft_and_recused_leader_cannot_sign(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    officer_b = make_user("officer_b", OFFICER, first_name="钱经办")
    leader_b = make_user("leader_b", LEADER, first_name="孙负责")
    with freeze_time("2026-09-01 09:00") as frozen:
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="non_performance")
        letter = Letter.objects.get(matter=matter)
        html = matter_html(login(p["officer"]), matter)
        assert "工作人员回避" in html and "第二十四条第（二）项" in html

        # the officer declares an interest: effective at once, recorded with who decided it
        frozen.move_to("2026-09-01 10:30")
        response = login(p["officer"]).post(f"/admin/casework/{matter.pk}/recusal/", {
            "user": p["officer"].pk, "ground": "interest", "note": "与被监督机关负责人系近亲属"})
        assert response.status_code == 302
        rec = Recusal.objects.get(matter=matter, user=p["officer"])
        assert (rec.origin, rec.ground, rec.decided_by) == (
            "declared", "与办理的监督事项有利害关系：与被监督机关负责人系近亲属", p["officer"])
        assert rec.article == ARTICLE

        # the recused officer tries to take up the draft: a Chinese refusal citing the article, nothing written
        refusal = ("张经办已于2026年09月01日在本事项回避（与办理的监督事项有利害关系：与被监督机关负责人系近亲属），"
                   f"依照{ARTICLE}的规定，不得再起草、签发、审核或决定本事项。")
        client = login(p["officer"])
        html = matter_html(client, matter)
        claim = re.search(r'action="(/workflow/tasks/\d+/claim/)"', html[html.index("起草监督建议书（意见书）"):]).group(1)
        response = client.post(claim, follow=True)
        assert "不能领取该待办：" + refusal in response.content.decode()
        # and the draft service itself refuses (every draft/sign/review/decide service calls the one rule)
        with pytest.raises(ValidationError) as exc:
            services.letter_draft(letter=letter, by=p["officer"], ground="illegal_decision", findings="改写的事实。",
                                  request="改写的建议。")
        assert exc.value.messages == [refusal]
        letter.refresh_from_db()
        assert (letter.state, letter.ground, letter.findings) == (
            "drafting", "non_performance", "2026年上半年未按计划开展食品安全抽检，投诉件未在期限内办结。")

        # the matter's draft has left the recused officer's 待办 and is in the other officer's
        assert "起草监督建议书（意见书）" not in client.get("/workflow/").content.decode()
        assert "起草监督建议书（意见书）" in login(officer_b).get("/workflow/").content.decode()

        # another officer drafts
        client_b = login(officer_b)
        url, _ = open_task(client_b, matter, "起草监督建议书（意见书）")
        response = client_b.post(url, {"ground": "non_performance", "findings": "未按计划开展抽检。",
                                       "request": "限期完成抽检。"})
        assert response.status_code == 302, response.content.decode()

        # the first leader takes up the signing, then another leader finds they must recuse
        leader_client = login(p["leader"])
        sign_url, _ = open_task(leader_client, matter, "签发监督建议书（意见书）")
        frozen.move_to("2026-09-02 09:00")
        response = login(leader_b).post(f"/admin/casework/{matter.pk}/recusal/", {
            "user": p["leader"].pk, "ground": "other", "note": "曾在被监督机关任职"})
        assert response.status_code == 302
        rec = Recusal.objects.get(matter=matter, user=p["leader"])
        assert (rec.origin, rec.decided_by, rec.ground) == ("found", leader_b, "有其他情形可能影响公正处理：曾在被监督机关任职")

        # the recused leader tries to sign: the task was taken back from them and the service refuses; no number
        response = leader_client.post(sign_url, {"decision": "sign", "note": ""})
        assert response.status_code != 302 or response["Location"] != f"/admin/casework/{matter.pk}/"
        with pytest.raises(ValidationError) as exc:
            services.letter_sign(letter=letter, by=p["leader"], approve=True)
        assert exc.value.messages == [
            "赵负责已于2026年09月02日在本事项回避（有其他情形可能影响公正处理：曾在被监督机关任职），"
            f"依照{ARTICLE}的规定，不得再起草、签发、审核或决定本事项。"]
        assert not Document.objects.filter(matter=matter).exists()
        assert Letter.objects.get(pk=letter.pk).state == "signing"

        # the other leader signs
        do_task(leader_b, matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        assert Document.objects.get(matter=matter, kind="suggestion").doc_number == "恩施监建〔2026〕1号"

    # the matter's record: two recusal decisions, the log, and the table on the matter screen
    decided = DecisionRecord.objects.filter(subject_id=str(matter.pk), process_kind="recusal").order_by("pk")
    assert [(d.title, d.outcome, d.article, str(d.decided_on)) for d in decided] == [
        (f"回避：张经办（{matter.number}）", "本人申请回避", ARTICLE, "2026-09-01"),
        (f"回避：赵负责（{matter.number}）", "经负责人孙负责决定回避", ARTICLE, "2026-09-02"),
    ]
    texts = list(MatterEvent.objects.filter(matter=matter, text__contains="回避").values_list("text", flat=True))
    assert texts == [
        f"张经办本人申请回避（与办理的监督事项有利害关系：与被监督机关负责人系近亲属，依据{ARTICLE}），"
        "此后不得起草、签发、审核或决定本事项。",
        f"赵负责经负责人孙负责决定回避（有其他情形可能影响公正处理：曾在被监督机关任职，依据{ARTICLE}），"
        "此后不得起草、签发、审核或决定本事项。",
        "因回避，赵负责已领取的待办（签发监督建议书（意见书））退回待领取，由其他人员办理。",
    ]
    html = matter_html(login(leader_b), matter)
    assert "负责人决定回避" in html and "孙负责" in html and "2026-09-02" in html
    # the agency's liaison never sees who recused or why
    liaison_page = matter_html(login(p["liaison"]), matter)
    assert "近亲属" not in liaison_page and "回避：张经办" not in liaison_page and "工作人员回避" not in liaison_page


@pytest.mark.django_db
def test_officer_cannot_recuse_someone_else_and_a_ground_must_be_the_profiles(make_user):
    p = people(make_user, "enshi", "恩施州市场监督管理局")
    with freeze_time("2026-09-01 09:00"):
        matter = start_letter(p["officer"], "enshi", p["agency"], ground="non_performance")
        client = login(p["officer"])
        response = client.post(f"/admin/casework/{matter.pk}/recusal/", {"user": p["leader"].pk, "ground": "interest"},
                               follow=True)
        assert "登记回避失败：" in response.content.decode()
        response = client.post(f"/admin/casework/{matter.pk}/recusal/", {"user": p["officer"].pk, "ground": "kin"},
                               follow=True)
        assert "登记回避失败：" in response.content.decode()
        response = login(p["liaison"]).post(f"/admin/casework/{matter.pk}/recusal/",
                                            {"user": p["officer"].pk, "ground": "interest"})
        assert response.status_code in (302, 403)
    assert not Recusal.objects.exists()
    assert not DecisionRecord.objects.filter(process_kind="recusal").exists()


@pytest.mark.django_db
def test_the_same_rule_in_a_wulong_coordination(make_user):
    """One rule for every process: a Wulong officer who recused (004 第八条, applied by the profile's reading
    to every matter) cannot take up or decide the examination of a dispute."""
    from coordination import services as coordination
    from tests.coordination.test_coordination_http import apply, setup

    a, lx_a, b, lx_b, officer, leader = setup(make_user)
    with freeze_time("2026-09-22 09:00"):
        dispute = apply(lx_a, b)
        matter = dispute.matter
        client = login(officer)
        response = client.post(f"/admin/casework/{matter.pk}/recusal/", {
            "user": officer.pk, "ground": "direct_interest", "note": "配偶在武隆区城市管理局任职"})
        assert response.status_code == 302
        refusal = ("officer已于2026年09月22日在本事项回避（与监督事项或者当事人有直接利害关系：配偶在武隆区城市管理局任职），"
                   "依照《行政执法投诉举报制度》第八条的规定，不得再起草、签发、审核或决定本事项。")
        task = Task.objects.get(process__in=Process.objects.filter(artifact_object_id=dispute.pk),
                                status="NEW", flow_task_type="HUMAN")
        assert "审查争议协调申请" in str(task.flow_task.task_title)
        response = client.post(f"/workflow/tasks/{task.pk}/claim/", follow=True)
        assert "不能领取该待办：" + refusal in response.content.decode()
        task.refresh_from_db()
        assert task.owner_id is None
        with pytest.raises(ValidationError) as exc:
            coordination.dispute_examine(dispute=dispute, by=officer, decision="accept", note="材料齐备。")
        assert exc.value.messages == [refusal]
        dispute.refresh_from_db()
        assert dispute.state == "received"
