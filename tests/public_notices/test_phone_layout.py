"""issue 12: notice pages overflowed a 390 px phone (the metadata table; candidate names one character
per line). Checked by eye with headless Chromium at 390 px (report); these tests keep the structure
the phone layout relies on: label/value pairs for the metadata, one card per candidate."""
import datetime as dt
import re
from pathlib import Path

import pytest
from django.test import Client
from freezegun import freeze_time

CSS = (Path(__file__).resolve().parents[2] / "site" / "static" / "css" / "site.css").read_text(encoding="utf-8")


def phone_rules() -> str:
    match = re.search(r"@media \(max-width: 600px\) \{(.*?)\n\}", CSS, re.S)
    assert match, "no phone (max-width: 600px) rules in site.css"
    return match.group(1)


def test_phone_css_stacks_the_metadata_table_and_the_candidate_list():
    rules = phone_rules()
    assert re.search(r"\.meta-table tr \{[^}]*grid-template-columns", rules)
    assert re.search(r"\.stack-on-phone td::before \{[^}]*attr\(data-label\)", rules)
    assert re.search(r"\.data-table td\.person-name[^{]*\{[^}]*white-space: nowrap", CSS)


@pytest.mark.django_db
def test_publicity_list_marks_each_cell_with_its_label(publish_list):
    with freeze_time("2026-09-29 08:00:00"):
        page = publish_list("wanzhou", start=dt.date(2026, 9, 29))
        html = Client().get(page.url).content.decode()
    assert 'class="data-table publicity-list stack-on-phone"' in html
    assert '<td data-label="姓名" class="person-name">刘明</td>' in html
    assert 'data-label="工作单位及职务"' in html
