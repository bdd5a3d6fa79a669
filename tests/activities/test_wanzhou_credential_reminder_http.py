"""000 第十五条: a supervisor shows a valid certificate when taking part in a supervision activity. The Wanzhou
supervisor's 我的监督活动 screen reminds them with their card number (or certificate number) and the article;
Weihai's rules say nothing of it, so no reminder there."""
import datetime as dt

import pytest
from django.test import Client

from supervisors.models import Term

pytestmark = pytest.mark.django_db


def term(sup, card_no=""):
    return Term.objects.create(supervisor=sup, jurisdiction=sup.jurisdiction, start=dt.date(2026, 1, 5),
                               end=dt.date(2031, 1, 4), article="聘期", certificate_no=f"PS-{sup.pk}", card_no=card_no)


def page(user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get("/admin/activities/mine/invitations/")
    assert response.status_code == 200
    return response.content.decode()


def test_wanzhou_supervisor_is_reminded_to_show_the_card_weihai_is_not(make_supervisor):
    wz = make_supervisor("wanzhou", "钱监督", login=True)
    term(wz, card_no="万司监证2026001")
    assert ("履行监督职责时，请持有并出示行政执法监督员证件（证件编号：万司监证2026001），"
            "依据《万州区行政执法监督员管理办法》第十五条。") in page(wz.user)
    no_card = make_supervisor("wanzhou", "孙监督", login=True)
    term(no_card)
    assert f"（证件编号：PS-{no_card.pk}），依据《万州区行政执法监督员管理办法》第十五条。" in page(no_card.user)
    wh = make_supervisor("weihai", "赵监督", login=True)
    term(wh, card_no="威司监证2026001")
    assert "请持有并出示" not in page(wh.user)
