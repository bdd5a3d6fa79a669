"""referrals/0002: the misconduct referrals written before the one door (supervisors.MisconductReferral, 000 第十七条)
become Referrals of source 'supervisor', their decision records then about the report."""
import datetime as dt
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps as real_apps
from django.contrib.contenttypes.models import ContentType

from complaints.models import SUBSTANTIATED, SUPERVISOR, Complaint
from decisions.models import DecisionRecord
from referrals.models import Referral
from roles.definitions import OFFICER
from supervisors.models import SERVING, Supervisor

moved = import_module("referrals.migrations.0002_supervisor_report_referrals")


class _Rows(list):
    def select_related(self, *_):
        return self

    def order_by(self, *_):
        return self


@pytest.mark.django_db
def test_old_misconduct_referrals_become_referrals_of_the_report(make_user):
    officer = make_user("mig_officer", OFFICER)
    sup = Supervisor.objects.create(jurisdiction="wanzhou", name="陈监督", gender="female",
                                    birth_date=dt.date(1980, 1, 1), id_number="110101198001010011",
                                    phone="13800000000", workplace="某律师事务所", status=SERVING)
    report = Complaint.objects.create(jurisdiction="wanzhou", receipt_number="WZJB-2026-0009", category=SUPERVISOR,
                                      supervisor=sup, request="调查", facts="索要财物", received_on=dt.date(2026, 10, 9),
                                      outcome=SUBSTANTIATED, reviewed_on=dt.date(2026, 11, 20))
    record = DecisionRecord.objects.create(process_kind="supervisor_referral", title="移送陈监督违法违纪行为", body="向被检查单位索要财物",
                                           jurisdiction="wanzhou", decided_on=dt.date(2026, 11, 25), outcome="移送区纪委监委",
                                           confidential=True)
    old = SimpleNamespace(complaint_id=report.pk, supervisor=sup, department="区纪委监委", facts="向被检查单位索要财物",
                          article="《万州区行政执法监督员管理办法》第十七条", referred_on=dt.date(2026, 11, 25),
                          referred_by_id=officer.pk, decision_id=record.pk)

    class Apps:
        def get_model(self, app_label, name):
            if (app_label, name) == ("supervisors", "MisconductReferral"):
                return SimpleNamespace(objects=_Rows([old]))
            return real_apps.get_model(app_label, name)

    moved.move_misconduct_referrals(Apps(), None)

    ref = Referral.objects.get()
    assert (ref.source, ref.complaint, ref.matter, ref.document, ref.record) == ("supervisor", report, None, None, record)
    assert (ref.to, ref.reasons, ref.persons) == ("区纪委监委", "向被检查单位索要财物", "陈监督")
    assert ref.referred_on == dt.date(2026, 11, 25) and ref.article == "《万州区行政执法监督员管理办法》第十七条"
    record.refresh_from_db()
    assert record.subject_type == ContentType.objects.get_for_model(Complaint) and record.subject_id == str(report.pk)
