"""行政执法辅助人员名册 (武隆 004《行政执法辅助人员管理办法》): who an agency uses, through which labour-dispatch
unit and agreement (第五条), on which post, under which enforcement officer (第九条), from when to when.
The ID number is encrypted at rest and masked in lists (crypto_fields, masking)."""
from __future__ import annotations

from django.conf import settings
from django.db import models

from casework.storage import private_storage, random_name
from crypto_fields import BlindIndexField, EncryptedCharField
from masking import mask_id

STATUSES = [("active", "在岗"), ("suspended", "停岗"), ("ended", "期满离岗"), ("dismissed", "已解除劳动关系")]
CURRENT = ("active", "suspended")  # on the register: one such record per person and agency


class AuxiliaryStaff(models.Model):
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="auxiliary_staff",
                               verbose_name="使用机关")
    name = models.CharField("姓名", max_length=32)
    id_number = EncryptedCharField("身份证号", max_length=18)
    id_number_hash = BlindIndexField("身份证号检索码", source="id_number")
    birth_date = models.DateField("出生日期")
    education = models.CharField("学历", max_length=32)
    veteran = models.BooleanField("退伍军人", default=False)
    dispatch_unit = models.CharField("劳务派遣单位", max_length=100)
    dispatch_agreement = models.CharField("劳务派遣协议编号", max_length=60)
    post = models.CharField("岗位", max_length=60)
    special_reason = models.TextField("特殊岗位调整招聘条件的原因", blank=True)
    post_age_min = models.PositiveSmallIntegerField("特殊岗位最低年龄", null=True, blank=True)
    post_education = models.CharField("特殊岗位学历要求", max_length=32, blank=True)
    duties = models.JSONField("岗位职责", default=list, blank=True, help_text="规则配置 auxiliary_duties 的代码")
    supervising_officer = models.CharField("指导执法人员", max_length=32)
    officer_certificate = models.CharField("指导执法人员执法证号", max_length=40)
    start = models.DateField("使用起始日期")
    end = models.DateField("使用截止日期", null=True, blank=True)
    status = models.CharField("状态", max_length=16, choices=STATUSES, default="active")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "行政执法辅助人员"
        verbose_name_plural = "行政执法辅助人员名册"
        ordering = ["agency__name", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "id_number_hash"],
                                               condition=models.Q(status__in=CURRENT),
                                               name="auxiliary_one_active_per_agency")]

    def __str__(self) -> str:
        return f"{self.name}（{self.agency}）"

    @property
    def id_masked(self) -> str:
        return mask_id(self.id_number)


class _Decided(models.Model):
    """Who recorded it (the account) and who decided it (the agency's person named in the decision)."""
    decided_on = models.DateField("决定日期")
    decider = models.CharField("决定人", max_length=32)
    article = models.CharField("依据条款", max_length=100)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    decision = models.ForeignKey("decisions.DecisionRecord", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name="决定记录")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        abstract = True


class Assessment(_Decided):
    """A periodic assessment (第十六条): its grade is the basis for renewal, dismissal, rewards and post changes."""
    staff = models.ForeignKey(AuxiliaryStaff, on_delete=models.PROTECT, related_name="assessments",
                              verbose_name="辅助人员")
    period_start = models.DateField("考核期间起")
    period_end = models.DateField("考核期间止")
    grade = models.CharField("考核等次代码", max_length=16)
    grade_label = models.CharField("考核等次", max_length=16)
    effect = models.CharField("结果运用代码", max_length=16)
    remarks = models.TextField("考核情况（工作绩效、遵章守纪、教育培训）")

    class Meta:
        verbose_name = "辅助人员考核"
        verbose_name_plural = "辅助人员考核"
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff.name}考核：{self.grade_label}"



