"""A real FreshRSS for the sync tests, and a second client acting "on the phone".

The server is started once per test session (``../shared/servers/start-freshrss.sh``);
every test gets its own FreshRSS user, so tests never see each other's feeds. ``Phone``
changes things on the server through its Google Reader API with plain ``requests``
(independent of Kabar's own client, which is what is under test).
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

SCRIPT = Path(__file__).resolve().parents[3] / "shared" / "servers" / "start-freshrss.sh"
LONG = "tag:google.com,2005:reader/item/"
_users = itertools.count(1)


def script() -> Path | None:
    """The start script beside the checkout (``../shared``), or under /work/shared."""
    for candidate in (SCRIPT, Path("/work/shared/servers/start-freshrss.sh")):
        if candidate.exists():
            return candidate
    return None


@dataclass
class FreshRSS:
    base: str
    api: str
    pid: int
    root: Path
    #: The user the start script made (``alice``) and its password: for tests that change
    #: nothing on the server.
    user: tuple[str, str] = ("alice", "alicepass123")
    #: Users created ahead (:meth:`prepare_users`), handed out by :meth:`new_user`.
    ready: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def start(cls, work: Path) -> FreshRSS:
        start = script()
        assert start is not None
        # PHP's opcode cache looks at a changed file (a user's config.php, changed by the
        # CLI) again only every 2 s by default: here, at every request. The blank entry
        # keeps PHP's own scan directory.
        ini = work / "php-ini"
        ini.mkdir(parents=True, exist_ok=True)
        (ini / "90-kabar-tests.ini").write_text("opcache.revalidate_freq=0\n")
        scan = os.pathsep + str(ini)
        out = subprocess.run(
            ["bash", str(start), str(work)], capture_output=True, text=True, check=True,
            timeout=60, env={**os.environ, "PHP_INI_SCAN_DIR": scan},
        ).stdout  # fmt: skip
        values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return cls(
            values["base"], values["greader"], int(values["pid"]), work / "freshrss",
            (values["user"], values["password"]),
        )  # fmt: skip

    def stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        with _suppress():
            os.waitpid(self.pid, 0)

    def cli(self, name: str, *args: str) -> str:
        result = subprocess.run(
            ["php", str(self.root / "cli" / name), *args], capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip
        return result.stdout + result.stderr

    def new_user(self, password: str = "secretpass123") -> tuple[str, str]:
        """A fresh user (with the API enabled) and its password."""
        if self.ready and self.ready[0][1] == password:
            return self.ready.pop(0)
        name = f"user{os.getpid()}x{next(_users)}"
        self.cli("create-user.php", "--user", name, "--api-password", password)
        return name, password

    def prepare_users(
        self, count: int, password: str = "secretpass123", *, at_once: int = 4
    ) -> None:
        """Create ``count`` users now, several side by side: one ``create-user`` spends
        most of its half second waiting (PHP start-up, SQLite), so running a few together
        costs a test session less than one per test."""
        names = [f"user{os.getpid()}x{next(_users)}" for _ in range(count)]
        script = str(self.root / "cli" / "create-user.php")
        for start in range(0, len(names), at_once):
            group = names[start : start + at_once]
            args = ["--api-password", password]  # the API's only: no web login is used
            running = [
                subprocess.Popen(
                    ["php", script, "--user", name, *args],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for name in group
            ]
            for process, name in zip(running, group, strict=True):
                if process.wait(timeout=120) == 0:
                    self.ready.append((name, password))

    def fetch_feeds(self, user: str) -> None:
        """Make FreshRSS read its feeds now (it fetches from the test web)."""
        self.cli("actualize-user.php", "--user", user)

    def set_api_password(self, user: str, password: str) -> None:
        """Change the API password, and wait until the server answers with it (PHP's
        built-in server reads the user's config through its opcode cache; see start)."""
        self.cli("update-user.php", "--user", user, "--api-password", password)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            answer = requests.post(
                f"{self.api}/accounts/ClientLogin", data={"Email": user, "Passwd": password},
                timeout=30,
            )  # fmt: skip
            if answer.ok and "Auth=" in answer.text:
                return
            time.sleep(0.1)  # polling a condition, bounded by the deadline
        raise AssertionError(f"FreshRSS never took the new API password of {user}")


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


class Phone:
    """Another client of the same server account (what the reader does elsewhere)."""

    def __init__(self, api: str, user: str, password: str) -> None:
        self.api = api.rstrip("/")
        self.http = requests.Session()
        login = self.http.post(
            f"{self.api}/accounts/ClientLogin", data={"Email": user, "Passwd": password},
            timeout=30,
        )  # fmt: skip
        login.raise_for_status()
        auth = next(line[5:] for line in login.text.splitlines() if line.startswith("Auth="))
        self.http.headers["Authorization"] = f"GoogleLogin auth={auth}"
        self.token = self.http.get(f"{self.api}/reader/api/0/token", timeout=30).text.strip()

    def _get(self, path: str, **params: str) -> dict:  # type: ignore[type-arg]
        answer = self.http.get(
            f"{self.api}/reader/api/0/{path}", params={**params, "output": "json"}, timeout=30
        )
        answer.raise_for_status()
        return answer.json()  # type: ignore[no-any-return]

    def _post(self, path: str, data: list[tuple[str, str]]) -> str:
        answer = self.http.post(
            f"{self.api}/reader/api/0/{path}", data=[*data, ("T", self.token)], timeout=60
        )
        answer.raise_for_status()
        return answer.text

    def subscriptions(self) -> list[dict]:  # type: ignore[type-arg]
        return self._get("subscription/list")["subscriptions"]  # type: ignore[no-any-return]

    def feed(self, url: str) -> dict | None:  # type: ignore[type-arg]
        return next((s for s in self.subscriptions() if s["url"] == url), None)

    def subscribe(self, url: str, label: str = "") -> None:
        form = [("ac", "subscribe"), ("s", f"feed/{url}")]
        if label:
            form.append(("a", f"user/-/label/{label}"))
        self._post("subscription/edit", form)

    def unsubscribe(self, stream: str) -> None:
        self._post("subscription/edit", [("ac", "unsubscribe"), ("s", stream)])

    def edit(self, stream: str, *, title: str = "", label: str = "") -> None:
        form = [("ac", "edit"), ("s", stream)]
        if title:
            form.append(("t", title))
        if label:
            form.append(("a", f"user/-/label/{label}"))
        self._post("subscription/edit", form)

    def ids(self, stream: str, exclude: str = "", n: int = 1000) -> set[int]:
        params = {"s": stream, "n": str(n)}
        if exclude:
            params["xt"] = exclude
        refs = self._get("stream/items/ids", **params).get("itemRefs", [])
        return {int(r["id"]) for r in refs}

    def unread(self) -> set[int]:
        return self.ids("user/-/state/com.google/reading-list", "user/-/state/com.google/read")

    def starred(self) -> set[int]:
        return self.ids("user/-/state/com.google/starred")

    def label(self, name: str) -> set[int]:
        return self.ids(f"user/-/label/{name}")

    def items(self) -> dict[str, int]:
        """Every item's link -> decimal id."""
        ids = self.ids("user/-/state/com.google/reading-list")
        if not ids:
            return {}
        body = self._post("stream/items/contents", [("i", str(i)) for i in ids])
        import json

        found = {}
        for item in json.loads(body)["items"]:
            found[item["alternate"][0]["href"]] = int(item["id"][len(LONG) :], 16)
        return found

    def tags(self) -> set[str]:
        found = self._get("tag/list")["tags"]
        return {t["id"].split("/label/", 1)[1] for t in found if "/label/" in t["id"]}

    def disable_tag(self, label: str) -> None:
        self._post("disable-tag", [("s", f"user/-/label/{label}")])

    def tag(self, ids: list[int], *, add: str = "", remove: str = "") -> None:
        form = [("i", str(i)) for i in ids]
        if add:
            form.append(("a", add))
        if remove:
            form.append(("r", remove))
        self._post("edit-tag", form)


def php_available() -> bool:
    return shutil.which("php") is not None and script() is not None
