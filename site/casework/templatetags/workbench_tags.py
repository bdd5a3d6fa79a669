"""{% is_workbench user as workbench %}: whether the admin home is the casework workbench for this user."""
from django import template

register = template.Library()


@register.simple_tag
def is_workbench(user) -> bool:
    from casework.workbench import is_workbench_user

    return is_workbench_user(user)
