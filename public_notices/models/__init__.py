"""Models of the notice domain (split by concern; import from here)."""
from .notices import (  # noqa: F401
    AnnualReportPage, AppointmentNoticePage, DismissalNoticePage, IndexSequence, NoticeIndexPage, NoticePage,
    RecruitmentNoticePage, RegulationPage, SupervisionNotificationPage, TypicalCasePage, format_index_number,
    rules_profile,
)
from .publicity import (  # noqa: F401
    CLOSED, GENDERS, OBJECTION_PENDING, OBJECTION_STATUS, OPEN, PENDING, REJECTED, UPHELD, WINDOW_LABELS,
    Objection, PublicityCandidate, PublicityClosure, PublicityPage, mask_contact,
)
