"""Kompas bot."""
