from django.apps import AppConfig


class AuxiliaryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "auxiliary"
    verbose_name = "行政执法辅助人员"
