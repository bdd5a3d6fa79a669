"""Placeholder: this process flow is built by its own issue; it registers with flows.registry.register."""
