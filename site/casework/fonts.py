"""The fonts of official documents, by the role GB/T 9704-2012 gives each one, and their installation.

| role | GB/T 9704-2012 | default (free, installed by the project) |
|---|---|---|
| fangsong 仿宋 | 5.2.2 (every element unless said otherwise: 3号仿宋), 7.2.5, 7.3.2–7.3.6, 7.4 | FandolFang Regular |
| xiaobiaosong 小标宋 | 7.2.4 发文机关标志 (red 小标宋), 7.3.1 标题 (2号小标宋), 9.1 | FandolSong Bold |
| song 宋体 | 7.5 页码 (4号半角宋体阿拉伯数字) | FandolSong Regular |

The Fandol fonts (GPL with the font exception, so documents may embed them) are the only freely licensed
仿宋 in the registries this project installs from: TeX Live ships them, in Debian's `texlive-lang-chinese`.
`manage.py install_document_fonts` (run by `make install` and `.ci/run`) takes them from a TeX Live
installation when one is there, else fetches that one package file with `apt-get download` (no root needed,
nothing installed system-wide) and unpacks only the fonts. They are CFF-flavoured OpenType, which reportlab
cannot embed, so the command converts their outlines to TrueType (fontTools' cu2qu) once, into
DOCUMENT_FONT_DIR (default `.fonts/` in the checkout).

A bureau with licensed fonts names them per role (settings DOCUMENT_FONTS or the environment variables
DOCUMENT_FONT_FANGSONG / _XIAOBIAOSONG / _SONG): e.g. 方正小标宋简体 and 仿宋_GB2312 TrueType files.
A role whose file is missing falls back to the next one listed, lastly to WenQuanYi Micro Hei (installed
from PyPI), and `manage.py check` warns; a glyph missing from a font (a rare character in a name) is drawn
from the next font that has it. Every font is embedded as a subset: the PDF carries no unembedded font."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)

FANGSONG, XIAOBIAOSONG, SONG = "fangsong", "xiaobiaosong", "song"
ROLES = {
    FANGSONG: ("仿宋", "FandolFang-Regular"),
    XIAOBIAOSONG: ("小标宋", "FandolSong-Bold"),
    SONG: ("宋体", "FandolSong-Regular"),
}
# where a role's font is missing, the next that stands in for it
STAND_INS = {FANGSONG: [SONG], XIAOBIAOSONG: [SONG, FANGSONG], SONG: [FANGSONG]}
DEBIAN_PACKAGE = "texlive-lang-chinese"
TEXLIVE_FANDOL = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"


def font_dir() -> Path:
    return Path(getattr(settings, "DOCUMENT_FONT_DIR", "") or Path(settings.BASE_DIR) / ".fonts")


def fallback_path() -> str:
    """WenQuanYi Micro Hei from PyPI (paperang-p2-fonts-cjk): always there, covers GBK; the last resort."""
    return str(resources.files("paperang_p2_fonts_cjk") / "fonts" / "wqy-microhei.ttc")


def configured(role: str) -> str:
    """A bureau's own file for the role (settings.DOCUMENT_FONTS[role]), or ''."""
    return (getattr(settings, "DOCUMENT_FONTS", {}) or {}).get(role, "") or ""


def default_path(role: str) -> Path:
    return font_dir() / f"{ROLES[role][1]}.ttf"


def path_for(role: str) -> str | None:
    """The TrueType file that serves the role, or None when neither a configured nor the installed one exists."""
    own = configured(role)
    if own:
        if Path(own).is_file():
            return own
        log.warning("document font for %s not found: %s", role, own)
    path = default_path(role)
    return str(path) if path.is_file() else None


def chain(role: str) -> list[str]:
    """Files to draw the role with, in order: its own, its stand-ins, WenQuanYi Micro Hei."""
    out = []
    for r in [role, *STAND_INS[role]]:
        p = path_for(r)
        if p and p not in out:
            out.append(p)
    fb = fallback_path()
    if fb not in out:
        out.append(fb)
    return out


