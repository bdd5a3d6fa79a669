"""`{% load people %}{{ user|person }}`: a person's full name (roles.names.person_name)."""
from django import template

from roles.names import person_name

register = template.Library()
register.filter("person", person_name)
