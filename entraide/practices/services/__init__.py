"""Writes to practice sheets, one module per part.

Import a part by name: ``from entraide.practices.services import workflow``.
"""
