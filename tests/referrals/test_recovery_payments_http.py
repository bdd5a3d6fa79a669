"""What is actually recovered after the 追偿决定 (错案 第十二条第二款), over HTTP: the officer records each amount
paid back (amount, day, receipt, who recorded it) through the one door referrals.services.recovery_collect; the
matter's 移送与追偿 panel shows per person what is owed, recovered and still owed. Amounts typed by a person are
read by the one money reader (casework.money.yuan) that activity support reads too."""
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from casework.money import yuan
from referrals.models import RecoveryPayment
from tests.complaints.helpers import login
from tests.coordination.helpers import do_task
from tests.referrals.test_referral_recovery_http import _substantiated_with_wrong_case


def _decided_with_recovery(people, make_user):
    complaint, case, _zhang = _substantiated_with_wrong_case(people, make_user)
    officer, leader = login(people["officer"]), login(people["leader"])
    with freeze_time("2026-10-22 09:00"):
        do_task(officer, "审查管辖", {"competent": "yes"})
        do_task(officer, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "张伟故意隐瞒证据，李强明知仍签批。",
            "p0_name": "张伟", "p0_position": "直接执法人员", "p0_share": "direct",
            "p1_name": "李强", "p1_position": "批准人", "p1_share": "all_share"})
        zw, lq = case.persons.get(name="张伟"), case.persons.get(name="李强")
        do_task(leader, "领导集体讨论作出处理决定", {
            "discussion": "2026年10月22日局务会", f"s_{zw.pk}": ["sanction"], f"a_{zw.pk}": ["intent"],
            f"s_{lq.pk}": ["criticism"], f"a_{lq.pk}": ["intent"]})
    with freeze_time("2026-11-10 10:00"):
        r = leader.post(f"/admin/referrals/matter/{case.matter_id}/recovery/", {
            "compensation": "20,000元", "paid_on": "2026-11-02", "basis": "故意隐瞒证据导致赔偿。",
            f"share_{zw.pk}": "8000", f"share_{lq.pk}": "2000.50"})
        assert r.status_code == 302, r.content.decode()[-2000:]
    return case, zw, lq


