"""Need-to-know in a letter's matter (004 行政执法监督意见书制度; casework.visibility), over HTTP per role.

While the letter is a draft awaiting the head's signature the agency sees nothing of it; once issued it
sees the document addressed to it, signs for it, and then the rectification date that binds it."""
import pytest
from freezegun import freeze_time

from casework.models import Document
from roles.definitions import SUPERVISOR
from tests.casework.need_to_know import absent, login, page, present, refused
from tests.letters.letters_http import do_task, people, start_letter

pytestmark = pytest.mark.django_db

DRAFT = ("行政处罚未履行告知程序。", "重新履行告知程序。")  # the draft's findings and request
INTERNAL = ("签发监督建议书（意见书）", "起草监督建议书（意见书）", "张经办", "赵负责",  # the bureau's steps and people
            "案卷评查发现", "110105198005010011", "立案登记")  # the facts and the internal log


def test_a_draft_awaiting_signature_is_hidden_and_the_served_letter_and_its_date_are_shown(make_user):
    p = people(make_user, "wulong", "武隆区市场监督管理局")
    supervisor = make_user("sup_wl", SUPERVISOR)
    with freeze_time("2026-09-25 02:00") as frozen:
        matter = start_letter(p["officer"], "wulong", p["agency"], ground="procedure")
        url = f"/admin/casework/{matter.pk}/"
        do_task(p["officer"], matter, "起草监督建议书（意见书）", {
            "ground": "procedure", "findings": DRAFT[0], "request": DRAFT[1]})

        # the draft waits for the head's signature: the agency sees the file but nothing of the draft
        html = page(login(p["liaison"]), url)
        present(html, "尚未制发文书。", "暂无时限。")
        absent(html, *DRAFT, *INTERNAL)
        for user in (p["officer"], p["leader"]):
            present(page(login(user), url), "签发监督建议书（意见书）", "案卷评查发现")

        do_task(p["leader"], matter, "签发监督建议书（意见书）", {"decision": "sign", "note": ""})
        letter = Document.objects.get(matter=matter, kind="opinion_letter")
        frozen.move_to("2026-09-28 02:00")
        liaison = login(p["liaison"])
        issued = page(liaison, url)
        present(issued, "武隆监意〔2026〕1号", "签收")
        assert liaison.post(f"/admin/casework/documents/{letter.pk}/service/").status_code == 302

        # served: its document, the date it received it, the rectification date (20 WD → 2026-10-30) and its task
        served = page(liaison, url)
        present(served, "武隆监意〔2026〕1号", "2026-09-28", "2026-10-30", "整改并报送期限", "报送整改情况",
                "已送达，签收日期2026-09-28", "李小红")
        absent(served, *DRAFT, *INTERNAL)
        pdf = liaison.get(f"/admin/casework/files/document/{letter.pk}.pdf")
        assert pdf.status_code == 200
        # the editable Word file and the generated original are the bureau's
        refused(liaison, f"/admin/casework/files/document/{letter.pk}.docx", "可编辑的Word文档仅供司法局工作人员修改使用。")

        # another agency's liaison and a supervisor see neither the matter nor the document
        other = login(p["other"])
        refused(other, url, "您无权查看该监督事项：执法机关联络员只能查看送达本机关的事项。")
        refused(other, f"/admin/casework/files/document/{letter.pk}.pdf", "您无权查看该监督事项")
        absent(page(other, "/admin/casework/"), matter.number)
        refused(login(supervisor), url, "您无权查看该监督事项。")
        # bureau staff still see every step and the facts
        full = page(login(p["officer"]), url)
        present(full, "案卷评查发现", "立案登记", "张经办", "2026-10-30")
