"""Issue 12: supervisors and liaisons are shown no staff button that ends in a permission error, and a
liaison's 我的待办 counts the opinions forwarded to their agency."""
import re

import pytest
from django.test import Client

from activities.opinions import opinion_forward, opinion_submit
from tests.activities.agencies import register_entry

pytestmark = pytest.mark.django_db
AGENCY = "市城市管理局"


def links(html: str) -> set[str]:
    return {h for h in re.findall(r'href="(/(?:admin|workflow)/[^"#?]*)', html)
            if "logout" not in h and not h.startswith("/admin/jsi18n")}


def test_liaison_my_todo_counts_forwarded_items(make_supervisor, officer, make_liaison):
    sup = make_supervisor("weihai", login=True)
    liaison = make_liaison("liaison1", AGENCY, "weihai")
    opinion = opinion_submit(by=sup.user, kind="opinion", agency=register_entry(AGENCY, "weihai"),
                             title="夜间渣土车执法不规范", body="多次发现执法人员未出示执法证件即开展检查。")
    opinion_forward(opinion=opinion, by=officer)
    other = make_liaison("liaison2", "区市场监督管理局")
    client = Client()
    client.force_login(liaison)
    dashboard = client.get("/admin/").content.decode()
    assert "我的待办（1）" in dashboard and "夜间渣土车执法不规范" in dashboard
    inbox = client.get("/workflow/").content.decode()
    assert "反馈转送的意见建议" in inbox
    url = f"/admin/activities/agency/{opinion.pk}/"
    assert f'href="{url}"' in inbox and client.get(url).status_code == 200
    client.force_login(other)  # another agency's liaison: nothing
    assert "我的待办（0）" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["supervisor", "liaison"])
def test_no_button_a_supervisor_or_liaison_sees_leads_to_a_permission_error(role, make_supervisor, officer,
                                                                            make_liaison):
    sup = make_supervisor("wanzhou", login=True)
    user = sup.user if role == "supervisor" else make_liaison("liaison1", AGENCY)
    client = Client()
    client.force_login(user)
    inbox = client.get("/workflow/").content.decode()
    for label in ("发起选聘", "发起续聘", "提出解聘"):
        assert label not in inbox
    seen = links(client.get("/admin/").content.decode()) | links(inbox)
    assert len(seen) >= 3, seen
    refused = {url: client.get(url).status_code for url in sorted(seen)}
    assert not {u: c for u, c in refused.items() if c in (403, 404, 500)}, refused
