"""Execution tracer harness for the playground; see docs/trace-format.md."""
from .run import run

__all__ = ["run"]
