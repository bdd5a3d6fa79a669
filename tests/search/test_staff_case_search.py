"""案件检索 (issue 27 item 3) over HTTP as role users: matters, issued documents, complaints and decision
records in one staff search, each within what casework.visibility lets the searcher see; a 文号 or 受理编号
typed in any brackets finds its item first; facets; bad input answers in Chinese, never a 5xx."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from casework import documents, services
from casework.models import Agency
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile

URL = "/admin/search/cases/"
ACCOUNT = "投诉人陈述执法队员在菜市场扣押三轮车未出具清单"  # the complainant's account: never to a liaison


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(make_user, settings, django_capture_on_commit_callbacks):
    """Two agencies with liaisons; a matter each; a document issued to A; a complaint about A."""
    from complaints.models import Complaint

    settings.ELASTICSEARCH_URL = ""
    people = {"officer": make_user("cs_officer", OFFICER), "leader": make_user("cs_leader", LEADER),
              "editor": make_user("cs_editor", EDITOR), "supervisor": make_user("cs_sup", SUPERVISOR)}
    agencies = {}
    for key, name in (("a", "武隆区市场监督管理局"), ("b", "武隆区城市管理局")):
        agencies[key] = Agency.objects.create(jurisdiction="wulong", name=name)
        people[f"liaison_{key}"] = make_user(f"cs_lx_{key}", LIAISON)
        StaffProfile.objects.create(user=people[f"liaison_{key}"], agency=agencies[key], jurisdiction="wulong")
    with freeze_time("2026-09-21 10:00"), django_capture_on_commit_callbacks(execute=True):
        matter_a = services.matter_open(by=people["officer"], agency=agencies["a"], source="inspection",
                                        title="未按裁量基准处罚", facts="抽查案卷发现罚款数额超出裁量基准。",
                                        process="letter")
        matter_b = services.matter_open(by=people["officer"], agency=agencies["b"], source="inspection",
                                        title="占道经营处罚程序不当", facts="抽查发现渣土车辆罚款未经法制审核。",
                                        process="letter")
        doc = documents.issue(matter=matter_a, kind="opinion_letter", title="关于规范行政处罚裁量的监督意见书",
                              paragraphs=["请你局对罚款数额超出裁量基准的案件自行纠正。"], by=people["leader"],
                              issued_on=dt.date(2026, 9, 24))
        complaint = Complaint.objects.create(
            jurisdiction="wulong", receipt_number="WLTS-2026-0007", access_digest="x" * 64, name="张三丰",
            id_number="500232198001010011", contact="13812345678", agency=agencies["a"], ground_label="执法不规范",
            request="请求依法查处", facts=ACCOUNT, received_on=dt.date(2026, 9, 22), fingerprint="f" * 64)
    return {"people": people, "matter_a": matter_a, "matter_b": matter_b, "doc": doc, "complaint": complaint}


def results(client: Client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def first_row(html: str) -> str:
    body = html.split("<tbody>", 1)[1]
    return body.split("</tr>", 1)[0]


def test_officer_finds_a_matter_by_words_of_its_facts(world):
    html = results(login(world["people"]["officer"]), q="裁量基准 罚款")
    assert "未按裁量基准处罚" in html
    assert "武隆监案〔2026〕1号" in html or world["matter_a"].number in html
    assert "占道经营处罚程序不当" not in html


@pytest.mark.parametrize("typed", ["武隆监意[2026]1号", "武隆监意(2026)1号", "武隆监意【2026】1号",
                                   "武隆监意（２０２６）１号", " 武隆监意 〔2026〕1号 "])
def test_a_document_number_in_odd_brackets_finds_the_document_first(world, typed):
    assert world["doc"].doc_number == "武隆监意〔2026〕1号"
    html = results(login(world["people"]["officer"]), q=typed)
    row = first_row(html)
    assert "监督意见书：关于规范行政处罚裁量的监督意见书" in row
    assert "（编号匹配）" in row


def test_a_receipt_number_typed_in_lower_case_finds_the_complaint_first_and_masked(world):
    html = results(login(world["people"]["officer"]), q="wlts-2026-0007")
    row = first_row(html)
    assert "执法不规范（张**反映武隆区市场监督管理局）" in row
    assert "张三丰" not in html and "500232198001010011" not in html and "13812345678" not in html


def test_a_liaison_never_gets_another_agencys_matter_nor_a_complainants_account(world):
    liaison_a = login(world["people"]["liaison_a"])
    # the facts of its own matter are the bureau's: not searchable by a party
    assert "没有找到您有权查看的相关案件" in results(liaison_a, q="抽查案卷")
    assert "占道经营处罚程序不当" not in results(liaison_a, q="占道经营")
    assert "没有找到您有权查看的相关案件" in results(liaison_a, q="渣土车辆")
    html = results(liaison_a, q="扣押三轮车")
    assert ACCOUNT not in html and "共 0 条" in html and "没有找到您有权查看的相关案件" in html
    assert "没有找到" in results(liaison_a, q="WLTS-2026-0007")
    # what is addressed to it: the document (by its number) and its matter (by title)
    assert "关于规范行政处罚裁量的监督意见书" in first_row(results(liaison_a, q="武隆监意[2026]1号"))
    assert "未按裁量基准处罚" in results(liaison_a, q="裁量基准处罚")
    # browsing without words: only its own matter and document, never B's, never the complaint
    html = results(liaison_a)
    assert "未按裁量基准处罚" in html and "关于规范行政处罚裁量的监督意见书" in html
    assert "占道经营" not in html and "张**" not in html and "共 2 条" in html
    liaison_b = login(world["people"]["liaison_b"])
    html = results(liaison_b)
    assert "占道经营处罚程序不当" in html and "未按裁量基准处罚" not in html
    assert "关于规范行政处罚裁量" not in html and "共 1 条" in html


def test_facets_count_kind_process_agency_and_year_for_the_officer(world):
    html = results(login(world["people"]["officer"]))
    assert "共 4 条" in html
    for facet in ("监督事项</a>（2）", "文书</a>（1）", "投诉举报</a>（1）", "2026年</a>（4）",
                  "武隆区市场监督管理局</a>（3）", "武隆区城市管理局</a>（1）", "投诉举报处理</a>（1）"):
        assert facet in html, facet
    html = results(login(world["people"]["officer"]), kind="complaint")
    assert "共 1 条" in html and "张**" in html


def test_an_edit_reaches_the_search_through_the_queue(world, django_capture_on_commit_callbacks):
    matter = world["matter_b"]
    with django_capture_on_commit_callbacks(execute=True):
        matter.party_summary = "请你局说明渣土车辆处罚的法制审核情况"
        matter.save()
    assert "占道经营处罚程序不当" in results(login(world["people"]["liaison_b"]), q="法制审核情况")


@pytest.mark.parametrize("role", ["editor", "supervisor"])
def test_staff_without_casework_get_403(world, role):
    response = login(world["people"][role]).get(URL, {"q": "裁量"})
    assert response.status_code == 403
    assert "您无权使用案件检索" in response.content.decode()


@pytest.mark.parametrize("typed, message", [
    ("罚" * 1000, "搜索词过长：请不超过100个字"),
    ("！？。，、……【】", "搜索词中没有可检索的文字"),
    ("?!...---", "搜索词中没有可检索的文字"),
])
def test_bad_input_answers_in_chinese(world, typed, message):
    html = results(login(world["people"]["officer"]), q=typed)
    assert message in html


def test_control_characters_are_refused_in_chinese_never_a_server_error(world):
    # the house rule (request_guard.py): control characters anywhere in a query string → a Chinese 400
    response = login(world["people"]["officer"]).get(URL + "?q=%E8%A3%81%01%1F")
    assert response.status_code == 400
    assert "控制字符" in response.content.decode()


def test_a_liaison_finds_a_decision_record_only_when_a_document_addressed_to_it_carries_it(
        world, django_capture_on_commit_callbacks):
    from decisions.models import DecisionRecord

    common = {"process_kind": "coordination", "jurisdiction": "wulong", "agency": "武隆区市场监督管理局",
              "decided_on": dt.date(2026, 9, 24)}
    with django_capture_on_commit_callbacks(execute=True):
        DecisionRecord.objects.create(title="关于裁量争议的协调意见", body="经协调，双方同意按照联席会议纪要执行。",
                                      doc_number=world["doc"].doc_number, **common)
        DecisionRecord.objects.create(title="未送达的协调意见", body="经协调，联席会议纪要另行印发。",
                                      doc_number="武隆监协〔2026〕9号", **common)
        DecisionRecord.objects.create(title="保密的协调意见", body="联席会议纪要内部讨论。",
                                      doc_number=world["doc"].doc_number, confidential=True, **common)
    html = results(login(world["people"]["liaison_a"]), q="联席会议纪要")
    assert "关于裁量争议的协调意见" in html and "共 1 条" in html
    assert "未送达的协调意见" not in html and "保密的协调意见" not in html
    assert "共 0 条" in results(login(world["people"]["liaison_b"]), q="联席会议纪要")
    html = results(login(world["people"]["officer"]), q="联席会议纪要", process_kind="coordination")
    assert "共 3 条" in html and "争议协调意见</a>（3）" in html
