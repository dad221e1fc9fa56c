"""Entraide: communities of practice for early-childhood networks."""
