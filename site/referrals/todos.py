"""What the 情节严重 branches leave waiting for the bureau's officers (我的待办 provider, flows.worklist.PROVIDERS),
each handed on through referrals.services.refer from the screen referrals.views.refer_subject:

- a serious refusal to cooperate (004 意见书 第十条: 情节严重的，依法依规予以处理), until referred;
- an agency that did not execute the government's decision on a dispute, its correction order run out or the
  agency 通报 (争议协调办法 第二十条: 情节严重的，由相关职能部门依法依规处置), until referred or found not serious;
- an agency 被通报 by a letter's last step, or whose rectification after a notification ran out (通报制度 第六条:
  情节严重的，按照监督条例等规定予以处理), until referred or found not serious.

No clock binds them (the rules set no period): the items have no due date. Each kind is a QuerySource (issue 28):
counted and sorted in SQL, only a page's items built; the matters the officer may not see or recused themselves
from, and those of a jurisdiction whose rule profile has no such referral, are left out in the queries."""
from __future__ import annotations

import datetime as dt

from django.db.models import CharField, DateField, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from roles.access import is_bureau
from rules.profiles import figure_by_profile

from . import services
from .models import DISPUTE, NOTIFIED, SOURCES

TITLES = {"refusal": "移送情节严重的不配合监督", "letter": "审查不执行调处决定或被通报是否情节严重",
          "rectification": "审查整改落实不力是否情节严重"}


def _item(kind: str, row, *, subject: str, note: str):
    from flows.worklist import Item

    source = services.subject_source(row)
    article = services.subject_article(row)
    return Item(title=TITLES[kind], subject=f"{row.matter.number} {subject}", process=dict(SOURCES)[source],
                url=reverse(f"referrals:refer_{kind}", args=[row.pk]), key=f"{kind}_referral:{row.pk}",
                matter_id=row.matter_id, article=article, note=f"{note}（{article}）")


def _jurisdictions(source: str) -> list[str]:
    """The jurisdictions whose rule profile hands such a case on (its *_referrals figure): the rows of the others
    wait for no one. One query, then kept in the shared cache until a figure changes."""
    return list(figure_by_profile(services.SUBJECT_KEYS[source]))


def _waiting_letters(mine):
    from casework.models import Document
    from letters.models import ESCALATING, Letter

    circular = Document.objects.filter(matter_id=OuterRef("matter_id"), kind="circular", addressee=OuterRef("to_name"))
    # narrowed on the letter's own columns first (the matters with a 通报, through their partial index, or a dispute
    # letter escalating): not one probe of the documents for each of a province's 20,000 letters (issue 28). The two
    # kinds as one list of keys, each read from its index (the letters' matter, their state): an OR of the two on
    # the letters themselves read all 20,000 rows (30-45 ms at 100,000 matters, on every cold 我的待办 and workbench)
    notified = Letter.objects.filter(matter_id__in=Document.objects.filter(kind="circular").values("matter_id"))
    escalating = Letter.objects.filter(state=ESCALATING, ground="dispute_decision")
    candidates = Q(pk__in=notified.order_by().values("pk").union(escalating.order_by().values("pk")))
    # the source of a letter (services.subject_source) in the jurisdictions whose profile refers it
    referred = (Q(ground="dispute_decision", matter__jurisdiction__in=_jurisdictions(DISPUTE))
                | (~Q(ground="dispute_decision") & Q(matter__jurisdiction__in=_jurisdictions(NOTIFIED))))
    return (Letter.objects.filter(candidates, referred, Letter.UNDECIDED, matter__in=mine)
            .annotate(to_name=Coalesce("agency__name", "matter__agency__name"), notified=Exists(circular))
            .filter(Q(notified=True) | Q(ground="dispute_decision", state=ESCALATING)))


def _source(kind: str, rows, *, order: tuple, item):
    """The rows of one kind as a QuerySource: no due date, one title; `item(row)` -> Item for a page's rows."""
    from flows.worklist import QuerySource

    def build(pks):
        return {row.pk: item(row) for row in rows.filter(pk__in=pks)}

    return QuerySource(rows, due=Value(None, output_field=DateField()),
                       title=Value(TITLES[kind], output_field=CharField()), order=order, build=build)


def _letter_item(letter):
    what = "逾期不纠正，已予以通报" if letter.notified else "责令限期纠正逾期未纠正"
    note = (f"不执行调处决定，{what}；情节严重的移送相关职能部门" if letter.ground == "dispute_decision"
            else "已予以通报；情节严重的依照监督条例等规定处理")
    return _item("letter", letter, subject=letter.to_name, note=note)


def _rectification_item(task):
    note = (f"{task.ineffective_on:%Y-%m-%d}经审核认定整改落实不力" if task.ineffective_on
            else f"{task.overdue_on:%Y-%m-%d}限时整改逾期未报告，整改落实不力")
    return _item("rectification", task, subject=task.agency.name, note=note)


def serious_cases(user, *, today: dt.date) -> tuple:
    from casework.selectors import visible_matters
    from flows.worklist import recused_matters
    from letters.cooperation import referral_needed
    from programme.models import RectificationTask

    if not (is_bureau(user) and user.has_perm("letters.draft_letter")):
        return ()
    mine = visible_matters(user).exclude(pk__in=recused_matters(user))
    refusals = referral_needed().filter(matter__in=mine)
    # 整改落实不力: the period ran out with no report, or the review found it so on the merits (通报 第六条)
    tasks = (RectificationTask.objects.filter(Q(overdue_on__isnull=False) | Q(ineffective_on__isnull=False),
                                              RectificationTask.UNDECIDED, matter__in=mine,
                                              matter__jurisdiction__in=_jurisdictions(NOTIFIED))
             .select_related("matter", "agency"))
    return (
        _source("refusal", refusals, order=("occurred_on", "pk"),
                item=lambda r: _item("refusal", r, subject=f"{r.agency.name}：{r.kind_label}",
                                     note=f"{r.occurred_on:%Y-%m-%d}发生，认定情节严重，依法依规予以处理")),
        _source("letter", _waiting_letters(mine).select_related("matter__agency", "agency"), order=("pk",),
                item=_letter_item),
        _source("rectification", tasks, order=(Coalesce("ineffective_on", "overdue_on"), "pk"),
                item=_rectification_item),
    )
