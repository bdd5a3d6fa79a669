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

SCOPES = [("notice", "公告公示"), ("decision", "决定记录")]


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
