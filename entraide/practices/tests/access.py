"""Who gets what from each practices URL (see tests/test_access_matrix.py).

Each part keeps its rules in its own module; they are gathered here.
"""

from entraide.practices.tests import (
    access_authoring,
    access_browse,
    access_evaluation,
    access_workflow,
)

RULES = (
    access_authoring.RULES
    + access_workflow.RULES
    + access_evaluation.RULES
    + access_browse.RULES
)
