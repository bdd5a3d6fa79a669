"""Notices moved to another section before jurisdictions followed the tree (public_notices.tree_sync) kept
the old one: every notice takes the jurisdiction of the section above it. Index pages now list children
by jurisdiction, so none may be left behind."""
from django.db import migrations


def follow_sections(apps, schema_editor):
    JurisdictionPage = apps.get_model("pages", "JurisdictionPage")
    NoticePage = apps.get_model("public_notices", "NoticePage")
    for section in JurisdictionPage.objects.exclude(profile=None).select_related("profile"):
        (NoticePage.objects.filter(page_ptr__path__startswith=section.path)
         .exclude(jurisdiction=section.profile.code).update(jurisdiction=section.profile.code))


class Migration(migrations.Migration):

    dependencies = [
        ("public_notices", "0002_encrypt_personal_data"),
        ("pages", "0004_site_identity_setting"),
        ("rules", "0001_initial"),
    ]

    operations = [migrations.RunPython(follow_sections, migrations.RunPython.noop)]
