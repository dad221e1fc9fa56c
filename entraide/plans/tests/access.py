"""Who gets what from each action-plan URL (see tests/test_access_matrix.py).

Each part keeps its rules in its own module; they are gathered here.
"""

from entraide.plans.tests import access_follow, access_outputs, access_structure

RULES = access_structure.RULES + access_follow.RULES + access_outputs.RULES
