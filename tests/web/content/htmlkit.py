"""Small HTML helpers shared by the outlet templates: escaping, dates, scripts.

Kept apart from the templates so every outlet formats dates and embeds
JSON-LD the same way, and so the "must never execute" script lives in one place.
"""

from __future__ import annotations

import base64
import html
import json
from datetime import datetime

from tests.web.content.model import TAG_RE, slugify
from tests.web.images import PIXEL_GIF

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: The lazy-loading placeholder real sites put in ``src`` (a 1x1 GIF).
PLACEHOLDER = "data:image/gif;base64," + base64.b64encode(PIXEL_GIF).decode("ascii")


def esc(text: str) -> str:
    """Escape text for element content and double-quoted attributes."""
    return html.escape(text, quote=True)


def inline(text: str, tag_href: str) -> str:
    """Escape paragraph text and turn ``{tag:X}`` into a link to the tag page.

    ``tag_href`` is a format string with ``{slug}``, e.g. ``"/tag/{slug}"``.
    """
    return TAG_RE.sub(
        lambda m: f'<a href="{esc(tag_href.format(slug=slugify(m.group(1))))}">{m.group(1)}</a>',
        esc(text),
    )


def id_date(moment: datetime, *, short_month: bool = False) -> str:
    """ "Kamis, 12 Maret 2026 09:15 WIB" (or "12 Mar 2026" with short_month)."""
    month = BULAN[moment.month - 1]
    if short_month:
        month = month[:3]
    return f"{HARI[moment.weekday()]}, {moment.day} {month} {moment.year} {moment:%H:%M} WIB"


def en_date(moment: datetime) -> str:
    """ "April 3, 2026, 7:30 a.m. EDT"."""
    hour = moment.hour % 12 or 12
    half = "a.m." if moment.hour < 12 else "p.m."
    return (
        f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}, "
        f"{hour}:{moment.minute:02d} {half} {moment.tzname()}"
    )


def iso(moment: datetime) -> str:
    """ISO 8601 with the offset, seconds included: 2026-03-12T09:15:00+07:00."""
    return moment.isoformat(timespec="seconds")


def json_ld(data: object) -> str:
    """A JSON-LD script element (``</`` escaped so text cannot end the script)."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def analytics(site_id: str, page_type: str) -> str:
    """Inline analytics boilerplate. If it ever runs it requests ``/px.gif?js=1``.

    Tests can therefore prove scripts never execute: ``web.hits(url_with_js=1) == 0``.
    """
    return f"""<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  gtag('config', '{site_id}', {{ 'page_type': '{page_type}', 'anonymize_ip': true }});
  (function (d) {{
    var px = new Image(1, 1);
    px.src = '/px.gif?js=1&t=' + Date.now() + '&r=' + encodeURIComponent(d.referrer);
    d.documentElement.setAttribute('data-script-ran', 'yes');
  }})(document);
</script>"""


def pixel(query: str) -> str:
    """The 1x1 tracking pixel image element."""
    return (
        f'<img src="/px.gif?{esc(query)}" width="1" height="1" alt="" '
        'style="position:absolute;left:-9999px" class="tracking-pixel">'
    )
