"""How a form the public fills in is shown — the supervisor application form, the objection form of a
publicity list, the complaint form and its status lookup. One home:

- `PublicFormMixin` on the form: Chinese messages for a missing answer (form_errors), a visible mark on
  every field that must be answered (also those the form's clean() requires unless another answer
  excuses them: `conditionally_required`, sent to assistive technology as aria-required), and the error
  summary after a failed submit (`error_summary`).
- the templates: includes/form_error_summary.html (heading with the count, a link to each field; the
  page's script moves focus to it) and includes/form_field.html (one field: label or fieldset/legend,
  help text and errors under the ids Django's aria-describedby points at).
"""
from django.forms.boundfield import BoundField

from form_errors import plain_label, required_messages_in_chinese


class PublicBoundField(BoundField):
    @property
    def marked_required(self) -> bool:
        return self.field.required or self.name in self.form.conditionally_required

    @property
    def focus_id(self) -> str:
        """Where a link in the error summary leads: the control, or a group's first choice."""
        if self.use_fieldset:
            first = next(iter(self.subwidgets), None)
            return first.id_for_label if first is not None else self.auto_id
        return self.id_for_label

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if not self.field.required and self.name in self.form.conditionally_required and not self.use_fieldset:
            attrs["aria-required"] = "true"
        return attrs


class PublicFormMixin:
    bound_field_class = PublicBoundField
    conditionally_required: tuple[str, ...] = ()  # required by clean() unless another answer excuses them

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)

    def error_summary(self) -> list[dict]:
        """What to fix, in form order, one item per place: refusals of the whole form first (no link),
        then each field with its messages and the id its link leads to."""
        if not self.is_bound or not self.errors:
            return []
        items = [{"href": "", "text": str(e)} for e in self.non_field_errors()]
        for field in self:
            if field.is_hidden or not field.errors:
                continue
            label, text = plain_label(field.label), " ".join(str(m) for m in field.errors)
            if label not in text and field.widget_type != "checkbox":  # a promise's label is a sentence
                text = f"{label}：{text}"
            items.append({"href": "#" + field.focus_id, "text": text})
        hidden = [e for f in self.hidden_fields() for e in f.errors]  # a tampered hidden field: said, not linked
        items += [{"href": "", "text": str(e)} for e in hidden]
        return items


def blank_choice(choices, label: str = "请选择") -> list:
    """A select starts at 请选择 (an unchosen required select then says 请选择…), never at its first answer."""
    return [("", label), *[c for c in choices if c[0] != ""]]

