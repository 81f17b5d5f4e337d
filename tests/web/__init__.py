"""The test web: a fictional news web served on 127.0.0.1 for tests and benchmarks.

See :mod:`tests.web.server` for the API and :mod:`tests.web.faults` for the
fault routes.
"""

from tests.web.content.fault_pages import CHARSET_TEXT, CHARSET_TITLE
from tests.web.content.model import ArticleTruth
from tests.web.faults import FAULT_PATHS
from tests.web.server import Outlet, RequestRecord, TestWeb

__all__ = [
    "CHARSET_TEXT",
    "CHARSET_TITLE",
    "FAULT_PATHS",
    "ArticleTruth",
    "Outlet",
    "RequestRecord",
    "TestWeb",
]
