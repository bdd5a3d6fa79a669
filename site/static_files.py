"""How static files are collected and checked in production.

- collectstatic skips every `node_modules` folder of an app (settings.STATICFILES_FINDERS names the
  finder below): viewflow 2.4 ships the npm packages its fonts and scripts were built from inside its
  static folder (viewflow/static/viewflow/*/node_modules), and their CSS points at font files that are not
  shipped, so production's manifest storage failed on them ("The file 'viewflow/fonts/roboto/node_modules/
  …/Roboto-Thin.woff2' could not be found"). No template uses those folders. A finder rather than a
  StaticFilesConfig subclass, so INSTALLED_APPS keeps naming "django.contrib.staticfiles" (pytest-django's
  live server serves static files only when it finds that very string).
- `manage.py check --deploy` reports a manifest storage without its manifest (collectstatic not run, or
  failed): with it missing, every page that names a static file answers 500. Registered by pages.apps."""
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core import checks

IGNORED = ["node_modules"]


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *IGNORED])


@checks.register(checks.Tags.staticfiles, deploy=True)
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
        id="static_files.E001")]
