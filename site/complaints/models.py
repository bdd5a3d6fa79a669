"""Complaints and reports about enforcement (投诉举报), supervisor-misconduct reports, interference records."""
