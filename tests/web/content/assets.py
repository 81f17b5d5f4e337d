"""Static files every outlet serves: a stylesheet, a script and robots.txt.

They exist so that pages referencing them do not dangle, and so extractors meet
the usual <link rel=stylesheet>/<script src> noise. Nothing here ever runs code
outside the page (the script only touches the DOM).
"""

from __future__ import annotations

from tests.web.resource import Resource

_CSS = """/* {name} site styles (trimmed) */
:root {{ --brand: {colour}; --text: #1d1d1f; --muted: #6b6b6b; }}
body {{ margin: 0; font: 16px/1.6 Georgia, "Times New Roman", serif; color: var(--text); }}
header, nav, footer {{ font-family: Arial, Helvetica, sans-serif; }}
.hidden, [hidden], .visually-hidden {{ display: none !important; }}
.ads-placeholder, .paradetail, .ad-container {{ min-height: 250px; background: #f4f4f4; }}
.ads-label, #para_caption, #para_caption2, .ad-label {{ font-size: 10px; color: #999; }}
figure img {{ max-width: 100%; height: auto; }}
.share-box a, .share-tools a {{ display: inline-block; padding: 4px 8px; }}
"""

_JS = """/* {name} site script: lazy images, share buttons, consent. */
(function () {{
  'use strict';
  function lazy() {{
    document.querySelectorAll('img[data-src]').forEach(function (img) {{
      img.src = img.getAttribute('data-src');
      if (img.hasAttribute('data-srcset')) img.srcset = img.getAttribute('data-srcset');
    }});
  }}
  document.addEventListener('DOMContentLoaded', function () {{
    lazy();
    var consent = document.getElementById('cookie-consent');
    if (consent && document.cookie.indexOf('consent=1') >= 0) consent.hidden = true;
  }});
}})();
"""

_ROBOTS = """User-agent: *
Disallow: /search
Disallow: /px.gif
Allow: /

User-agent: GPTBot
Disallow: /
"""

_COLOURS = {"nusa": "#0a4c8b", "warta": "#c4161c", "harbor": "#0f3b57"}


def static_files(name: str, sitemaps: list[str]) -> dict[str, Resource]:
    """Route path -> Resource for one outlet's static files (``sitemaps``: absolute URLs)."""
    colour = _COLOURS.get(name, "#333333")
    robots = _ROBOTS + "".join(f"\nSitemap: {url}" for url in sitemaps)
    return {
        f"/assets/css/{name}.css": Resource(
            _CSS.format(name=name, colour=colour).encode(), "text/css; charset=utf-8"
        ),
        f"/assets/js/{name}.js": Resource(
            _JS.format(name=name).encode(), "application/javascript; charset=utf-8"
        ),
        "/robots.txt": Resource((robots + "\n").encode(), "text/plain; charset=utf-8"),
    }
