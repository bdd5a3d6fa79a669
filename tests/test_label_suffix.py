"""A form label in Chinese ends with the full-width colon (真实姓名：) or, where the label sits above its field
(the public forms, includes/form_field.html), with none — never Django's ASCII ":" (label_suffix is
gettext(":"), which Django's zh_Hans catalog leaves as ":"; site/locale gives "：")."""
import datetime as dt
import re

import pytest
from django.test import Client
from freezegun import freeze_time

from roles.definitions import OFFICER

pytestmark = pytest.mark.django_db
ASCII_SUFFIX = re.compile(r"[\u4e00-\u9fff）]:\s*</(label|legend)>")


@freeze_time("2026-06-02 10:00")
def test_public_forms_and_a_staff_form_show_no_ascii_colon_after_a_label(site_tree, make_user):
    from supervisors import processes as supervisor_processes

    officer = make_user("officer", OFFICER)
    with freeze_time("2026-06-01 09:00"):
        campaign = supervisor_processes.campaign_start(by=officer, jurisdiction="wanzhou", title="2026年度万州区行政执法监督员选聘",
                                                places=3, deadline=dt.date(2026, 6, 20))
    public = Client()
    apply = public.get(f"/supervisors/wanzhou/campaigns/{campaign.pk}/apply/").content.decode()
    assert '<label for="id_name">姓名<span class="required-mark" aria-hidden="true">*</span></label>' in apply
    complaint = public.get("/complaints/wanzhou/").content.decode()
    assert '<label for="id_name">' in complaint
    staff = Client()
    staff.force_login(officer)
    new_complaint = staff.get("/admin/complaints/new/").content.decode()
    assert '<label for="id_name">真实姓名：</label>' in new_complaint
    assert '<label for="id_ground">投诉举报事由：</label>' in new_complaint
    for html in (apply, complaint, new_complaint):
        assert not ASCII_SUFFIX.search(html), ASCII_SUFFIX.search(html).group(0)
