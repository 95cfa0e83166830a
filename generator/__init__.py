"""Councillor-officer protocols: sources, obligation map, site pages, model protocol and diff."""
