"""{% supervisor_readings profile "dismissal" %}: the figures the rules leave open for this step, with the
reading applied (supervisors.readings)."""

from django import template

from ..readings import readings

register = template.Library()


@register.inclusion_tag("supervisors/_readings.html")
def supervisor_readings(profile, step):
    return {"readings": readings(profile, step) if profile is not None else []}
