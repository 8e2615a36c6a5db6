"""Scheduled work: the weekly digest and its bookkeeping."""
