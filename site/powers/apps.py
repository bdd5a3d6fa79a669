from django.apps import AppConfig


class PowersConfig(AppConfig):
    """行政执法监督权责清单 (恩施办法 第十五条): kept by the bureau in the admin and published as a notice."""

    name = "powers"
    label = "powers"
    verbose_name = "监督权责清单"
