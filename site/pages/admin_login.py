"""The admin login form in Chinese: Wagtail's LoginForm leaves the password and "remember me" fields
without labels, so Django shows their English field names."""
from wagtail.admin.forms.auth import LoginForm


class ChineseLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "密码"
        self.fields["password"].widget.attrs["placeholder"] = "请输入密码"
        self.fields["remember"].label = "记住我"
