"""错案 第十一条第（一）项 and its proviso, over HTTP as the leader, the clock frozen: a person who caused the wrong case by
carrying out a superior's decision is exempt only once it is checked that they did not knowingly carry out a clearly
unlawful decision without objecting; otherwise the exemption is refused in Chinese and nothing is written.

Calendar 2026: intake and decision Monday 11-02."""
import datetime as dt

import pytest
from freezegun import freeze_time

from accountability.models import Case
from decisions.models import DecisionRecord
from roles.definitions import LEADER, OFFICER
from tests.coordination.helpers import agency_with_liaison, claim_and_open, do_task, login

pytestmark = pytest.mark.django_db

WRONG = "《行政执法错案责任倒查问责制度》"


def test_the_superior_order_exemption_needs_the_proviso_checked(make_user):
    agency, _ = agency_with_liaison(make_user, "武隆区城市管理局", "lx_so")
    off, lead = login(make_user("officer", OFFICER)), login(make_user("leader", LEADER))
    with freeze_time("2026-11-02 09:00"):
        r = off.post("/admin/accountability/intake/", {
            "kind": "wrong_case", "agency": agency.pk, "origin": "other", "wrong_ground": "court",
            "title": "某查封决定错案", "facts": "查封决定被终审判决撤销。", "intake_on": "2026-11-02"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        case = Case.objects.get()
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {"team": "刘洋、陈静", "findings": "钱军按分管领导书面指示实施查封。",
                                                "p0_name": "钱军", "p0_share": "direct"})
        person = case.persons.get()
        url = claim_and_open(lead, "领导集体讨论作出处理决定")
        page = lead.get(url).content.decode()
        assert ("钱军：因执行上级的决定或者命令免予追究的，已核实其并非明知该决定或者命令明显违法而未提出异议执行"
                "（第十一条第（一）项）") in page
        refused = lead.post(url, {"discussion": "局务会", f"e_{person.pk}": "superior_order"})
        assert refused.status_code == 200
        assert ("钱军因执行上级的决定或者命令免予追究，须核实其并非明知该决定或者命令明显违法而未提出异议执行"
                "（第十一条第（一）项）；明知而执行的，应当依法承担相应责任。") in refused.content.decode()
        assert not DecisionRecord.objects.exists() and Case.objects.get().decided_on is None
        ok = lead.post(url, {"discussion": "局务会", f"e_{person.pk}": "superior_order", f"eo_{person.pk}": "on"})
        assert ok.status_code == 302, ok.content.decode()[-3000:]
    record = DecisionRecord.objects.get(process_kind="accountability")
    assert record.outcome == "免予追究" and record.decided_on == dt.date(2026, 11, 2)
    assert "免予追究：因执行上级的决定或者命令导致错案（明知明显违法未提异议者除外）（第十一条第（一）项）" in record.body
    assert record.article == f"{WRONG}第八条、第十二条"
