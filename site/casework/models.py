"""Agencies (执法机关), supervision matters (监督事项, 一案一档), attachments and served documents (文书送达).

A matter is the case file every casework process (letters, complaints, coordination, accountability,
the yearly programme) hangs its work on. Documents are numbered from a locked per-year sequence; the
date an agency *received* one (送达回证) is what starts its clocks — never the issue date."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .storage import private_storage, random_name


# ------------------------------------------------------------------ agency register
class Agency(models.Model):
    """An enforcement agency under supervision (被监督机关), per jurisdiction. Its liaisons are the staff
    accounts whose StaffProfile names it; a process can only address an agency that has one."""

    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    name = models.CharField("机关名称", max_length=100)
    short_name = models.CharField("简称", max_length=30, blank=True)
    # the agency's own 发文字号 代字 (e.g. 武隆市监), for documents it issues itself on the platform — the cases its
    # legal unit runs (过错 第五条、错案 第四条); blank: its 简称, else its name
    doc_code = models.CharField("发文机关代字", max_length=12, blank=True,
                                help_text="本机关自行办理责任追究案件时制发文书的发文字号代字，如“武隆市监”")
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True,
                                   help_text="18位，按GB 32100校验")
    head_name = models.CharField("主要负责人", max_length=30, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("办公电话", max_length=30, blank=True)
    active = models.BooleanField("在册", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "执法机关"
        verbose_name_plural = "执法机关名录"
        ordering = ["jurisdiction", "name"]
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "name"], name="agency_unique_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from stdnum.cn import uscc
        from stdnum.exceptions import ValidationError as StdnumError

        self.name = (self.name or "").strip()
        if self.credit_code:
            try:
                self.credit_code = uscc.validate(self.credit_code)
            except StdnumError:
                raise ValidationError({"credit_code": "统一社会信用代码格式或校验位不正确。"}) from None

    @property
    def liaisons(self):
        from django.contrib.auth import get_user_model

        from roles.definitions import LIAISON

        return get_user_model().objects.filter(staff_profile__agency=self, is_active=True, groups__name=LIAISON)

    @property
    def has_liaison(self) -> bool:
        known = getattr(self, "liaison_known", None)  # read with casework.selectors.addressable_agencies
        return True if known else self.liaisons.exists()


# ------------------------------------------------------------------ supervision matter (一案一档)
SOURCES = [
    ("inspection", "监督检查"),
    ("casefile_review", "案卷评查"),
    ("evaluation", "考核评议"),
    ("complaint", "投诉举报"),
    ("supervisor_lead", "监督员线索"),
    ("coordination", "争议协调"),
    ("statistics", "统计分析"),
    ("notification", "监督通报"),
    ("court", "司法建议、判决"),
    ("own_initiative", "依职权发现"),
    ("special", "专项行政执法监督"),
]
SPECIAL = "special"
OPEN, CLOSED = "open", "closed"


class Matter(models.Model):
    """One supervision matter and its file (004 监督意见书制度 第十一条: 一案一档)."""

    number = models.CharField("案号", max_length=40, unique=True)
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    source = models.CharField("来源", max_length=32, choices=SOURCES)
    # 专项行政执法监督 (003 第二十一条): which kind of source (the profile's special_supervision_sources) and
    # the reference of the source document (建议、提案编号, 交办函文号)
    special_kind = models.CharField("专项监督来源", max_length=32, blank=True)
    source_reference = models.CharField("来源文件文号或编号", max_length=100, blank=True)
    process = models.CharField("办理程序", max_length=32, blank=True, db_index=True,
                               help_text="letter / complaint / coordination / accountability / programme")
    # blank only for a file about the bureau's own staff (004 投诉 第十五条: the receiving organ's staff misbehaved):
    # no agency is supervised there, the persons concerned belong to the bureau itself (respondent_name)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="matters",
                               verbose_name="被监督机关")
    # other agencies party to the matter (e.g. the other side of a dispute, 004 争议协调办法 第十二条): their
    # liaisons see the file and acknowledge the documents addressed to them
    parties = models.ManyToManyField(Agency, blank=True, related_name="matters_as_party", verbose_name="其他相关机关")
    title = models.CharField("事项名称", max_length=200)
    facts = models.TextField("基本事实")
    # what the bureau chooses to tell the agency of the facts (for a complaint: never the complainant's account);
    # the agency's liaison reads this, never `facts` (casework.visibility)
    party_summary = models.TextField("告知被监督机关的事实摘要", blank=True)
    status = models.CharField("状态", max_length=16, default=OPEN, db_index=True,
                              choices=[(OPEN, "办理中"), (CLOSED, "已办结")])
    stage = models.CharField("当前环节", max_length=100, blank=True)
    opened_on = models.DateField("立案日期")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="立案人")
    closed_on = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监督事项"
        verbose_name_plural = "监督事项"
        ordering = ["-opened_on", "-pk"]
        # the matter list's order: a page (also page 500 of 100k) is read off this index, not sorted (issue 28)
        indexes = [models.Index(fields=["-opened_on", "-id"], name="matter_opened_order"),
                   # the workbench's 我立案的办理中事项 (workbench.my_matters: its first 10 and its count) of one officer,
                   # read off the open matters only, not a bitmap of every open matter (40-150 ms at 100,000)
                   models.Index(fields=["opened_by", "-opened_on", "-id"], name="matter_open_by_opener",
                                condition=models.Q(status="open")),
                   # the workbench's 办理中事项 by process (workbench.process_counts), of every jurisdiction or of a
                   # bound account's own: counted off this index alone, not the open matters' rows (56-69 ms at 100,000)
                   models.Index(fields=["jurisdiction", "process"], name="matter_open_process",
                                condition=models.Q(status="open")),
                   # a bound account's matters (roles.access.bureau_jurisdiction) as keys, joined to what hangs off
                   # them (unserved documents, letters …) off the index alone: 武隆's 73,000 of 100,000 matters read
                   # as rows cost 80-130 ms on every cold 我的待办
                   models.Index(fields=["jurisdiction", "id"], name="matter_jurisdiction_key")]
        permissions = [("open_matter", "可立案登记监督事项"), ("issue_document", "可签发监督文书"),
                       ("record_service", "可登记文书送达")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def bureau_staff(self) -> bool:
        """A file about the bureau's own staff (投诉 第十五条): no agency under supervision."""
        return self.agency_id is None

    @property
    def respondent_name(self) -> str:
        """Whom the file concerns: the agency under supervision, or the bureau itself for its own staff."""
        if self.agency_id is not None:
            return self.agency.name
        if self.process == "interference":  # a referral's file (干预插手规定 第九条): no agency is supervised
            return "违反规定干预办案的行政执法机关内部人员"
        from rules.profiles import get_profile

        return f"{get_profile(self.jurisdiction).authority}（本机关工作人员）"

    @property
    def letter(self):
        """The file's first supervision letter (a file may hold several: `letters`, from the letter process)."""
        return self.letters.order_by("pk").first() if self.pk else None

    def admin_url(self) -> str:
        from django.urls import reverse

        return reverse("casework:matter", args=[self.pk])

    @property
    def source_text(self) -> str:
        """来源 as the file states it: 专项行政执法监督（人大代表建议，恩施州人大〔2026〕12号；恩施办法第二十一条）."""
        text = self.get_source_display()
        if self.source != SPECIAL:
            return text
        from rules.profiles import get_profile

        parts, article = [], ""
        profile = get_profile(self.jurisdiction)
        if profile.has("special_supervision_sources"):
            found = [c for c in profile.choices("special_supervision_sources") if c["code"] == self.special_kind]
            if found:
                parts.append(found[0]["label"])
                article = str(found[0]["citation"])
        if self.source_reference:
            parts.append(self.source_reference)
        inner = "，".join(parts) + (f"；{article}" if article else "")
        return f"{text}（{inner}）" if inner else text

    @property
    def current_stage(self) -> str:
        """当前环节, derived from the steps waiting in the matter's flows (casework.stages)."""
        from .stages import current_stage

        return current_stage(self)


