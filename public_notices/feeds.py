"""RSS of new notices (all jurisdictions, or one), linked from every page's <head>."""
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator

from request_guard import strip_control_characters

from . import kinds as K
from .selectors import latest_notices

FEED_SIZE = 30


class NoticeFeed(Feed):
    title = "行政执法监督公开平台 · 最新公告"
    link = "/notices/archive/"
    description = "各地司法局发布的监督员选聘、公示、聘任解聘公告，典型案例，统计年报与监督情况通报。"
    description_template = None

    def items(self):
        return latest_notices(limit=FEED_SIZE).specific()

    # XML 1.0 cannot carry control characters: an old title holding one must not break the whole feed
    def item_title(self, item):
        return strip_control_characters(item.title)

    def item_link(self, item):
        return item.get_url() or item.url_path

    def item_description(self, item):
        # text of the body only: candidate tables and objections are never part of a feed
        return strip_control_characters(Truncator(strip_tags(item.body)).chars(200))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [K.KIND_LABELS.get(item.kind, "公告")]

    def item_author_name(self, item):
        return strip_control_characters(item.issuer)

    def item_guid(self, item):
        return item.index_number


class JurisdictionNoticeFeed(NoticeFeed):
    def get_object(self, request, jurisdiction):
        from rules.models import RuleProfile

        profile = RuleProfile.objects.filter(code=jurisdiction).first()
        if profile is None:
            raise Http404("没有该辖区。")
        return profile

    def title(self, obj):
        return f"{obj.authority} · 最新公告"

    def link(self, obj):
        return f"/notices/archive/?jurisdiction={obj.code}"

    def items(self, obj):
        return latest_notices(limit=FEED_SIZE, jurisdiction=obj.code).specific()
