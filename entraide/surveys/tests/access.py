"""Who gets what from each survey URL (see tests/test_access_matrix.py).

Each part keeps its rules in its own module; they are gathered here.
"""

from entraide.surveys.tests import (
    access_answering,
    access_building,
    access_mailing,
    access_results,
)

RULES = (
    access_building.RULES
    + access_mailing.RULES
    + access_answering.RULES
    + access_results.RULES
)
