"""The supervisor-lifecycle figures a jurisdiction's rules leave open (办法未规定), each with the reading the
platform applies, per step of the lifecycle — shown on the screen where the step is taken, as the Enshi
complaint screens show theirs (complaints.views.readings). Enshi's measures (003 第七条第二款) allow social
supervisors and name who may be appointed, and leave the rest open; the profile's notes say so."""

from __future__ import annotations

from rules.profiles import Figure, Profile

UNSET = "办法未规定"

# which figures each screen's decision rests on
STEP_KEYS: dict[str, tuple[str, ...]] = {
    "review": (
        "excluded_occupations",
        "age_range",
        "education_min",
        "disqualifying_records",
        "intake_methods",
    ),
    "approve": ("publicity_period",),
    "appoint": (
        "term_length",
        "appointment_documents",
        "appointment_announced",
        "volunteer_agreement_required",
        "consecutive_term_cap",
    ),
    "term_end": ("term_length", "term_end_auto_dismissal"),
    "dismissal": (
        "dismissal_grounds",
        "dismissal_announced",
        "notify_recommending_unit",
        "recover_documents",
    ),
}


def readings(profile: Profile, step: str) -> list[Figure]:
    """The figures of `step` whose note says the rules leave them open, in the step's order."""
    return [profile.figure(k) for k in STEP_KEYS[step] if profile.has(k) and UNSET in profile.figure(k).note]
