"""django.contrib.staticfiles as this project installs it (INSTALLED_APPS names this class).

- collectstatic skips every `node_modules` folder: viewflow 2.4 ships the npm packages its fonts and
  scripts were built from inside its static folder (viewflow/static/viewflow/*/node_modules), and their
  CSS points at font files that are not shipped, so the manifest storage of production failed on them
  ("The file 'viewflow/fonts/roboto/node_modules/…/Roboto-Thin.woff2' could not be found"). No template
  uses those folders. The same holds for a node_modules/ anywhere under STATICFILES_DIRS.
- `manage.py check --deploy` reports a manifest storage without its manifest (collectstatic not run, or
  failed): with it missing every page that names a static file answers 500."""
from django.conf import settings
from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig
from django.core import checks


class StaticFilesConfig(DjangoStaticFilesConfig):
    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "node_modules"]

    def ready(self):
        super().ready()
        checks.register(check_manifest, checks.Tags.staticfiles, deploy=True)


def check_manifest(app_configs=None, **kwargs):
    from django.contrib.staticfiles.storage import ManifestFilesMixin
    from django.core.files.storage import storages

    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin) or storage.exists(storage.manifest_name):
        return []
    return [checks.Error(
        f"静态文件清单 {storage.manifest_name} 不在 STATIC_ROOT（{settings.STATIC_ROOT}）中：请先运行 "
        "`manage.py collectstatic --noinput`，否则每个页面都会出错（500）。",
        hint="Run `manage.py collectstatic --noinput` with the same settings before starting the web processes.",
        id="staticfiles_config.E001")]
