"""The yearly programme: plan, inspections, case-file reviews, evaluations, statistics, notifications."""
