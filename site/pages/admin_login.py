"""The admin login form in Chinese: Wagtail's LoginForm leaves the password and "remember me" fields
without labels, so Django shows their English field names. A client that must wait (logins.guard: too
many failures for this account from this client, or from this client at all) gets the Chinese message on
the login page, its password unchecked (logins.middleware answers 429)."""
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm

from logins import guard


class ChineseLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "密码"
        self.fields["password"].widget.attrs["placeholder"] = "请输入密码"
        self.fields["remember"].label = "记住我"

    def clean(self):
        if self.request is not None:
            message = guard.refusal(self.request, self.cleaned_data.get("username"))
            if message:
                self.request.login_refused = True
                raise ValidationError(message, code="throttled")
        return super().clean()