# ------------------------------------------------------------------ attachments (private files)
class Attachment(models.Model):
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="attachments", verbose_name="监督事项")
    file = models.FileField("文件", storage=private_storage, upload_to=random_name("attachments"))
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    description = models.CharField("说明", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="上传人")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


# ------------------------------------------------------------------ documents (文书) and service (送达)
class IssuedFiles(models.Model):
    """The files of an issued document: the PDF, the editable .docx beside it, the values its wording was
    filled with (for previews of a changed template), and the signed scan the officer uploads, which from
    then on is the version served (all private)."""

    docx = models.FileField("Word文档", storage=private_storage, upload_to=random_name("documents"), blank=True)
    values = models.JSONField("措辞数据", default=dict, blank=True)
    signed_scan = models.FileField("签章扫描件", storage=private_storage, upload_to=random_name("signed"),
                                   blank=True)
    signed_type = models.CharField("扫描件类型", max_length=100, blank=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name="扫描件上传人")
    signed_at = models.DateTimeField("扫描件上传时间", null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def served_file(self):
        """What is served as the document: the signed scan once uploaded, else the generated PDF."""
        return self.signed_scan if self.signed_scan else self.pdf


class Document(IssuedFiles):
    """An official document issued in a matter: numbered, rendered as PDF, served on its addressee.
    `received_on` (送达回证) starts the addressee's clocks."""

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="documents", verbose_name="监督事项")
    kind = models.CharField("文书种类", max_length=32)
    kind_label = models.CharField("文书名称", max_length=50)
    doc_number = models.CharField("发文字号", max_length=64, unique=True)
    year = models.PositiveSmallIntegerField("年度")
    seq = models.PositiveIntegerField("序号")
    title = models.CharField("标题", max_length=200)
    addressee = models.CharField("主送", max_length=200)
    body = models.TextField("正文")
    article = models.CharField("依据条款", max_length=200, blank=True)
    issued_on = models.DateField("成文日期")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="签发人")
    pdf = models.FileField("PDF", storage=private_storage, upload_to=random_name("documents"), blank=True)
    received_on = models.DateField("送达（签收）日期", null=True, blank=True)
    service_method = models.CharField("送达方式", max_length=50, blank=True)
    received_by_name = models.CharField("签收人", max_length=50, blank=True)
    service_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+", verbose_name="送达登记人")
    service_recorded_at = models.DateTimeField("送达登记时间", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监督文书"
        verbose_name_plural = "监督文书"
        ordering = ["issued_on", "pk"]
        # the documents not yet served (我的待办, casework.todos): a few hundred among a province's hundreds of
        # thousands, read in this order without scanning the served ones (issue 28)
        indexes = [models.Index(fields=["issued_on", "id"], name="document_unserved",
                                condition=models.Q(received_on__isnull=True)),
                   # the same by matter: a bound officer's (roles.access.bureau_jurisdiction) unserved documents are
                   # those of its jurisdiction's thousands of matters, hashed against this short list (6 ms at
                   # 100,000 matters for 万州, not a probe of every document of each of its matters: 30-50 ms)
                   models.Index(fields=["matter"], name="document_unserved_matter",
                                condition=models.Q(received_on__isnull=True)),
                   # the matters with a 通报 (referrals.todos: the letters 被通报 waiting for the 情节严重 judgement),
                   # a few among 300,000 documents, read without scanning the others
                   models.Index(fields=["matter"], name="document_circular_matter",
                                condition=models.Q(kind="circular"))]

    def __str__(self) -> str:
        return f"{self.kind_label} {self.doc_number}"

    @property
    def served(self) -> bool:
        return self.received_on is not None


class DocumentTemplate(models.Model):
    """A jurisdiction's wording of one document kind (title, body, 附注 with {placeholders}); without a row
    the shipped default (the process's texts.py) applies. Changed only through casework.templates_admin,
    which checks it and writes a DocumentTemplateChange."""

    jurisdiction = models.CharField("辖区", max_length=32)
    kind = models.CharField("文书种类", max_length=32)
    title = models.CharField("标题模板", max_length=300)
    body = models.TextField("正文模板", help_text="每行一段；{占位符}在制发时填入")
    notes = models.TextField("附注模板", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="修改人")
    updated_at = models.DateTimeField("修改时间")

    class Meta:
        verbose_name = "文书模板"
        verbose_name_plural = "文书模板"
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "kind"], name="one_template_per_kind")]
        permissions = [("edit_template", "可修改文书模板")]

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.kind}"


