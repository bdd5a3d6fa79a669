"""Notifications signed before 0010 have no 通报内容 (004 通报制度 第三条). Before 0010 the only notification was
the yearly one on the previous year (0010 gave every row the kind "annual"), and a yearly notification always
covers 第三条第（八）项 全区年度行政执法情况 (programme.services.notification_terms): that item is what such a row
holds, marked "inferred" so the screen says it was not chosen at signing. A row of any other kind without contents
cannot be completed from what it holds: it is marked "unrecorded" and the screen says so. Profiles that list no
contents (e.g. Enshi 003 第二十九条) are left as they are. Reverse: the inferred items are removed again."""
from django.db import migrations, models

ANNUAL = "annual"


def _content_codes(apps, jurisdiction: str, memo: dict) -> list[str] | None:
    """The codes of the jurisdiction's `notification_contents` (None: its profile lists none). The database
    figure where it exists; else the shipped default (figures are added after migrate, rules.apps)."""
    if jurisdiction not in memo:
        RuleFigure = apps.get_model("rules", "RuleFigure")
        row = RuleFigure.objects.filter(profile__code=jurisdiction, key="notification_contents").first()
        if row is not None:
            value = row.value
        else:
            from rules.profiles_data import PROFILES

            spec = next((f for f in PROFILES.get(jurisdiction, {}).get("figures", [])
                         if f["key"] == "notification_contents"), None)
            value = spec["value"] if spec else None
        memo[jurisdiction] = None if value is None else [i["code"] for i in value.get("items", [])]
    return memo[jurisdiction]


def complete_contents(apps, schema_editor):
    Notification = apps.get_model("programme", "Notification")
    memo: dict = {}
    for n in Notification.objects.select_related("year").order_by("pk"):
        if n.contents:
            continue
        codes = _content_codes(apps, n.year.jurisdiction, memo)
        if codes is None:
            continue
        if n.kind == ANNUAL and ANNUAL in codes:
            n.contents, n.contents_basis = [ANNUAL], "inferred"
        else:
            n.contents_basis = "unrecorded"
        n.save(update_fields=["contents", "contents_basis"])


def remove_inferred(apps, schema_editor):
    Notification = apps.get_model("programme", "Notification")
    for n in Notification.objects.filter(contents_basis__in=["inferred", "unrecorded"]).order_by("pk"):
        n.contents, n.contents_basis = [], "chosen"
        n.save(update_fields=["contents", "contents_basis"])


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0011_district_report_response'),
        ('rules', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='notification',
            name='contents_basis',
            field=models.CharField(choices=[('chosen', '签发时选定'), ('inferred', '按通报方式推定（签发时尚未登记通报内容）'), ('unrecorded', '签发时未登记，无法推定')], default='chosen', max_length=16, verbose_name='通报内容来源'),
        ),
        migrations.RunPython(complete_contents, remove_inferred),
    ]
