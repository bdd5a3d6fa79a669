"""Wagtail API v2 at /api/v2/: pages (notices with their metadata via `?type=public_notices.NoticePage
&fields=doc_number,issuer,written_on,published_on,index_number`). Objections are never exposed, and
a publicity list's candidates only with the publicity columns (models.publicity.PublicCandidatesField).

Every bad query (offset, limit, search_operator, a date or number filter that does not parse) answers
400 with a Chinese message; Wagtail's own would be English or a server error.

The listing, the detail and find/ show only what an anonymous reader may open (pages.visibility), whoever
asks: this is the public interface. A child_of / descendant_of / ancestor_of naming a restricted page is
refused with a message saying so."""
from django.core.exceptions import ValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from pages.visibility import anonymous_may_view, visible_to_anonymous

SEARCH_OPERATORS = ("and", "or")


class RequestHtmlUrlField(PageHtmlUrlField):
    """html_url on the host the API was asked on (pages.hosts), not the Site record's `localhost`."""

    def to_representation(self, page):
        return page.get_full_url(self.context.get("request"))


class PublicPageSerializer(PageSerializer):
    html_url = RequestHtmlUrlField(read_only=True)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer

    def get_base_queryset(self):
        # Wagtail lets a logged-in reader through a login restriction; the public API never does
        return visible_to_anonymous(super().get_base_queryset())

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator")

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": "没有找到该页面。"}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, (BadRequestError, ValidationError, ValueError, TypeError, OverflowError)):
            detail = str(exc)
            message = explain_page_parameter(self.request, detail) or explain(detail)
            return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


# Wagtail's complaint when child_of / descendant_of / ancestor_of names a page outside the public queryset
PAGE_PARAMETERS = {"parent page doesn't exist": "child_of", "ancestor page doesn't exist": "descendant_of",
                   "descendant page doesn't exist": "ancestor_of"}
RESTRICTED_MESSAGE = ("{name} 参数所指的页面（编号 {pk}）设有访问限制（需密码、登录或指定用户组才能查看），"
                      "公开接口不提供该页面及其下级页面。")
MISSING_MESSAGE = "{name} 参数所指的页面（编号 {pk}）不存在或尚未公开发布。"


def explain_page_parameter(request, detail: str) -> str:
    """The message for a page parameter naming a page the public may not list: restricted, or not there."""
    name = PAGE_PARAMETERS.get(detail)
    if name is None or request is None:
        return ""
    value = request.GET.get(name, "")
    page = Page.objects.filter(pk=int(value)).first() if value.isdigit() and len(value) < 16 else None
    if page is not None and page.live and not anonymous_may_view(page):
        return RESTRICTED_MESSAGE.format(name=name, pk=value)
    return MISSING_MESSAGE.format(name=name, pk=value)


def explain(detail: str) -> str:
    """A Chinese message for Wagtail's English (or Python's) complaint about a query parameter."""
    for word, message in (
        ("query parameter is not an operation or a recognised field", "查询参数中含有不支持的字段。"),
        ("offset", "offset 参数应为不小于 0 的整数。"),
        ("limit", "limit 参数应为不小于 1 的整数，且不超过每页上限。"),
        ("search_operator", "search_operator 参数只能是 and 或 or。"),
        ("order", "不能按该字段排序。"),
        ("fields", "fields 参数中含有不存在的字段。"),
        ("type", "type 参数所指的页面类型不存在。"),
        ("child_of", "child_of 参数应为存在的页面编号。"),
        ("descendant_of", "descendant_of 参数应为存在的页面编号。"),
        ("ancestor_of", "ancestor_of 参数应为存在的页面编号。"),
        ("search", "搜索参数有误。"),
    ):
        if word in detail:
            return message
    return "查询参数有误：日期请按 YYYY-MM-DD 填写，数字请填写阿拉伯数字，请检查后重试。"


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
