"""Admin forms for the rules app."""
import json

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from .models import RuleFigure
from .profiles import validate_value


class FigureChangeForm(WagtailAdminModelForm):
    """Changing a figure in force: value as JSON, the article, and a reason that is audited."""

    value = forms.CharField(label="取值（JSON）", widget=forms.Textarea(attrs={"rows": 6}))
    reason = forms.CharField(label="修改理由", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="必填。将记入修改记录（修改人、时间、原值、新值）。")

    class Meta:
        model = RuleFigure
        fields = ["article"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # WagtailAdminModelForm keeps the editing user in self.for_user
        self.initial["value"] = json.dumps(self.instance.value, ensure_ascii=False, indent=1)

    def clean_value(self):
        try:
            value = json.loads(self.cleaned_data["value"])
        except json.JSONDecodeError as exc:
            raise ValidationError(f"取值不是合法的JSON：{exc.msg}（第{exc.lineno}行）") from None
        validate_value(self.instance.kind, value)
        return value

    def save(self, commit=True):
        from .profiles import change_figure

        original = RuleFigure.objects.get(pk=self.instance.pk)
        change_figure(figure=original, value=self.cleaned_data["value"],
                      article=self.cleaned_data["article"], reason=self.cleaned_data["reason"],
                      by=self.for_user)
        original.refresh_from_db()
        return original
