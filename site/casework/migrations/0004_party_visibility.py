"""Need-to-know for parties: the summary the bureau tells the agency, and each event's audience. Existing
events stay internal unless they record a service or the agency's own answer or report."""
from django.db import migrations, models
from django.db.models import Q

PARTY_TEXT = (Q(text__contains="已送达，签收日期") | Q(text__startswith="被监督机关报送")
              | (Q(text__startswith="收到") & Q(text__contains="答复意见")) | Q(text__contains="退回补充整改")
              | Q(text__startswith="整改落实情况"))


def mark_party_events(apps, schema_editor):
    apps.get_model("casework", "MatterEvent").objects.filter(PARTY_TEXT).update(audience="party")


class Migration(migrations.Migration):

    dependencies = [
        ("casework", "0003_documents_templates_docx_scan"),
    ]

    operations = [
        migrations.AddField(
            model_name="matter",
            name="party_summary",
            field=models.TextField(blank=True, verbose_name="告知被监督机关的事实摘要"),
        ),
        migrations.AddField(
            model_name="matterevent",
            name="audience",
            field=models.CharField(choices=[("internal", "仅司法局"), ("party", "含被监督机关")], default="internal",
                                   max_length=8, verbose_name="可见范围"),
        ),
        migrations.AddField(
            model_name="matterevent",
            name="agency",
            field=models.ForeignKey(blank=True, null=True, on_delete=models.deletion.PROTECT, related_name="+",
                                    to="casework.agency", verbose_name="所涉机关"),
        ),
        migrations.RunPython(mark_party_events, migrations.RunPython.noop),
    ]
