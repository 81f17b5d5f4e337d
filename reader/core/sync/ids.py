"""Item ids of the Google Reader API in their three forms, reduced to one key.

Servers write the same item as ``tag:google.com,2005:reader/item/000000000000002a`` (the
long form, in stream contents), ``42`` (decimal, in ``stream/items/ids``) or ``2a``
(bare hex, some servers' contents). Kabar keys an item by the unsigned 64-bit value
in decimal, and sends the long form back (every server accepts it). An id that is not
a 64-bit number (The Old Reader's 24-digit hex ids) is kept as it was given, lowercased.
"""

from __future__ import annotations

import re

LONG_PREFIX = "tag:google.com,2005:reader/item/"
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_BITS = 1 << 64


def item_key(raw: str | int, *, decimal: bool | None = None) -> str:
    """The one key of an item id in any form.

    ``decimal`` says which form a bare number is in when the context knows it
    (``stream/items/ids`` answers decimal); otherwise digits are read as decimal
    unless they are 16 long with a leading zero (zero-padded hex, FreshRSS's rule).
    Negative decimals (signed 64-bit, as old Google answers had) wrap to unsigned.
    """
    text = str(raw).strip()
    if text.lower().startswith(LONG_PREFIX):
        return _from_hex(text[len(LONG_PREFIX) :])
    if text.startswith("-") and text[1:].isdigit():
        return str(int(text) % _BITS)
    if text.isdigit():
        as_hex = decimal is False or (decimal is None and len(text) == 16 and text[0] == "0")
        if not as_hex:
            value = int(text)
            return str(value) if value < _BITS else text  # not a 64-bit id: kept as given
        return _from_hex(text)
    if _HEX.match(text):
        return _from_hex(text)
    return text.lower()


def _from_hex(digits: str) -> str:
    if not _HEX.match(digits):
        return digits.lower()
    value = int(digits, 16)
    return str(value) if value < _BITS else digits.lower()


def wire_id(key: str) -> str:
    """The form sent to servers: the long form for 64-bit ids, the given text otherwise."""
    if key.isdigit():
        return f"{LONG_PREFIX}{int(key):016x}"
    return key
