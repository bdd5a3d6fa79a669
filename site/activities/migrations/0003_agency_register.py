"""Activities, conflicts and opinions name their agency from the register (casework.Agency) instead of
free text. Each distinct name becomes a register entry in the record's jurisdiction."""
import django.db.models.deletion
from django.db import migrations, models


def names_to_register(apps, schema_editor):
    Agency = apps.get_model("casework", "Agency")
    for model_name in ("Activity", "ConflictDeclaration", "Opinion"):
        Model = apps.get_model("activities", model_name)
        for row in Model.objects.exclude(agency_name=""):
            agency, _ = Agency.objects.get_or_create(jurisdiction=row.jurisdiction, name=row.agency_name.strip())
            row.agency = agency
            row.save(update_fields=["agency"])


def register_to_names(apps, schema_editor):
    for model_name in ("Activity", "ConflictDeclaration", "Opinion"):
        Model = apps.get_model("activities", model_name)
        for row in Model.objects.exclude(agency=None).select_related("agency"):
            row.agency_name = row.agency.name
            row.save(update_fields=["agency_name"])


def fk(related_name, verbose_name, *, null, help_text=""):
    return models.ForeignKey(null=null, blank=null, on_delete=django.db.models.deletion.PROTECT,
                             related_name=related_name, to="casework.agency", verbose_name=verbose_name,
                             help_text=help_text)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0002_opinion_rectify_by"),
        ("casework", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("activity", "agency", "agency_name"),
        migrations.RenameField("conflictdeclaration", "agency", "agency_name"),
        migrations.RenameField("opinion", "agency", "agency_name"),
        migrations.AddField("activity", "agency", fk("+", "涉及执法机关", null=True, help_text=(
            "执法检查、案卷评查涉及的行政执法机关（执法机关名录）；会议、培训可不填"))),
        migrations.AddField("conflictdeclaration", "agency", fk("+", "执法机关", null=True)),
        migrations.AddField("opinion", "agency", fk("opinions", "涉及执法机关", null=True)),
        migrations.RunPython(names_to_register, register_to_names),
        migrations.RemoveField("activity", "agency_name"),
        migrations.RemoveField("conflictdeclaration", "agency_name"),
        migrations.RemoveField("opinion", "agency_name"),
        migrations.AlterField("conflictdeclaration", "agency", fk("+", "执法机关", null=False)),
        migrations.AlterField("opinion", "agency", fk("opinions", "涉及执法机关", null=False)),
    ]
