"""Settings of the `db_worker` subprocesses in test_task_workers.py: the test settings, with tasks queued in
the database (as in production); DATABASE_URL names the test database; lease and retries from the env."""
from settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
