"""casework.dispatch: the receipt of a served document reaches the process that owns its kind, and only
it — also when the document sits in a matter another process opened (一案一档: a complaint's file carries
the correction order letters issued)."""
import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from freezegun import freeze_time

from casework import dispatch, documents, services

LETTERS = ["circular", "correction_order", "interview_record", "opinion_letter", "referral", "review_answer",
           "review_decision", "suggestion", "supervision_decision"]
COORDINATION = ["coordination_acceptance", "coordination_notice", "coordination_opinion", "coordination_proposal",
                "coordination_refusal", "coordination_supplement"]


def test_each_kind_has_at_most_one_owner_registered_at_start_up():
    owners = dispatch.owners()
    assert sorted(k for k, p in owners.items() if p == "letter") == LETTERS
    assert sorted(k for k, p in owners.items() if p == "coordination") == COORDINATION
    assert [k for k, p in owners.items() if p == "programme"] == ["rectification_notice"]
    # nothing counts from the receipt of these: no owner, nothing runs
    for kind in ("accountability_decision", "reinvestigation_order", "accountability_answer", "complaint_reply"):
        assert dispatch.owner_of(kind) is None


def test_a_second_owner_or_an_unknown_kind_is_refused(monkeypatch):
    monkeypatch.setattr(dispatch, "_OWNERS", dict(dispatch._OWNERS))
    with pytest.raises(ImproperlyConfigured, match="owned by 'letter'"):
        dispatch.on_served(process="complaint", kinds=["correction_order"], handler=lambda **kw: None)
    with pytest.raises(ImproperlyConfigured, match="unknown document kind"):
        dispatch.on_served(process="complaint", kinds=["no_such_kind"], handler=lambda **kw: None)
    # the owner registering again (ready() run twice) is not an error
    dispatch.on_served(process="letter", kinds=["correction_order"], handler=lambda **kw: None)


@pytest.fixture
def spies(monkeypatch):
    """Every registered owner replaced by a recorder: which process heard which document."""
    heard = []

    def spy(process):
        return lambda *, document, by: heard.append((process, document.kind, document.received_on))

    monkeypatch.setattr(dispatch, "_OWNERS", {k: dispatch.Owner(o.process, spy(o.process))
                                              for k, o in dispatch._OWNERS.items()})
    return heard


def test_a_letters_document_in_a_complaints_matter_reaches_letters_only(staff, make_agency, spies):
    agency = make_agency("武隆区城市管理局", liaison="lx_cgj")
    with freeze_time("2026-10-09 10:00"):
        matter = services.matter_open(by=staff["officer"], agency=agency, source="complaint", title="投诉：推搡当事人",
                                      facts="执法人员检查时推搡当事人。", process="complaint")
        order = documents.issue(matter=matter, kind="correction_order", title="责令限期纠正通知书", paragraphs=["正文"],
                                by=staff["leader"])
        services.document_serve(document=order, by=staff["officer"], received_on=dt.date(2026, 10, 9),
                                method="直接送达", received_by_name="王某")
    assert spies == [("letter", "correction_order", dt.date(2026, 10, 9))]


def test_a_document_nobody_counts_from_runs_nothing(staff, make_agency, spies):
    agency = make_agency("武隆区交通运输局", liaison="lx_jtj")
    with freeze_time("2026-10-12 10:00"):
        matter = services.matter_open(by=staff["officer"], agency=agency, source="complaint", title="投诉：乱罚款",
                                      facts="超标准罚款。", process="accountability")
        decision = documents.issue(matter=matter, kind="accountability_decision", title="责任追究决定书",
                                   paragraphs=["正文"], by=staff["leader"])
        services.document_serve(document=decision, by=staff["officer"], received_on=dt.date(2026, 10, 12))
    decision.refresh_from_db()
    assert decision.received_on == dt.date(2026, 10, 12) and spies == []
