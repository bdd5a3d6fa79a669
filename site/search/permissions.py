"""The decision scope rule for search engines: the one rule lives in decisions.selectors (as a database
filter and as index filters for an engine that cannot run a SQL subquery, e.g. Elasticsearch)."""
from decisions.selectors import DecisionScope, decision_scope, scope_q

__all__ = ["DecisionScope", "decision_scope", "scope_q"]
