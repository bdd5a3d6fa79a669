"""异议: the public form is open only inside the window (Asia/Shanghai, end day inclusive); objections
are stored privately, resolved by bureau officers; the window's close records a summary once and
sends publicity_closed once (000 第六条第（三）项: appointment only after a window without objection)."""
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from clocks import scheduler
from public_notices.models import Objection, PublicityClosure
from public_notices.services import objection_resolve, publicity_close_due
from public_notices.signals import publicity_closed

D = dt.date
pytestmark = pytest.mark.django_db
FORM = {"objector_name": "张三", "contact": "13700001111", "person_concerned": "",
        "facts": "该同志在某次执法检查中存在利益关联情况，请予以核实。"}


@pytest.fixture
def page(publish_list):
    with freeze_time("2026-09-29 08:00:00"):
        return publish_list("wanzhou", start=D(2026, 9, 29))  # window 2026-09-29 .. 2026-10-12


def post(client, page, **extra):
    data = dict(FORM, candidate=page.candidates.get(name="刘明").pk, **extra)  # rows made in code have no sort_order
    return client.post(page.url + "objection/", data)


def test_objection_form_accepts_during_window_and_stores_privately(client, page):
    with freeze_time("2026-10-12 15:30:00"):  # 23:30 on the last day, Shanghai time
        response = post(client, page)
        assert response.status_code == 302 and response["Location"].endswith("objection/?sent=1")
        assert "您的异议已提交" in client.get(response["Location"]).content.decode()
    objection = Objection.objects.get()
    assert objection.person_concerned == "刘明" and objection.contact == "13700001111"
    assert objection.status == "pending"
    # never public: the page and the feed do not carry it
    html = client.get(page.url).content.decode() + client.get("/feeds/notices.xml").content.decode()
    assert "13700001111" not in html and "利益关联" not in html


@pytest.mark.parametrize("moment, message", [
    ("2026-09-28 15:59:00", "公示尚未开始"),   # 23:59 the day before the window, Shanghai
    ("2026-10-12 16:00:00", "公示期已结束"),   # 00:00 the day after the end
])
def test_objection_form_is_closed_outside_the_window(client, page, moment, message):
    with freeze_time(moment):
        assert message in client.get(page.url + "objection/").content.decode()
        response = post(client, page)
    assert response.status_code == 403 and message in response.content.decode()
    assert not Objection.objects.exists()


def test_objection_form_validates_in_chinese_and_needs_csrf(client, page):
    from django.test import Client

    with freeze_time("2026-10-08 10:00:00"):
        response = client.post(page.url + "objection/", {"objector_name": "", "contact": "abc", "facts": "短"})
        html = response.content.decode()
        assert "请填写您的姓名。" in html and "请填写有效的手机号码" in html
        assert "异议事实和理由请至少填写10个字。" in html and "请选择或填写异议所涉人员。" in html
        strict = Client(enforce_csrf_checks=True)
        assert strict.post(page.url + "objection/", dict(FORM, person_concerned="刘明")).status_code == 403
    assert not Objection.objects.exists()


def test_only_bureau_officers_resolve_objections(page, make_user):
    with freeze_time("2026-10-08 10:00:00"):
        objection = Objection.objects.create(page=page, person_concerned="刘明", objector_name="张三",
                                             contact="13700001111", facts="情况反映如上。")
    with pytest.raises(PermissionDenied):
        objection_resolve(objection=objection, upheld=False, note="经核实不成立", by=make_user("ed", "编辑"))
    officer = make_user("off", "司法局经办人")
    with pytest.raises(ValidationError):
        objection_resolve(objection=objection, upheld=False, note="  ", by=officer)
    with pytest.raises(ValidationError) as exc:  # a typed name: tied to the person first
        objection_resolve(objection=objection, upheld=True, note="经核实，异议成立。", by=officer)
    assert "尚未与公示名单中的人员对应" in exc.value.messages[0]
    objection_resolve(objection=objection, upheld=True, note="经核实，异议成立。", by=officer,
                      candidate=page.candidates.get(name="刘明"))
    assert objection.status == "upheld" and objection.resolved_by == officer
    with pytest.raises(ValidationError):
        objection_resolve(objection=objection, upheld=False, note="再次处理", by=officer)


def test_window_close_creates_one_summary_and_signals_once_via_the_scheduler(page, client):
    with freeze_time("2026-10-09 09:00:00"):
        post(client, page)
    received = []

    def receiver(sender, page, closure, **kwargs):
        received.append((page.pk, closure.objection_count))

    publicity_closed.connect(receiver)
    try:
        with freeze_time("2026-10-12 15:00:00"):  # last day of the window: nothing yet
            scheduler.run_once()
        assert not PublicityClosure.objects.exists()
        with freeze_time("2026-10-12 16:01:00") as frozen:  # 00:01 on 10-13 in Shanghai
            results = scheduler.run_once()
            assert results["公示期届满检查"] == "公示期届满 1 项"
            frozen.tick(dt.timedelta(minutes=1))
            scheduler.run_once()
            assert publicity_close_due() == []
    finally:
        publicity_closed.disconnect(receiver)
    closure = PublicityClosure.objects.get()
    assert received == [(page.pk, 1)]
    assert closure.closed_on == D(2026, 10, 12) and closure.pending_count == 1
    assert "关于刘明" in closure.summary and "第六条第（二）项" in closure.summary


def test_a_failing_receiver_undoes_the_closure_and_it_is_retried(page):
    def broken(sender, **kwargs):
        raise RuntimeError("lifecycle down")

    publicity_closed.connect(broken)
    try:
        with freeze_time("2026-10-13 09:00:00"):
            assert publicity_close_due() == []
        assert not PublicityClosure.objects.exists()
    finally:
        publicity_closed.disconnect(broken)
    with freeze_time("2026-10-13 09:01:00"):
        assert len(publicity_close_due()) == 1
