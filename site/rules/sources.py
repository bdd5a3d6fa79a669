"""The regulations the figures come from, and how an article is cited on screen.

Seed codes ("000" ... "004") are the file numbers the rules index uses; staff see the
regulation's name and article, with the code beside it for cross-reference.
"""
from __future__ import annotations

from dataclasses import dataclass

# seed code -> (short name, full title with document number)
SOURCES: dict[str, tuple[str, str]] = {
    "000": ("万州办法", "《万州区行政执法监督员管理办法》（万委执法协调〔2024〕2号）"),
    "001": ("威海办法", "《威海市行政执法社会监督员管理办法》（2022年4月18日印发）"),
    "002": ("武汉办法", "《武汉市行政执法义务监督员管理办法》（2021年12月1日起施行）"),
    "003": ("恩施办法", "《恩施土家族苗族自治州行政执法监督办法》（恩施州人民政府令第8号）"),
    "004": ("武隆制度", "武隆府办发〔2021〕62号 行政执法监督十项制度"),
}


@dataclass(frozen=True)
class Citation:
    """Where a figure stands: seed file, the document inside it (Wulong's file holds ten), article."""

    source: str  # seed code, e.g. "000"
    article: str  # e.g. "第六条第（二）项"
    document: str = ""  # for 004: the system's name, e.g. "行政执法投诉举报制度"

    @property
    def code(self) -> str:
        """Short reference used in lists and logs: `000 第六条第（二）项`."""
        return f"{self.source} {self.article}"

    @property
    def document_title(self) -> str:
        if self.document:
            return f"《{self.document}》"
        return SOURCES[self.source][1].split("（")[0]

    def __str__(self) -> str:
        return f"{self.document_title}{self.article}"

    def as_dict(self) -> dict:
        return {"source": self.source, "article": self.article, "document": self.document}
