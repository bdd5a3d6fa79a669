"""The embedded engine's index: one entry per indexed object, a term dictionary whose rows carry each
term's postings as one compact blob, a small table of postings written since (one row per term and
entry), and a state row per scope; and the synonyms staff maintain, which both engines apply at query time.

Plain tables, so the same queries run on SQLite and PostgreSQL. A posting is an entry id and one integer
packing the term's counts per field and the entry's lengths (engines/embedded.py `pack`); a term's blob
holds its entry ids (sorted) then their weights, little-endian int32 (engines/postings.py)."""
import re

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

SCOPES = [("notice", "公告公示"), ("decision", "决定记录"), ("case", "案件检索")]


class SearchEntry(models.Model):
    """The fields people filter on, copied from the index document (documents.py) of one object."""

    scope = models.CharField("范围", max_length=16, choices=SCOPES)
    object_id = models.BigIntegerField("对象编号")
    title = models.CharField("标题", max_length=300)
    url = models.CharField("链接", max_length=500, blank=True)
    kind = models.CharField("类别", max_length=32, blank=True)
    jurisdiction = models.CharField("辖区", max_length=32, blank=True)
    issuer = models.CharField("发布机构", max_length=200, blank=True)
    year = models.IntegerField("年份", null=True, blank=True)
    date = models.DateField("日期", null=True, blank=True)
    doc_number = models.CharField("发文字号", max_length=100, blank=True)
    doc_number_key = models.CharField(max_length=100, blank=True, db_index=True)
    index_number = models.CharField("索引号", max_length=100, blank=True)
    index_number_key = models.CharField(max_length=100, blank=True, db_index=True)
    # decision records only
    agency = models.CharField("涉及执法机关", max_length=100, blank=True)
    outcome = models.CharField("结果", max_length=64, blank=True)
    process_kind = models.CharField("流程类型", max_length=32, blank=True)
    confidential = models.BooleanField("保密", default=False)
    party_user_id = models.BigIntegerField(null=True, blank=True)
    # public visibility: a live notice that has not expired
    public = models.BooleanField("公开", default=False)
    expire_at = models.DateTimeField("下线时间", null=True, blank=True)
    text = models.TextField("正文", blank=True)
    length = models.IntegerField("正文词元数", default=0)
    title_length = models.IntegerField("标题词元数", default=0)
    data = models.JSONField("索引文档", default=dict, encoder=DjangoJSONEncoder)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "检索条目"
        verbose_name_plural = "检索条目"
        constraints = [models.UniqueConstraint(fields=["scope", "object_id"], name="search_entry_unique")]
        indexes = [models.Index(fields=["scope", "public", "date"], name="search_entry_scope_date"),
                   models.Index(fields=["expire_at"], name="search_entry_expire")]

    def __str__(self) -> str:
        return self.title


class Term(models.Model):
    """A token of one scope: notices and decision records have separate dictionaries, so a query's
    postings belong to its scope without a join (like two Elasticsearch indices). `postings` holds the
    term's postings as of the last rebuild or bulk load; later single updates go to Posting."""

    scope = models.CharField(max_length=16, choices=SCOPES, default="notice")
    text = models.CharField(max_length=64)
    # entries holding the term when its postings were last written, plus later additions: only used to
    # pick the commonest words starting with a lone character (the idf is counted from the postings)
    df = models.IntegerField("文档频率", default=0)
    postings = models.BinaryField("倒排表", default=b"")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "text"], name="search_term_unique")]

    def __str__(self) -> str:
        return self.text


