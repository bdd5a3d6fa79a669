"""Background tasks run by `manage.py db_worker` (django-tasks-db): heartbeats while a task runs, a lease
after which a dead worker's task goes back to the queue, retries with backoff, and the staff screen."""
