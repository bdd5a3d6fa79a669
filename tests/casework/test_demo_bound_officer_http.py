"""The demo has a district officer bound to 武隆 (officer_wl): it sees only 武隆's demo letters in the matter list,
is refused a 恩施 letter's screen in Chinese and another 辖区 in the list's filter; the province-wide demo officer sees
both. Loading the accounts twice keeps one profile."""
import pytest
from freezegun import freeze_time

from casework.models import Matter
from roles.models import StaffProfile


@pytest.mark.django_db
def test_demo_officer_wl_sees_wulong_only(site_tree, client):
    from casework.demo import load_agencies
    from demo.site_tree import load_users
    from letters.demo import load_letters

    with freeze_time("2026-11-27 02:00"):
        load_users()
        load_users()
        load_agencies()
        load_letters()
        assert list(StaffProfile.objects.filter(user__username="officer_wl").values_list("jurisdiction", flat=True)) \
            == ["wulong"]
        wulong = Matter.objects.filter(jurisdiction="wulong").order_by("pk").first()
        enshi = Matter.objects.filter(jurisdiction="enshi").order_by("pk").first()
        client.login(username="officer_wl", password="demo-officer-2026")
        page = client.get("/admin/casework/").content.decode()
        assert wulong.number in page and enshi.number not in page
        refused = client.get(f"/admin/casework/{enshi.pk}/", follow=True).content.decode()
        assert "您无权查看该监督事项：本账号只办理重庆市武隆区的监督事项。" in refused
        wrong = client.get("/admin/casework/?jurisdiction=enshi")
        assert wrong.status_code == 400 and "辖区筛选值无效，请从列表中选择辖区。" in wrong.content.decode()
        client.logout()
        client.login(username="officer", password="demo-officer-2026")
        page = client.get("/admin/casework/").content.decode()
        assert wulong.number in page and enshi.number in page
