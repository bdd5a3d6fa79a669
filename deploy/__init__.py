"""Deployment files (systemd units, nginx site) and the load test that runs them (`make loadtest`)."""
