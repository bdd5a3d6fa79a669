"""Enshi's `letter_suspended_during_review` figure read 003 第二十七条 wrongly (the article is about the
rectification period restarting from the review answer, not a suspension); the profile now carries
`letter_rectify_restarts_after_review` instead. Drop the stale row unless staff changed it (audited)."""
from django.db import migrations


def drop(apps, schema_editor):
    RuleFigure = apps.get_model("rules", "RuleFigure")
    RuleFigure.objects.filter(profile__code="enshi", key="letter_suspended_during_review", changed=False).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial"), ("rules", "0001_initial")]
    operations = [migrations.RunPython(drop, migrations.RunPython.noop)]
