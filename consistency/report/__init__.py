"""The nightly report: content gathered from the store, written as HTML, JSON and CSV."""

from .build import RunInfo, build_report
from .files import write_report

__all__ = ["RunInfo", "build_report", "write_report"]
