"""An agency runs its own accountability case (过错 第五条、错案 第四条): its legal unit (the agency's liaison, holding
accountability.run_own_case) sees that case's decision records on the matter screen (casework.selectors
.matter_records), the confidential ones too, and the cross-case decision search (决定检索) finds the same records
for it — in the embedded engine always, in Elasticsearch when ELASTICSEARCH_URL is set (the `engine` fixture).
Its agency's confidential records of other matters stay hidden, and another agency's liaison finds none of it."""
import datetime as dt

from freezegun import freeze_time

from accountability.models import Case
from tests.coordination.helpers import agency_with_liaison, login

AGENCY = "武隆区市场监督管理局"


def test_the_legal_unit_finds_its_own_cases_records_another_agency_none(engine, decision, make_user):
    agency, unit = agency_with_liaison(make_user, AGENCY, "fz_scj")
    _other, stranger = agency_with_liaison(make_user, "武隆区城市管理局", "fz_cgj")
    with freeze_time("2026-09-03 09:00"):
        response = login(unit).post("/admin/accountability/intake/", {
            "kind": "fault", "agency": agency.pk, "origin": "complaint", "grounds": ["procedure"],
            "title": "某超市行政处罚案执法过错", "facts": "执法人员未告知当事人陈述申辩权利。",
            "intake_on": "2026-09-03"})
        assert response.status_code == 302, response.content.decode()[-2000:]
        matter = Case.objects.get(matter__title="某超市行政处罚案执法过错").matter
        common = {"process_kind": "accountability", "jurisdiction": "wulong", "agency": AGENCY,
                  "decided_on": dt.date(2026, 9, 7)}
        decision(title="执法过错责任追究决定（张明）", confidential=True, subject=matter, outcome="给予处分", **common)
        decision(title="执法过错移送函（张明）", confidential=True, subject=matter, outcome="已移送", **common)
        # the same agency's confidential record of another matter (a complaint lead): not its case to run
        decision(title="执法过错线索核查（保密）", confidential=True, process_kind="complaint", jurisdiction="wulong",
                 agency=AGENCY, outcome="已移送", decided_on=dt.date(2026, 9, 2))

        page = login(unit).get(f"/admin/casework/{matter.pk}/").content.decode()
        assert "执法过错责任追究决定（张明）" in page and "执法过错移送函（张明）" in page

        html = login(unit).get("/admin/search/decisions/", {"q": "执法过错"}).content.decode()
        assert "共 2 条决定记录与“执法过错”相关。" in html
        assert "执法过错责任追究决定（张明）" in html and "执法过错移送函（张明）" in html
        assert "执法过错线索核查（保密）" not in html

        html = login(stranger).get("/admin/search/decisions/", {"q": "执法过错"}).content.decode()
        assert "共 0 条决定记录与“执法过错”相关。" in html and "没有找到您有权查看的相关决定记录。" in html
        assert "张明" not in html and "执法过错线索核查" not in html
