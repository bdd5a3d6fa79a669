"""Supervision letters (Enshi 监督建议书/决定书, Wulong 监督意见书) on the casework foundation."""