def missing_roles() -> list[str]:
    return [role for role in ROLES if path_for(role) is None]


# ------------------------------------------------------------------ installation
def is_cff(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"OTTO"


def to_truetype(src: Path, dest: Path) -> None:
    """CFF (PostScript) outlines → TrueType quadratic outlines (fontTools.cu2qu, max error 1 unit), the
    fontTools 'otf2ttf' recipe; metrics, cmap and names unchanged."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(src))
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.compile(font)
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    tmp = dest.with_suffix(".part")
    font.save(str(tmp))
    tmp.replace(dest)


def _texlive_sources() -> Path | None:
    for root in ("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol",
                 "/usr/local/texlive/texmf-dist/fonts/opentype/public/fandol"):
        if Path(root, "FandolFang-Regular.otf").is_file():
            return Path(root)
    return None


def _from_debian(workdir: Path, say) -> Path:
    """apt-get download the one package file (as any user) and unpack its Fandol fonts into workdir."""
    if not shutil.which("apt-get") or not shutil.which("dpkg-deb"):
        raise RuntimeError("这台机器没有apt-get/dpkg-deb：请从TeX Live（CTAN的fandol宏包）取得Fandol字体，"
                           "放入DOCUMENT_FONT_SOURCE指定的目录后重试，或用DOCUMENT_FONTS指定本单位的字体文件。")
    say(f"apt-get download {DEBIAN_PACKAGE}")
    run = subprocess.run(["apt-get", "download", DEBIAN_PACKAGE], cwd=workdir, capture_output=True, text=True)
    if run.returncode != 0 and os.geteuid() == 0:  # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
        run = subprocess.run(["apt-get", "download", DEBIAN_PACKAGE], cwd=workdir, capture_output=True, text=True)
    debs = sorted(workdir.glob(f"{DEBIAN_PACKAGE}_*.deb"))
    if run.returncode != 0 or not debs:
        raise RuntimeError(f"apt-get download {DEBIAN_PACKAGE} 失败：{run.stderr.strip()[-300:]}")
    tar = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(debs[-1])], stdout=subprocess.PIPE)
    names = [f"./{TEXLIVE_FANDOL}/{ROLES[r][1]}.otf" for r in ROLES]
    subprocess.run(["tar", "-x", "-C", str(workdir), *names], stdin=tar.stdout, check=True)
    tar.wait()
    return workdir / TEXLIVE_FANDOL


def install(*, force: bool = False, say=print) -> list[Path]:
    """Put the TrueType Fandol fonts into font_dir(); idempotent (existing files are kept unless force)."""
    dest = font_dir()
    dest.mkdir(parents=True, exist_ok=True)
    wanted = [r for r in ROLES if force or not default_path(r).is_file()]
    if not wanted:
        say(f"公文字体已安装：{dest}")
        return [default_path(r) for r in ROLES]
    with tempfile.TemporaryDirectory(prefix="fandol-") as tmp:
        source = getattr(settings, "DOCUMENT_FONT_SOURCE", "") or _texlive_sources()
        source = Path(source) if source else _from_debian(Path(tmp), say)
        for role in wanted:
            otf = source / f"{ROLES[role][1]}.otf"
            if not otf.is_file():
                raise RuntimeError(f"缺少字体文件：{otf}")
            say(f"转换 {otf.name} → {default_path(role)}（TrueType轮廓）")
            if is_cff(otf):
                to_truetype(otf, default_path(role))
            else:
                shutil.copyfile(otf, default_path(role))
    _chains.cache_clear()
    return [default_path(r) for r in ROLES]


def chains() -> dict[str, list[str]]:
    """The chain of every role, kept until the settings that decide it change."""
    key = (str(font_dir()), tuple(sorted((getattr(settings, "DOCUMENT_FONTS", {}) or {}).items())))
    return _chains(key)


@lru_cache(maxsize=8)
def _chains(key) -> dict[str, list[str]]:
    return {role: chain(role) for role in ROLES}
