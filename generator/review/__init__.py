"""Reviewing a council's own protocol against the obligation map and the model."""
