"""Demo site structure: a portal home and one section per jurisdiction, and demo staff accounts."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from pages.models import HomePage, JurisdictionPage
from pages.site_identity import SiteIdentity
from roles.definitions import EDITOR, LEADER, LIAISON, OFFICER, SUPERVISOR
from roles.models import StaffProfile
from rules.models import RuleProfile

from .loaders import loader

SECTIONS = [
    ("wanzhou", "万州区司法局", "wanzhou", "重庆市万州区", "023-58000000"),
    ("weihai", "威海市司法局", "weihai", "山东省威海市", "0631-5000000"),
    ("wuhan", "武汉市司法局", "wuhan", "湖北省武汉市", "027-85000000"),
    ("enshi", "恩施州司法局", "enshi", "湖北省恩施市", "0718-8000000"),
    ("wulong", "武隆区司法局", "wulong", "重庆市武隆区", "023-77000000"),
]

# 网站信息 of the demo site: every number is marked 示例 (no real 标识码 or 备案号)
DEMO_IDENTITY = {
    "site_name": "行政执法监督公开平台",
    "site_id_code": "5000000000（示例）",
    "description": "各地司法局行政执法监督信息公开：监督员选聘公告、拟聘人员公示、聘任与解聘公告、"
                   "典型案例、行政执法统计年报和监督情况通报。",
    "keywords": "行政执法监督,社会监督员,司法局,信息公开",
    "sponsor": "示例市司法局（示例）",
    "organizer": "示例市司法局行政执法监督科（示例）",
    "contact_phone": "023-00000000（示例）",
    "contact_address": "示例市示例区示例路1号（示例）",
    "contact_email": "contact@example.invalid",
    "icp_number": "渝ICP备00000000号（示例）",
    "police_number": "渝公网安备 50000000000000号（示例）",
    "sitemap_url": "/sitemap.xml",
    "footer_note": "本平台为演示部署，标识码与备案号均为示例，内容以各司法局正式发布为准",
}

# (username, display name, group, password) — printed by `make run`; load_demo refuses to run
# unless settings.DEMO_CONTENT_ALLOWED (dev only), so these never exist in production.
DEMO_USERS = [
    ("admin", "系统管理员", None, "demo-admin-2026"),
    ("editor", "王编辑", EDITOR, "demo-editor-2026"),
    ("officer", "李经办", OFFICER, "demo-officer-2026"),
    ("leader", "张局长", LEADER, "demo-leader-2026"),
    ("liaison", "赵联络员", LIAISON, "demo-liaison-2026"),
    ("supervisor", "陈监督员", SUPERVISOR, "demo-supervisor-2026"),
    ("officer_wl", "刘经办", OFFICER, "demo-officer-2026"),
]
# a district bureau's officer: bound to one jurisdiction (roles.access.bureau_jurisdiction), it sees and handles only
# that jurisdiction's casework and registers; the other accounts above work in every jurisdiction
DEMO_JURISDICTIONS = {"officer_wl": "wulong"}


@loader("站点结构", stage=0)
def load_site_tree() -> str:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(
            title="行政执法监督公开平台", slug="home-portal",
            intro="<p>本平台公开各地司法局行政执法监督工作信息：监督员选聘公告、拟聘人员公示、"
                  "聘任与解聘公告、典型案例、行政执法统计年报和监督情况通报。</p>"))
        home.save_revision().publish()  # a live revision, so later scheduled edits keep the live version
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "行政执法监督公开平台"
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                                site_name="行政执法监督公开平台")
        if old_root is not None and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome" placeholder
    for code, title, slug, place, phone in SECTIONS:
        if JurisdictionPage.objects.filter(slug=slug).exists():
            continue
        profile = RuleProfile.objects.get(code=code)
        home.add_child(instance=JurisdictionPage(
            title=title, slug=slug, profile=profile, show_in_menus=True,
            intro=f"<p>{title}依法承担{place}行政执法监督具体工作，本栏目公开监督员管理、"
                  "执法监督通报、典型案例和统计年报等信息。</p>",
            address=f"{place}（演示地址）", phone=phone)).save_revision().publish()
    default_site = Site.objects.filter(is_default_site=True).first()
    if default_site is not None:  # an editor's later changes are kept
        SiteIdentity.objects.get_or_create(site=default_site, defaults=DEMO_IDENTITY)
    return f"首页 + {JurisdictionPage.objects.count()} 个辖区栏目 + 网站信息"


@loader("演示账号", stage=1)
def load_users() -> str:
    User = get_user_model()
    for username, name, group_name, password in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": name, "email": f"{username}@example.invalid"})
        if created:
            user.set_password(password)
        user.is_staff = True
        user.is_superuser = group_name is None
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        if username in DEMO_JURISDICTIONS:
            StaffProfile.objects.update_or_create(user=user, defaults={"jurisdiction": DEMO_JURISDICTIONS[username]})
    return f"{len(DEMO_USERS)} 个账号"
