"""Every file in tests/data/feeds carries its own expectation, feedparser-style.

XML/HTML/text fixtures have header lines (in their first comment):

* ``Description:`` what the file checks;
* ``URL:`` the address it is parsed as (default ``https://feeds.example/feed.xml``);
* ``Now:`` the clock for date clamping (default 2026-01-10T00:00:00+00:00);
* ``Expect:`` a Python expression over ``feed`` and ``entries`` that must hold;
* ``Expect-Error:`` the exception type expected instead (then ``error`` is bound).

JSON fixtures carry the same in a ``"_test"`` object (JSON Feed allows
underscore extension keys).
"""

from __future__ import annotations

import json
import re
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from reader.core import errors
from reader.core.feeds.parse import parse_feed
from reader.core.feeds.xmlguard import decode_xml
from reader.core.models import ParsedFeed

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "feeds"
DEFAULT_URL = "https://feeds.example/feed.xml"
DEFAULT_NOW = "2026-01-10T00:00:00+00:00"
_HEADER_RE = re.compile(r"^(Description|URL|Now|Expect|Expect-Error):\s?(.*)$", re.MULTILINE)


def _spec(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    if path.suffix == ".json":
        test = json.loads(data, parse_int=str)["_test"]
        return {
            "description": test["description"],
            "url": test.get("url", DEFAULT_URL),
            "now": test.get("now", DEFAULT_NOW),
            "expect": test.get("expect", []),
            "error": test.get("expect_error"),
        }
    spec: dict[str, Any] = {"url": DEFAULT_URL, "now": DEFAULT_NOW, "expect": [], "error": None}
    for key, value in _HEADER_RE.findall(decode_xml(data)[:6000]):
        if key == "Expect":
            spec["expect"].append(value.strip())
        elif key == "Expect-Error":
            spec["error"] = value.strip()
        else:
            spec[key.lower()] = value.strip()
    return spec


FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.is_file())


def test_every_fixture_describes_itself() -> None:
    assert len(FIXTURE_FILES) >= 30
    for path in FIXTURE_FILES:
        spec = _spec(path)
        assert spec.get("description"), path.name
        assert spec["expect"] or spec["error"], path.name


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture(path: Path) -> None:
    spec = _spec(path)
    now = datetime.fromisoformat(spec["now"])
    started = time.process_time()
    namespace: dict[str, Any] = {"errors": errors, "NotAFeed": errors.NotAFeed}
    if spec["error"]:
        expected = getattr(errors, spec["error"])
        with pytest.raises(expected) as caught:
            parse_feed(path.read_bytes(), spec["url"], now=now)
        namespace["error"] = caught.value
    else:
        feed = parse_feed(path.read_bytes(), spec["url"], now=now)
        assert isinstance(feed, ParsedFeed)
        namespace.update(feed=feed, entries=feed.entries)
    used = time.process_time() - started
    assert used < 2.0, "every fixture parses within a second or two of CPU"
    for expression in spec["expect"]:
        assert eval(expression, namespace), f"{path.name}: {expression}"
