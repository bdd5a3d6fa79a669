"""Settings package. Importing it puts `site/` on sys.path for every entry point
(manage.py, wsgi, pytest, task workers): `site` is a frozen stdlib module, so the
folder can never be a package and its apps import as `pages`, `flows`, `search` ..."""
import sys
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parent.parent / "site"
if str(SOURCE_DIR) not in sys.path:
    sys.path.insert(0, str(SOURCE_DIR))
