"""Django's login signals feed the record of failed logins (guard). Any login path that calls
django.contrib.auth.authenticate()/login() is counted, not only the admin's form."""
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from . import guard


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    # credentials come with the password already replaced by Django ("********"); only the name is read
    if request is not None:
        guard.record_failure(request, credentials.get("username", ""))


@receiver(user_logged_in)
def end_run_of_failures(sender, request, user, **kwargs):
    if request is not None:
        guard.record_success(request, user)
