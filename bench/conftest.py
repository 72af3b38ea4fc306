# The benchmarks reuse the test suite's fixtures (they are not part of the suite: see README).
from tests.conftest import clear_cache, home_page, media_root, root_page, site, teacher  # noqa: F401
from tests.courses.conftest import catalogue, offline_embeds  # noqa: F401
