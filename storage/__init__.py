"""Kompas storage."""