class DocumentTemplateChange(models.Model):
    """Every change of a template: who, when, what it said before and after (append-only)."""

    jurisdiction = models.CharField("辖区", max_length=32)
    kind = models.CharField("文书种类", max_length=32)
    title_before = models.CharField("原标题模板", max_length=300)
    body_before = models.TextField("原正文模板")
    notes_before = models.TextField("原附注模板", blank=True)
    title = models.CharField("新标题模板", max_length=300)
    body = models.TextField("新正文模板")
    notes = models.TextField("新附注模板", blank=True)
    reason = models.CharField("修改说明", max_length=200)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="修改人")
    changed_at = models.DateTimeField("修改时间", auto_now_add=True)

    class Meta:
        verbose_name = "文书模板修改记录"
        verbose_name_plural = "文书模板修改记录"
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.kind} {self.changed_at:%Y-%m-%d %H:%M}"


class DocumentSequence(models.Model):
    """发文字号 counter: one per jurisdiction, issuer, document kind and year, taken under a row lock. The issuer is
    the bureau ("") or an agency issuing in its own name ("agency:<pk>", casework.documents.issue(issuer=...))."""

    jurisdiction = models.CharField(max_length=32)
    issuer = models.CharField(max_length=32, blank=True, default="")
    kind = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "issuer", "kind", "year"],
                                               name="one_document_sequence_per_issuer")]

    def __str__(self) -> str:
        return f"{self.jurisdiction}{' ' + self.issuer if self.issuer else ''} {self.kind} {self.year}：{self.last}"


