"""WSGI entry point: `waitress-serve --port 8000 wsgi:application` or gunicorn."""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

import settings  # noqa: E402,F401  (puts site/ on sys.path)

application = get_wsgi_application()

# the word segmenter's dictionary and the search index's filter columns, loaded before the first request
# rather than during a reader's search
from search.engines import warm_up  # noqa: E402

warm_up()
