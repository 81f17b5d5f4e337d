"""``kabar stories``: recent stories (the same event told by several outlets) and their outlets.

A library from before stories is grouped first (once; later articles are grouped as they
arrive). ``--split URL`` takes an article out of its story and ``--merge URL --into URL``
puts two stories together; both are kept across refreshes.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from reader.commands.output import json_option, print_json, to_jsonable
from reader.core.urls import typed_address

if TYPE_CHECKING:
    from reader.core.services import Services


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    stories = subparsers.add_parser(
        "stories",
        parents=[common, json_option()],
        help="list recent stories with the outlets that told them",
        description="Articles about the same event from several outlets form one story. "
        "Lists recent stories, newest first, with every outlet's telling.",
    )
    stories.add_argument("--limit", type=int, default=30, metavar="N")
    stories.add_argument(
        "--min-outlets", type=int, default=1, metavar="N", help="only stories told by N outlets"
    )
    stories.add_argument("--split", metavar="URL", type=typed_address,
                         help="take this article out of its story")  # fmt: skip
    stories.add_argument("--merge", metavar="URL", type=typed_address,
                         help="put this article's story into another (with --into)")  # fmt: skip
    stories.add_argument("--into", metavar="URL", type=typed_address)
    stories.set_defaults(handler=run_stories)


def run_stories(args: argparse.Namespace, services: Services) -> int:
    library = services.library
    if args.split:
        alone = library.split_story(args.split)
        return _done(args, {"split": args.split, "story": alone})
    if args.merge:
        if not args.into:
            print("kabar: --merge needs --into URL")
            return 1
        merged = library.merge_stories(args.merge, args.into)
        return _done(args, {"merged": args.merge, "into": args.into, "story": merged})
    library.group_pending()
    found = library.stories(limit=max(1, args.limit), min_outlets=max(1, args.min_outlets))
    if args.json:
        print_json(to_jsonable(found))
        return 0
    if not found:
        print("No stories yet. Run: kabar refresh")
    for story in found:
        outlets = ", ".join(story.outlets)
        print(f"{story.first_at.strftime('%Y-%m-%d %H:%M')}  {story.title}")
        print(f"      story {story.story} · {story.size} articles · {outlets}")
        for version in story.versions:
            print(f"        {version.outlet}: {version.url}")
    return 0


def _done(args: argparse.Namespace, value: dict[str, Any]) -> int:
    if args.json:
        print_json(value)
    else:
        print(f"story {value['story']}")
    return 0
