"""Wagtail's default groups and moderation workflow are created with English names ("Moderators",
"Editors", "Moderators approval"), which editors then read on the publish button: name them in Chinese."""
from django.db import migrations

GROUPS = {"Moderators": "网站审核员", "Editors": "网站编辑"}
WORKFLOWS = {"Moderators approval": "网站审核员审批"}


def rename(apps, schema_editor, groups=GROUPS, workflows=WORKFLOWS):
    Group = apps.get_model("auth", "Group")
    for old, new in groups.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    for model in (apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "Task")):
        for old, new in workflows.items():
            model.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, groups={v: k for k, v in GROUPS.items()}, workflows={v: k for k, v in WORKFLOWS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
