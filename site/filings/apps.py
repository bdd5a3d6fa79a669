"""重大行政执法决定备案审查 (003 第二十二条): agencies file their major enforcement decisions, the bureau keeps a
register per agency and year and reviews each filing for legality and propriety against its clock."""
from django.apps import AppConfig


class FilingsConfig(AppConfig):
    name = "filings"
    label = "filings"
    verbose_name = "重大行政执法决定备案审查"
