"""Settings for benchmark runs: the project's own, plus a route to the empty view.

Set ENTRAIDE_ENV=production (bench/run.sh does) to measure production settings.
"""

from entraide.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
