"""A fully rendered HTTP response body plus the metadata conditional GET needs.

Content modules build these without knowing anything about sockets; the HTTP
layer (``httpd``) reads the cached ETag and gzip variant from them.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

#: Last-Modified used for things that never change (images, scripts, styles).
EPOCH = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


@dataclass(frozen=True, eq=False)
class Resource:
    """One servable representation.

    ``conditional`` turns on ETag/Last-Modified (and 304 answers); ``compress``
    allows a gzip variant when the client asks for one.
    """

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    modified: datetime | None = EPOCH
    headers: tuple[tuple[str, str], ...] = ()
    conditional: bool = True
    compress: bool = True
    cache_control: str = "public, max-age=60"

    @cached_property
    def etag(self) -> str:
        """Strong validator of the identity representation."""
        return '"' + hashlib.blake2b(self.body, digest_size=10).hexdigest() + '"'

    @cached_property
    def etag_gzip(self) -> str:
        """Strong validator of the gzip representation (a different byte stream)."""
        return self.etag[:-1] + '-gz"'

    @cached_property
    def gzipped(self) -> bytes:
        """Deterministic gzip body (mtime 0), built once."""
        return gzip.compress(self.body, compresslevel=6, mtime=0)


def html(text: str, *, status: int = 200, modified: datetime | None = EPOCH) -> Resource:
    """An HTML page resource."""
    return Resource(text.encode("utf-8"), status=status, modified=modified)
