"""Dispute coordination between enforcement agencies (争议协调)."""
