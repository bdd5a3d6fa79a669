"""Fixtures for the notice domain: the demo site tree and a publicity list factory."""
import datetime as dt

import pytest


@pytest.fixture
def candidates():
    return [
        {"name": "刘明", "gender": "男", "birth_month": "1978-04", "workplace": "万州区某律师事务所",
         "post": "律师", "recommended_by": "单位推荐"},
        {"name": "陈静", "gender": "female", "birth_date": dt.date(1985, 11, 2), "workplace": "某街道社区居委会",
         "post": "主任", "recommended_by": "个人自荐", "id_number": "500101198511020027",
         "phone": "13800000000"},
    ]


@pytest.fixture
def publish_list(site_tree, candidates):
    from public_notices.services import publicity_list_publish

    def publish(jurisdiction="wanzhou", start=dt.date(2026, 9, 29), end=None, **kw):
        return publicity_list_publish(jurisdiction=jurisdiction, title=kw.pop("title", "拟聘行政执法监督员公示"),
                                      body="现将拟聘人员名单予以公示。", candidates=kw.pop("rows", candidates),
                                      start=start, end=end, **kw)

    return publish
