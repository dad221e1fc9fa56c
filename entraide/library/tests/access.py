"""Who gets what from each library URL (see tests/test_access_matrix.py).

Each part keeps its rules in its own module; they are gathered here.
"""

from entraide.library.tests import access_authoring, access_browse, access_collaboration

RULES = access_authoring.RULES + access_collaboration.RULES + access_browse.RULES
