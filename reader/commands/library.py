"""Library subcommands: ``save``, ``collections``, ``search``, ``cache`` and ``check``.

``kabar read URL --offline`` (in :mod:`reader.commands.read`) reads from the
library through ``Services.read_article``. Every command here takes ``--json``
for scripts; dates in JSON are ISO 8601 UTC.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reader.commands.output import json_option, print_json, to_jsonable
from reader.core.models import READ_LATER
from reader.core.urls import typed_address

if TYPE_CHECKING:
    from reader.core.library import Library
    from reader.core.models import Headline
    from reader.core.services import Services


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]

    save = subparsers.add_parser(
        "save",
        parents=parents,
        help="save the article at URL to a collection (fetching it first if needed)",
        description="Save an article to one or more collections. It is kept complete for "
        "offline reading (text and pictures) and never evicted from the cache.",
    )
    save.add_argument("url", metavar="URL", type=typed_address)
    save.add_argument(
        "--to",
        metavar="NAME",
        action="append",
        dest="collections",
        help='collection to save to (repeatable; created if missing; default: "Read later")',
    )
    save.set_defaults(handler=run_save)

    collections = subparsers.add_parser(
        "collections",
        parents=parents,
        help="list collections, or the articles in one",
        description="Without NAME, list the collections; with NAME, list its articles, "
        "most recently saved first.",
    )
    collections.add_argument("name", metavar="NAME", nargs="?")
    collections.add_argument("--limit", type=int, default=200, metavar="N")
    collections.set_defaults(handler=run_collections)

    search = subparsers.add_parser(
        "search",
        parents=parents,
        help="search the library (title, outlet, text)",
        description="Full-text search of every article in the library. Accents do not "
        'matter, words match as prefixes ("banj" finds "banjir"), "quoted words" match '
        "as a phrase.",
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--source", metavar="S", help="only this outlet (name or host)")
    search.add_argument("--collection", metavar="C", help="only articles saved in C")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.set_defaults(handler=run_search)

    cache = subparsers.add_parser(
        "cache",
        parents=parents,
        help="show the cache size, or evict old articles",
        description="stats: what the library holds. prune: evict least-recently-read "
        "articles until the cache fits the budget (saved and starred articles stay).",
    )
    cache.add_argument("action", choices=("stats", "prune"))
    cache.add_argument(
        "--budget",
        metavar="SIZE",
        help="cache budget for prune, e.g. 500MB or 2GB (default: the setting, 2 GB)",
    )
    cache.set_defaults(handler=run_cache)

    check = subparsers.add_parser(
        "check",
        parents=parents,
        help="check the library and the copy of your saved things for damage, and repair",
        description="Reads every page of the library and of the copy of your saved things "
        "beside it (PRAGMA quick_check) and repairs whichever is damaged; also makes the "
        "daily backup when one is due. Other commands do not wait for this (the window "
        "does it in the background at every start).",
    )
    check.set_defaults(handler=run_check)


# -- helpers --------------------------------------------------------------------------


def _library(services: Services) -> Library:
    library = services.library
    if library.recovery is not None:
        print(f"kabar: {library.recovery.message}", file=sys.stderr)
    return library


def _day(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d") if value else "          "


def _headline_line(item: Headline) -> str:
    marks = ("*" if item.starred else " ") + (" " if item.read else "•")
    gone = "" if item.in_library else "  (not cached)"
    return f"{marks} {_day(item.added_at or item.sort_at)}  {item.title} — {item.outlet}\n" \
        f"      {item.url}{gone}"  # fmt: skip


# -- handlers -------------------------------------------------------------------------


def run_save(args: argparse.Namespace, services: Services) -> int:
    library = _library(services)
    names = args.collections or [READ_LATER]
    result = library.save_to_collection(args.url, names, offline=services.offline)
    if args.json:
        print_json(to_jsonable(result))
    else:
        how = "fetched and saved" if result.fetched else "saved"
        print(f"{how}: {result.title}")
        print(f"  in: {', '.join(result.collections)}")
    return 0


def run_collections(args: argparse.Namespace, services: Services) -> int:
    library = _library(services)
    if args.name:
        info = library.collection(args.name)
        items = library.headlines(collection=info.name, limit=max(1, args.limit))
        if args.json:
            print_json({"collection": to_jsonable(info), "articles": to_jsonable(items)})
            return 0
        print(f"{info.name} ({info.count} article{'s' if info.count != 1 else ''})")
        for item in items:
            print(_headline_line(item))
        return 0
    collections = library.collections()
    if args.json:
        print_json(to_jsonable(collections))
        return 0
    width = max((len(c.name) for c in collections), default=0)
    for c in collections:
        print(f"{c.name:<{width}}  {c.count:>5} article{'s' if c.count != 1 else ''}")
    return 0


def run_search(args: argparse.Namespace, services: Services) -> int:
    library = _library(services)
    hits = library.search(
        args.query, source=args.source, collection=args.collection, limit=max(1, args.limit)
    )
    if args.json:
        print_json([{**to_jsonable(hit), "snippet_marked": hit.marked()} for hit in hits])
        return 0
    if not hits:
        print(f"no articles match {args.query!r}", file=sys.stderr)
        return 0
    for hit in hits:
        print(f"{hit.title} — {hit.outlet}")
        print(f"  {hit.url}")
        print(f"  {hit.marked()}")
        print()
    return 0


def run_check(args: argparse.Namespace, services: Services) -> int:
    library = services.library  # damage found while opening is reported here, not twice
    repaired = library.verify() or library.recovery
    if args.json:
        print_json({"ok": repaired is None, "repaired": to_jsonable(repaired)})
    elif repaired is None:
        print("The library and the copy of your saved things are undamaged.")
    else:
        print(repaired.message)
    return 0


def run_cache(args: argparse.Namespace, services: Services) -> int:
    from reader.core.settings import format_size, parse_size  # noqa: PLC0415

    library = _library(services)
    if args.action == "stats":
        stats = library.cache_stats()
        if args.json:
            print_json(to_jsonable(stats))
            return 0
        print(f"articles:     {stats.articles} ({stats.pinned_articles} saved or starred)")
        print(f"pictures:     {stats.images}")
        print(
            f"cache:        {format_size(stats.cache_bytes)} of {format_size(stats.budget_bytes)}"
            f" (articles {format_size(stats.article_bytes)},"
            f" pictures {format_size(stats.image_bytes)})"
        )
        print(f"database:     {format_size(stats.file_bytes)} on disk")
        print(f"collections:  {stats.collections}; starred: {stats.starred}")
        return 0
    budget = None
    if args.budget is not None:
        try:
            budget = parse_size(args.budget)
        except ValueError as error:
            print(f"kabar: {error}", file=sys.stderr)
            return 2
    result = library.prune(budget)
    if args.json:
        print_json(to_jsonable(result))
        return 0
    print(
        f"evicted {result.evicted_articles} articles and {result.evicted_images} pictures, "
        f"freed {format_size(result.freed_bytes)}; cache now {format_size(result.cache_bytes)} "
        f"of {format_size(result.budget_bytes)}"
    )
    if result.over_budget:
        print("saved and starred articles alone are over the budget; they are never evicted")
    return 0
