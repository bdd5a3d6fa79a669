"""Admin page form: lets the model's rule checks know the section before the page is in the tree."""
from wagtail.admin.forms import WagtailAdminPageForm


class NoticePageForm(WagtailAdminPageForm):
    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        # a new page has no tree path yet; its section (and so its rule profile) comes from the parent
        self.instance._rules_parent = parent_page
