"""`manage.py check` says when the fonts of official documents are missing (documents would fall back to
WenQuanYi Micro Hei, a sans-serif no bureau accepts)."""
from django.core import checks


@checks.register()
def document_fonts(app_configs, **kwargs):
    from . import fonts

    missing = fonts.missing_roles()
    if not missing:
        return []
    names = "、".join(fonts.ROLES[r][0] for r in missing)
    return [checks.Warning(f"公文字体未安装：{names}。", id="casework.W001",
                           hint="运行 make install（或 manage.py install_document_fonts），"
                                "或以 DOCUMENT_FONT_FANGSONG 等环境变量指定本单位的字体文件。")]
