"""Fault accountability (过错责任追究) and wrong-case accountability (错案责任倒查)."""
