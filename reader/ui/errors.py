"""What the reader is told when something goes wrong, and what they can do about it.

The core raises typed errors with an English sentence; here each type gets a
translated headline, the core's detail, and the actions that make sense
(Retry, Open in browser). ``Cancelled`` is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from reader.core import errors as e

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Problem:
    headline: str
    detail: str
    retry: bool = True
    browser: bool = True
    #: Offer "Read when online": keep the link and fetch it when the network is back.
    queue: bool = False


def describe(error: BaseException) -> Problem | None:
    """A presentable problem, or None for errors the user should not see."""
    if isinstance(error, e.Cancelled):
        return None
    detail = str(error)
    if isinstance(error, e.NotInLibrary | e.Offline):
        return Problem(
            translate("errors", "Not available offline"),
            translate("errors", "Kabar has not kept this article, and it is working offline."),
            retry=False,
            browser=False,
            queue=True,
        )
    if isinstance(error, e.InvalidURL):
        return Problem(
            translate("errors", "This address cannot be opened"), detail, retry=False, browser=False
        )
    if isinstance(error, e.HTTPStatus):
        if error.status in (404, 410):
            return Problem(translate("errors", "This page no longer exists"), detail, retry=False)
        if error.status in (401, 403):
            return Problem(translate("errors", "The site refused to show this page"), detail)
        if error.status == 429:
            return Problem(translate("errors", "The site asks us to slow down"), detail)
        return Problem(translate("errors", "The site had a problem"), detail)
    if isinstance(error, e.Timeout):
        return Problem(translate("errors", "The site took too long to answer"), detail)
    if isinstance(error, e.ConnectFailed):
        return Problem(translate("errors", "Could not reach the site"), detail, queue=True)
    if isinstance(error, e.TLSFailed):
        return Problem(
            translate("errors", "The site's security certificate is not valid"), detail, retry=False
        )
    if isinstance(error, e.TooLarge | e.UnsupportedContent):
        return Problem(
            translate("errors", "This is not a page Kabar can show"), detail, retry=False
        )
    if isinstance(error, e.ExtractError):
        return Problem(translate("errors", "No article found on this page"), detail, retry=False)
    if isinstance(error, e.FeedError):
        return Problem(
            translate("errors", "This is not a news feed Kabar can read"), detail, browser=False
        )
    if isinstance(error, e.DiskFull):
        return Problem(translate("errors", "The disk is full"), detail, browser=False)
    if isinstance(error, e.StoreError):
        return Problem(translate("errors", "The library had a problem"), detail, browser=False)
    if isinstance(error, e.FetchError):
        return Problem(translate("errors", "Could not load this page"), detail)
    if isinstance(error, e.ReaderError):
        return Problem(translate("errors", "Something went wrong"), detail)
    return Problem(
        translate("errors", "Something went wrong"),
        translate("errors", "Kabar hit an unexpected error: {0}").format(error),
    )
