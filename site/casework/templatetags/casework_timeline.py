"""{% matter_timeline events documents clocks records today party_view as timeline %}: the matter screen's timeline,
built from the very lists the screen shows (so whatever the screen filtered for the person stays out)."""
from django import template

from casework import timeline as tl
from casework import timeline_draw

register = template.Library()


@register.simple_tag
def matter_timeline(events, documents, clocks, records, today, party_view=False):
    # list() fills each queryset's own cache: the screen's lists below reuse it, no second query
    return tl.build(events=list(events), documents=list(documents), clocks=list(clocks), records=list(records),
                    today=today, party=bool(party_view))


# the rows drawn in one pass each (casework.timeline_draw): a file of 200 rows drew them in template loops
register.simple_tag(timeline_draw.bands, name="timeline_bands")
register.simple_tag(timeline_draw.rows, name="timeline_rows")
register.simple_tag(timeline_draw.table_rows, name="timeline_table_rows")
