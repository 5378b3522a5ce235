"""Procedure cases for the service: the same reports as ``proscribe procedure show --json``."""

from proscribe.procedures.report import case_report, case_reports

__all__ = ["case_report", "case_reports"]