class Posting(models.Model):
    """A posting written by a single update (publish, edit) since its term's blob was last written."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, db_index=False, related_name="+")
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, db_index=False, related_name="+")
    weight = models.IntegerField()  # engines/embedded.py pack(): field counts and lengths

    class Meta:
        indexes = [models.Index(fields=["term", "entry", "weight"], name="search_posting_term_entry"),
                   models.Index(fields=["entry"], name="search_posting_entry_only")]

    def __str__(self) -> str:
        return f"{self.term_id}@{self.entry_id}"


class IndexState(models.Model):
    """One row per scope: `version` goes up with every change of the scope's index (each process keeps
    the entries' filter columns in memory and reloads them when it moves); `retired` lists (packed
    int32) the entries whose postings in the term blobs no longer count, because the entry was indexed
    again since (its current postings are Posting rows). A rebuild or a compaction empties it."""

    scope = models.CharField("范围", max_length=16, choices=SCOPES, unique=True)
    version = models.BigIntegerField("版本", default=0)
    retired = models.BinaryField("已失效条目", default=b"")

    class Meta:
        verbose_name = "检索索引状态"
        verbose_name_plural = "检索索引状态"

    def __str__(self) -> str:
        return f"{self.scope} v{self.version}"


class PendingIndexUpdate(models.Model):
    """An index update the search cluster did not take (down, overloaded): retried with backoff by the
    scheduler until it goes through; `manage.py search_pending` reports the backlog. The object's state
    is read again at each try, so one row per object is enough however often it changed."""

    scope = models.CharField("范围", max_length=16, choices=SCOPES)
    object_id = models.BigIntegerField("对象编号")
    attempts = models.PositiveIntegerField("已尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试时间")
    last_error = models.TextField("最近一次错误", blank=True)
    created_at = models.DateTimeField("首次失败时间", auto_now_add=True)

    class Meta:
        verbose_name = "待同步的检索更新"
        verbose_name_plural = "待同步的检索更新"
        constraints = [models.UniqueConstraint(fields=["scope", "object_id"], name="search_pending_unique")]
        indexes = [models.Index(fields=["next_attempt_at"], name="search_pending_due")]

    def __str__(self) -> str:
        return f"{self.scope}#{self.object_id}"


class IndexRebuild(models.Model):
    """A rebuild in progress (Elasticsearch): the lock that lets only one run per scope, and the new
    index every write also goes to until the alias is swapped (so nothing written meanwhile is lost)."""

    scope = models.CharField("范围", max_length=16, choices=SCOPES, unique=True)
    index_name = models.CharField("新索引", max_length=200)
    started_at = models.DateTimeField("开始时间", auto_now_add=True)
    owner = models.CharField("执行者", max_length=200, blank=True)

    class Meta:
        verbose_name = "进行中的索引重建"
        verbose_name_plural = "进行中的索引重建"

    def __str__(self) -> str:
        return f"{self.scope} → {self.index_name}"


_SPLIT = re.compile(r"[\s,，、;；/|]+")


def split_words(value: str) -> list[str]:
    return [w for w in _SPLIT.split(value or "") if w]


class SearchSynonym(models.Model):
    """Words people type for the words notices use (协管员 → 辅助人员, 举报 ↔ 投诉), kept by staff.
    Applied at query time with a lower weight than the word typed; a change takes effect on the next query."""

    word = models.CharField("词语", max_length=30, unique=True,
                            help_text="群众检索时输入的词语，如“协管员”。")
    synonyms = models.CharField("同义词", max_length=200,
                                help_text="公告中使用的说法，多个用顿号或逗号分隔，如“辅助人员、协勤人员”。")
    two_way = models.BooleanField("双向", default=False,
                                  help_text="勾选后，输入任一同义词也会查到该词语（如 举报 ↔ 投诉）。")
    note = models.CharField("说明", max_length=200, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "检索同义词"
        verbose_name_plural = "检索同义词"
        ordering = ["word"]

    def __str__(self) -> str:
        arrow = "↔" if self.two_way else "→"
        return f"{self.word} {arrow} {'、'.join(self.synonym_list())}"

    def synonym_list(self) -> list[str]:
        return [w for w in split_words(self.synonyms) if w != self.word]

    def clean(self):
        self.word = (self.word or "").strip()
        if not self.word or split_words(self.word) != [self.word]:
            raise ValidationError({"word": "请填写一个词语，不含空格或标点。"})
        words = self.synonym_list()
        if not words:
            raise ValidationError({"synonyms": "请至少填写一个与该词语不同的同义词。"})
        if any(len(w) > 30 for w in words):
            raise ValidationError({"synonyms": "每个同义词不超过30个字。"})
        self.synonyms = "、".join(dict.fromkeys(words))


class ServiceEntry(models.Model):
    """办事入口: an action a reader may have come to take (file a complaint, look one up, apply to be a
    supervisor, object to a publicity list, call 12345), kept by editors. Shown as a button above the
    search results when the query holds one of its keywords or synonyms (service_entries.matching), on the
    home page and its jurisdiction's section, and listed in the sitemap (internal addresses)."""

    title = models.CharField("按钮文字", max_length=40, help_text="如“在线投诉执法人员”。")
    description = models.CharField("说明", max_length=120, blank=True, help_text="按钮下方的一句话说明。")
    url = models.CharField("链接", max_length=300,
                           help_text="站内地址以“/”开头（如 /complaints/wulong/）；电话写作 tel:12345；外部网站以 https:// 开头。")
    jurisdiction = models.CharField("辖区", max_length=32, blank=True,
                                    help_text="规则配置的辖区代码（如 wulong）；留空则各辖区通用。")
    keywords = models.CharField("关键词", max_length=200,
                                help_text="检索词包含其中任一词语时显示本入口，多个用顿号分隔，如“投诉、举报”。")
    synonyms = models.CharField("同义词", max_length=200, blank=True,
                                help_text="群众的说法和常见错别字，如“告状、反映问题、投述”。")
    sort_order = models.PositiveSmallIntegerField("排序", default=100, help_text="数字小的在前。")
    live = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "办事入口"
        verbose_name_plural = "办事入口"
        ordering = ["sort_order", "jurisdiction", "id"]

    def __str__(self) -> str:
        return f"{self.title}（{self.jurisdiction or '通用'}）"

    def words(self) -> list[str]:
        return split_words(self.keywords) + split_words(self.synonyms)

    @property
    def is_phone(self) -> bool:
        return self.url.startswith("tel:")

    @property
    def is_internal(self) -> bool:
        return self.url.startswith("/") and not self.url.startswith("//")

    def clean(self):
        self.url = (self.url or "").strip()
        if not (self.is_internal or self.is_phone or self.url.startswith("https://")):
            raise ValidationError({"url": "请填写以“/”开头的站内地址、tel: 开头的电话或 https:// 开头的网址。"})
        if self.is_phone and not self.url[4:].replace("-", "").isdigit():
            raise ValidationError({"url": "电话号码只能包含数字和“-”，如 tel:12345。"})
        if self.jurisdiction:
            from rules.models import RuleProfile

            if not RuleProfile.objects.filter(code=self.jurisdiction).exists():
                raise ValidationError({"jurisdiction": "没有这个辖区代码，请填写规则配置中的代码或留空。"})
        if not split_words(self.keywords):
            raise ValidationError({"keywords": "请至少填写一个关键词。"})
        self.keywords = "、".join(dict.fromkeys(split_words(self.keywords)))
        self.synonyms = "、".join(dict.fromkeys(split_words(self.synonyms)))