class StatusChange(_Decided):
    """One change of a person's status (在岗 → 停岗 / 期满离岗 / 已解除劳动关系, 续聘 …) with its reason."""
    staff = models.ForeignKey(AuxiliaryStaff, on_delete=models.PROTECT, related_name="status_changes",
                              verbose_name="辅助人员")
    kind = models.CharField("变更类型代码", max_length=16)
    kind_label = models.CharField("变更类型", max_length=40)
    from_status = models.CharField("变更前状态", max_length=16, choices=STATUSES)
    to_status = models.CharField("变更后状态", max_length=16, choices=STATUSES)
    reason = models.TextField("原因")
    new_end = models.DateField("续聘后使用截止日期", null=True, blank=True)
    from_post = models.CharField("调整前岗位", max_length=60, blank=True)
    new_post = models.CharField("调整后岗位", max_length=60, blank=True)
    assessment = models.ForeignKey(Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="所依据的考核")

    class Meta:
        verbose_name = "辅助人员状态变更"
        verbose_name_plural = "辅助人员状态变更"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff.name}：{self.kind_label}"



class Sanction(_Decided):
    """The agency's handling of a breach (第十七条), citing the prohibited acts (第十条) it concerns."""
    staff = models.ForeignKey(AuxiliaryStaff, on_delete=models.PROTECT, related_name="sanctions",
                              verbose_name="辅助人员")
    measure = models.CharField("处理方式代码", max_length=16)
    measure_label = models.CharField("处理方式", max_length=40)
    acts = models.JSONField("违反的禁止行为", default=list, help_text="规则配置 auxiliary_prohibited_acts 的代码")
    facts = models.TextField("违反办法的事实")
    status_change = models.ForeignKey(StatusChange, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+", verbose_name="随之解除劳动关系")

    class Meta:
        verbose_name = "辅助人员违反办法的处理"
        verbose_name_plural = "辅助人员违反办法的处理"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff.name}：{self.measure_label}"



class StaffRecord(models.Model):
    """An entry of the person's file kept by the agency (第十四条): training, confidentiality undertaking, rewards,
    daily management; with an optional scanned attachment kept in the private storage."""
    staff = models.ForeignKey(AuxiliaryStaff, on_delete=models.PROTECT, related_name="records",
                              verbose_name="辅助人员")
    kind = models.CharField("档案类别代码", max_length=16)
    kind_label = models.CharField("档案类别", max_length=40)
    article = models.CharField("依据条款", max_length=100)
    day = models.DateField("日期")
    title = models.CharField("事项", max_length=100)
    content = models.TextField("内容", blank=True)
    file = models.FileField("附件", storage=private_storage, upload_to=random_name("auxiliary"), blank=True)
    original_name = models.CharField("附件原文件名", max_length=200, blank=True)
    content_type = models.CharField("附件类型", max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name="登记人")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "辅助人员档案"
        verbose_name_plural = "辅助人员档案"
        ordering = ["-day", "-pk"]

    def __str__(self) -> str:
        return f"{self.staff.name}档案：{self.title}"



class AgencyCheck(models.Model):
    """The bureau's check of an agency's management of its auxiliary staff: the management systems it must keep
    (第十四条), the acts it must not do (第十五条: no pay tied to fines, no quotas), and where it failed, the
    proposal to hold the agency head accountable (第十八条)."""
    jurisdiction = models.CharField("辖区", max_length=32, db_index=True)
    agency = models.ForeignKey("casework.Agency", on_delete=models.PROTECT, related_name="auxiliary_checks",
                               verbose_name="被检查机关")
    checked_on = models.DateField("检查日期")
    missing_systems = models.JSONField("未建立或未落实的管理制度", default=list, blank=True)
    violations = models.JSONField("存在的禁止行为", default=list, blank=True)
    findings = models.TextField("检查情况")
    head_name = models.CharField("机关负责人", max_length=32, blank=True)
    head_accountability = models.BooleanField("建议追究机关负责人责任", default=False)
    case = models.OneToOneField("accountability.Case", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="auxiliary_check", verbose_name="责任追究案件")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name="检查人")
    decision = models.ForeignKey("decisions.DecisionRecord", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name="决定记录")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "辅助人员管理监督检查"
        verbose_name_plural = "辅助人员管理监督检查"
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency}辅助人员管理监督检查（{self.checked_on}）"
