"""Quantities: numbers with what they count or measure (see finder.find_quantities)."""

from .finder import find_quantities

__all__ = ["find_quantities"]
