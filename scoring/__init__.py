"""Kompas scoring."""