class MatterSequence(models.Model):
    """案号 counter per jurisdiction and year."""

    jurisdiction = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "year"], name="one_matter_sequence")]

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.year}：{self.last}"


INTERNAL, PARTY = "internal", "party"


class MatterEvent(models.Model):
    """The matter's log (全程留痕): every step, who, when — append-only, shown on the matter screen."""

    INTERNAL, PARTY = INTERNAL, PARTY

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("时间", auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                           related_name="+", verbose_name="经办人")
    text = models.CharField("事项", max_length=500)
    # who may read it: the agency's liaison reads only PARTY events (service, its answers and reports);
    # everything else (investigators, deliberations, extensions) is INTERNAL to the bureau
    audience = models.CharField("可见范围", max_length=8, choices=[(INTERNAL, "仅司法局"), (PARTY, "含被监督机关")],
                                default=INTERNAL)
    # a PARTY event that concerns one agency only (its service, its answer) is shown to that agency alone
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="所涉机关")

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.text}"


# ------------------------------------------------------------------ recusal of the bureau's own staff
DECLARED, FOUND = "declared", "found"


class Recusal(models.Model):
    """A member of the bureau's staff kept off one matter (003 第二十四条第（二）项; 004 第八条 for complaint
    investigators): declared by the person or found by a leader. From then on they may neither draft, sign,
    review nor decide in that matter (casework.recusal.require_not_recused). Recorded, never deleted."""

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="recusals", verbose_name="监督事项")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recusals",
                             verbose_name="回避人员")
    origin = models.CharField("提出方式", max_length=16, choices=[(DECLARED, "本人申请回避"), (FOUND, "负责人决定回避")])
    ground = models.CharField("回避事由", max_length=200)
    article = models.CharField("依据条款", max_length=100)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="决定人")
    decided_at = models.DateTimeField("决定时间")

    class Meta:
        verbose_name = "工作人员回避"
        verbose_name_plural = "工作人员回避"
        ordering = ["decided_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["matter", "user"], name="casework_one_recusal_per_person")]
        permissions = [("order_recusal", "可决定工作人员回避")]

    def __str__(self) -> str:
        return f"{self.matter.number} {self.user} 回避"
