"""The <head> and footer facts of a government website (政府网站发展指引, 国办发〔2017〕47号, 网页元数据).

`{% gov_meta as gov %}` gives base.html what its <head> prints: the site's name, domain and 标识码 (from the
网站信息 setting, pages.site_identity), the column (栏目) the page belongs to, the page's description, its
canonical address, and for an article (a page type with `gov_article = True`: every notice) its title,
publication time, source, keywords and images. `{% gov_footer %}` prints the footer items that are filled.

Page types opt in by attributes, so this module names no app above it:
`gov_article` (an article page), `gov_column_type` (栏目类型 of a column or of an article's column),
`intro` or `body` (the description when search_description is empty), `keyword_list`, `issuer`."""
from __future__ import annotations

import re

from django import template
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from pages.site_identity import SiteIdentity

register = template.Library()

DESCRIPTION_CHARS = 120
_SPACE = re.compile(r"\s+")
_IMG_SRC = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"", re.IGNORECASE)


# 栏目 of the public pages that are views, not Wagtail pages: (namespace or URL name) -> (ColumnName, ColumnType)
VIEW_COLUMNS = {
    "notices_archive": ("公告归档", "信息公开"),
    "supervisors": ("监督员选聘", "政务服务"),
    "complaints_public": ("投诉举报", "互动交流"),
    "search": ("站内搜索", ""),
}


def view_column(request) -> tuple[str, str]:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "", ""
    return VIEW_COLUMNS.get(match.namespace) or VIEW_COLUMNS.get(match.url_name) or ("", "")


def identity_for(request) -> SiteIdentity | None:
    """The request's Site's 网站信息, kept in the cache under the page cache's generation (saving the setting
    bumps it, pages.cache) so a page costs no query for it; memoised on the request for head and footer."""
    from pages.cache import generation

    if request is None:
        return None
    if not hasattr(request, "_site_identity"):
        site = Site.find_for_request(request)
        identity = None
        if site is not None:
            key = f"siteidentity:{generation()}:{site.pk}"
            identity = cache.get(key)
            if identity is None:
                identity = SiteIdentity.for_site(site)
                identity.site = site  # its name falls back to the Site's: no query for that either
                cache.set(key, identity, 3600)
        request._site_identity = identity
    return request._site_identity


def plain_text(html: str, limit: int = DESCRIPTION_CHARS) -> str:
    text = _SPACE.sub(" ", strip_tags(expand_db_html(html or ""))).strip()
    return Truncator(text).chars(limit)


def page_description(page) -> str:
    if page is None:
        return ""
    if getattr(page, "search_description", ""):
        return _SPACE.sub(" ", page.search_description).strip()
    for field in ("intro", "body"):
        value = getattr(page, field, "")
        if isinstance(value, str) and value:
            text = plain_text(value)
            if text:
                return text
    return ""


def _is_root(page, request) -> bool:
    site = Site.find_for_request(request) if request is not None else None
    return site is not None and page.pk == site.root_page_id


def _column(page, request):
    """The page that is this page's 栏目: an article's parent, else the page itself."""
    if getattr(page, "gov_article", False):
        parent = page.get_parent()
        return parent.specific if parent is not None else None
    return page


def _pub_date(page) -> str:
    moment = getattr(page, "first_published_at", None)
    if moment is not None:
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
    day = getattr(page, "published_on", None)
    return f"{day:%Y-%m-%d} 00:00" if day else ""


def _images(page, request) -> str:
    found = []
    for src in _IMG_SRC.findall(expand_db_html(getattr(page, "body", "") or "")):
        found.append(src if "://" in src else request.build_absolute_uri(src))
    return ",".join(dict.fromkeys(found))


@register.simple_tag(takes_context=True)
def gov_meta(context) -> dict:
    request = context.get("request")
    identity = identity_for(request)
    page = context.get("page")
    site_name = identity.name if identity else "行政执法监督公开平台"
    domain = (identity.site_domain if identity else "") or (request.get_host().split(":")[0] if request else "")
    meta = {
        "site_name": site_name, "site_domain": domain, "site_id_code": identity.site_id_code if identity else "",
        "keywords": identity.keywords if identity else "",
        "url": request.build_absolute_uri(request.path) if request is not None else "",
        "is_home": bool(page is not None and _is_root(page, request)),
        "column_name": "", "column_type": "", "column_description": "",
        "description": page_description(page) or (identity.description if identity else "") or site_name,
        "article": None,
    }
    if page is None:
        meta["column_name"], meta["column_type"] = view_column(request)
        return meta
    column = _column(page, request)
    if column is not None:
        meta["column_name"] = "首页" if _is_root(column, request) else column.title
        meta["column_type"] = getattr(column, "gov_column_type", "")
        if not getattr(page, "gov_article", False):
            meta["column_description"] = meta["description"]
        else:
            meta["column_description"] = page_description(column)
    if getattr(page, "gov_article", False):
        keywords = ",".join(getattr(page, "keyword_list", []) or [])
        meta["article"] = {
            "title": page.seo_title or page.title, "pub_date": _pub_date(page),
            "source": getattr(page, "issuer", "") or site_name, "keywords": keywords,
            "author": getattr(page, "issuer", "") or site_name, "images": _images(page, request),
        }
        if keywords:
            meta["keywords"] = keywords
    return meta


@register.inclusion_tag("includes/gov_footer.html", takes_context=True)
def gov_footer(context):
    return {"identity": identity_for(context.get("request"))}


@register.simple_tag
def display_mode_script():
    """<script> with display_mode.early_script(), allowed by its hash in the CSP."""
    from django.utils.safestring import mark_safe

    from display_mode import early_script

    return mark_safe(f"<script>{early_script()}</script>")  # noqa: S308 (our own static file)
