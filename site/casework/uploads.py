"""What may be attached to a case file: checked by size, by extension and by the file's own bytes
(`filetype` reads the magic number, so a renamed .exe is refused whatever its name says)."""
from __future__ import annotations

import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

# extension -> MIME types its bytes may show (None: a text format with no magic number)
ALLOWED = {
    ".pdf": {"application/pdf"},
    ".jpg": {"image/jpeg"}, ".jpeg": {"image/jpeg"}, ".png": {"image/png"},
    ".docx": {"application/zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ".xlsx": {"application/zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    ".doc": {"application/msword", "application/x-ole-storage", "application/CDFV2"},
    ".xls": {"application/vnd.ms-excel", "application/x-ole-storage", "application/CDFV2"},
    ".ofd": {"application/zip"},
    ".txt": None,
}
ALLOWED_TEXT = "PDF、JPG、PNG、Word（doc/docx）、Excel（xls/xlsx）、OFD、TXT"


def max_bytes() -> int:
    return int(getattr(settings, "CASEWORK_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))


def check_upload(upload) -> str:
    """Refuse what is not allowed with a Chinese message; return the MIME type to store."""
    name = os.path.basename(getattr(upload, "name", "") or "")
    ext = os.path.splitext(name)[1].lower()
    if not name or ext not in ALLOWED:
        raise ValidationError(f"不支持的文件类型“{ext or name or '无扩展名'}”。可上传：{ALLOWED_TEXT}。")
    size = upload.size or 0
    if size == 0:
        raise ValidationError("文件为空，请重新选择。")
    if size > max_bytes():
        raise ValidationError(f"文件过大（{size / 1024 / 1024:.1f} MB），单个文件不得超过"
                              f"{max_bytes() // 1024 // 1024} MB。")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    wanted = ALLOWED[ext]
    if wanted is None:
        if kind is not None or b"\x00" in head:
            raise ValidationError("文件内容与扩展名不符：不是纯文本文件。")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            try:
                head.decode("gb18030")
            except UnicodeDecodeError:
                raise ValidationError("文本文件编码无法识别，请保存为UTF-8后上传。") from None
        return "text/plain"
    if kind is None:
        if ext in (".doc", ".xls") and head.startswith(b"\xd0\xcf\x11\xe0"):
            return "application/msword" if ext == ".doc" else "application/vnd.ms-excel"
        raise ValidationError(f"文件内容与扩展名“{ext}”不符，可能已损坏或被改名。")
    if kind.mime not in wanted:
        raise ValidationError(f"文件内容（{kind.mime}）与扩展名“{ext}”不符，可能已被改名。")
    return kind.mime
