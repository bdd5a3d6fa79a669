"""StaffProfile.agency: free text -> the agency register (casework.Agency). Each distinct name becomes a
register entry in the profile's jurisdiction (or the default), so no liaison loses their agency."""
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def names_to_register(apps, schema_editor):
    Agency = apps.get_model("casework", "Agency")
    StaffProfile = apps.get_model("roles", "StaffProfile")
    for profile in StaffProfile.objects.exclude(agency_name=""):
        jurisdiction = profile.jurisdiction or settings.DEFAULT_JURISDICTION
        agency, _ = Agency.objects.get_or_create(jurisdiction=jurisdiction, name=profile.agency_name.strip())
        profile.agency = agency
        profile.save(update_fields=["agency"])


def register_to_names(apps, schema_editor):
    StaffProfile = apps.get_model("roles", "StaffProfile")
    for profile in StaffProfile.objects.exclude(agency=None).select_related("agency"):
        profile.agency_name = profile.agency.name
        profile.save(update_fields=["agency_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0002_staffprofile"),
        ("casework", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("staffprofile", "agency", "agency_name"),
        migrations.AddField(
            model_name="staffprofile",
            name="agency",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="staff_profiles", to="casework.agency",
                                    verbose_name="所属执法机关",
                                    help_text="执法机关联络员所在机关（执法机关名录）；监督事项、决定记录按此过滤"),
        ),
        migrations.RunPython(names_to_register, register_to_names),
        migrations.RemoveField("staffprofile", "agency_name"),
    ]