def test_recovered_amounts_are_recorded_against_each_share(people, make_user):
    case, zw, lq = _decided_with_recovery(people, make_user)
    matter_url = f"/admin/casework/{case.matter_id}/"
    url = f"/admin/referrals/matter/{case.matter_id}/recovery/collect/"
    officer = login(people["officer"])
    with freeze_time("2026-11-20 10:00"):
        page = officer.get(matter_url).content.decode()
        assert "<tr><td>张伟</td><td>8000.00</td><td>0.00</td><td>8000.00</td></tr>" in page
        assert "<tr><th scope=\"row\">合计</th><td>10000.50</td><td>0.00</td><td>10000.50</td></tr>" in page
        assert "登记追回的追偿款" in page
        form = officer.get(url).content.decode()
        assert "应追偿合计10000.50元，已追回0.00元，尚欠10000.50元" in form
        assert "武隆追偿〔2026〕1号" in form and "第十二条第二款" in form
        # more than the person owes, a day before the decision, a day to come, not an amount: refused, nothing stored
        too_much = officer.post(url, {"person": zw.pk, "amount": "8000.01", "paid_on": "2026-11-18"})
        assert too_much.status_code == 200
        assert "张伟应追偿8000.00元，已追回0.00元，尚欠8000.00元；本次追回8000.01元超过尚欠金额。" in too_much.content.decode()
        early = officer.post(url, {"person": zw.pk, "amount": "100", "paid_on": "2026-11-09"})
        assert "追回日期不能早于追偿决定日期（2026-11-10）。" in early.content.decode()
        future = officer.post(url, {"person": zw.pk, "amount": "100", "paid_on": "2026-11-21"})
        assert "追回日期不能晚于今天。" in future.content.decode()
        junk = officer.post(url, {"person": zw.pk, "amount": "1e3", "paid_on": "2026-11-18"})
        assert "追回金额须为金额（元），例如 8000 或 8000.50。" in junk.content.decode()
        cents = officer.post(url, {"person": zw.pk, "amount": "10.005", "paid_on": "2026-11-18"})
        assert "追回金额最多精确到分（两位小数）。" in cents.content.decode()
        assert not RecoveryPayment.objects.exists()
        # two instalments from 张伟, the whole share from 李强
        r = officer.post(url, {"person": zw.pk, "amount": "3,000", "paid_on": "2026-11-18", "receipt": "财缴2026-0118"})
        assert r.status_code == 302, r.content.decode()[-2000:]
        r = officer.post(url, {"person": lq.pk, "amount": "2000.50", "paid_on": "2026-11-19"})
        assert r.status_code == 302
    with freeze_time("2026-12-01 10:00"):
        r = officer.post(url, {"person": zw.pk, "amount": "5000", "paid_on": "2026-12-01", "receipt": "财缴2026-0201"})
        assert r.status_code == 302
        page = officer.get(matter_url).content.decode()
    assert "<tr><td>张伟</td><td>8000.00</td><td>8000.00</td><td>0.00</td></tr>" in page
    assert "<tr><td>李强</td><td>2000.50</td><td>2000.50</td><td>0.00</td></tr>" in page
    assert "<tr><th scope=\"row\">合计</th><td>10000.50</td><td>10000.50</td><td>0.00</td></tr>" in page
    assert "<tr><td>2026-11-18</td><td>张伟</td><td>3000.00</td><td>财缴2026-0118</td><td>赵经办</td></tr>" in page
    assert "登记追回的追偿款" not in page  # nothing is owed any more
    assert "登记追回张伟追偿款5000.00元（2026-12-01，凭证财缴2026-0201），尚欠0.00元（武隆追偿〔2026〕1号）。" in page
    paid = RecoveryPayment.objects.filter(person=zw).order_by("paid_on")
    assert [(str(p.paid_on), p.amount, p.recorded_by.username) for p in paid] == [
        ("2026-11-18", Decimal("3000.00"), "officer1"), ("2026-12-01", Decimal("5000.00"), "officer1")]
    # the agency's liaison never sees the recovery; a liaison cannot record one
    liaison = login(people["liaison"])
    assert "追偿款应追与已追回" not in liaison.get(matter_url).content.decode()
    denied = liaison.post(url, {"person": zw.pk, "amount": "1", "paid_on": "2026-12-01"})
    assert denied.status_code == 403 and "只有司法局经办人或负责人可以登记追回的追偿款。" in denied.content.decode()


@pytest.mark.parametrize(("typed", "expected"), [
    ("", "0.00"), (None, "0.00"), ("8000", "8000.00"), ("8,000.5", "8000.50"), ("１２０元", "120.00"),
    (" 42.5 ", "42.50"), (Decimal("7"), "7.00")])
def test_one_money_reader_accepts_what_people_type(typed, expected):
    assert str(yuan(typed, "金额")) == expected


@pytest.mark.parametrize(("typed", "message"), [
    ("NaN", "交通补助须为金额（元），例如 8000 或 8000.50。"), ("Infinity", "交通补助须为金额（元），例如 8000 或 8000.50。"),
    ("1e3", "交通补助须为金额（元），例如 8000 或 8000.50。"), ("八千", "交通补助须为金额（元），例如 8000 或 8000.50。"),
    ("-1", "交通补助不能为负数。"), ("0.001", "交通补助最多精确到分（两位小数）。"),
    ("100000", "交通补助不能超过99999.99元。")])
def test_one_money_reader_refuses_in_chinese(typed, message):
    with pytest.raises(ValidationError) as info:
        yuan(typed, "交通补助", maximum="99999.99")
    assert info.value.messages == [message]

