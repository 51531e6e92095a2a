"""Model responses on disk, one readable JSON file per request, keyed by its content.

The key is a hash of everything that changes the answer: model, provider, the rendered
messages, the response schema, the instructor mode, the sampling parameters and the
prompt's version and hash. An entry holds the *raw* chat completion, not a parsed object,
so a replay goes through the same parse, validation and grounding as a live answer.
Only answers that passed validation are written (the caller's contract); writes are atomic,
so concurrent workers and killed jobs never leave a torn entry. No entry holds a header,
a key or anything else from the client's configuration beyond the request identity.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from filelock import AsyncFileLock, Timeout

from llmx.atomic import write_text_atomic

CACHE_DIR = Path("cache")
FORMAT = 1
# How long to wait for another process answering the same request before asking anyway.
CLAIM_WAIT = 900.0
# Temporary and lock files younger than this may belong to a job still running.
STALE_LEFTOVER = timedelta(hours=1)
# What llmx itself puts in a cache folder; nothing else is ever touched by prune.
_KEY = re.compile(r"^[0-9a-f]{64}$")
_TEMPORARY = re.compile(r"^\.([0-9a-f]{64})\.json\..+\.tmp$")
_LOCK = re.compile(r"^([0-9a-f]{64})\.lock$")
# Claims live apart from the entries, in one hidden folder: lock files outlive their locks
# (removing one another process may be waiting on would break the claim).
CLAIMS = ".claims"


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def cache_key(identity: Mapping[str, Any]) -> str:
    """The key of a request: a hash of its identity (and of this file format's version)."""
    return content_hash({"format": FORMAT, **identity})


@dataclass(frozen=True)
class CacheStats:
    entries: int = 0
    bytes: int = 0
    invalid: int = 0
    temporary: int = 0
    oldest: str | None = None
    newest: str | None = None
    by_model: dict[str, int] = field(default_factory=dict)
    tokens_in: int = 0
    tokens_out: int = 0


@dataclass(frozen=True)
class PruneResult:
    removed: int
    bytes: int
    paths: tuple[Path, ...]


class ResponseCache:
    """A folder of `<key[:2]>/<key>.json` files."""

    def __init__(self, root: Path = CACHE_DIR) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def lock_path(self, key: str) -> Path:
        return self.root / CLAIMS / f"{key}.lock"

    @contextlib.asynccontextmanager
    async def claim(self, key: str) -> AsyncIterator[bool]:
        """Hold the key while its answer is asked for, so that another process sharing the
        cache waits for this answer instead of paying for the same call. Yields whether the
        claim is held: a cache folder that cannot be written cannot be locked either, and the
        call goes ahead unclaimed."""
        lock = AsyncFileLock(self.lock_path(key), timeout=CLAIM_WAIT)
        try:
            self.lock_path(key).parent.mkdir(parents=True, exist_ok=True)
            await lock.acquire()
        except (OSError, Timeout):
            yield False
            return
        try:
            yield True
        finally:
            with contextlib.suppress(OSError):
                await lock.release()

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry for `key`, or None when absent or unreadable (treated as a miss)."""
        return self._read(self.path(key))

    def put(
        self,
        key: str,
        *,
        request: Mapping[str, Any],
        response: Mapping[str, Any],
        usage: Mapping[str, Any],
    ) -> Path:
        """Store a validated raw response; atomic, so a reader sees all of it or nothing."""
        entry = {
            "format": FORMAT,
            "key": key,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "request": dict(request),
            "response": dict(response),
            "usage": dict(usage),
        }
        path = self.path(key)
        write_text_atomic(path, json.dumps(entry, ensure_ascii=False, indent=2) + "\n")
        return path

    def _files(self) -> Iterator[Path]:
        """Files named as entries are: `<key[:2]>/<key>.json`, key 64 hex digits."""
        if self.root.is_dir():
            for path in sorted(self.root.glob("??/*.json")):
                if _KEY.match(path.stem) and path.parent.name == path.stem[:2]:
                    yield path

    def _temporaries(self) -> Iterator[Path]:
        """Leftovers of llmx's own atomic writes and claims: `.<key>.json.*.tmp` beside the
        entries, `<key>.lock` in the claims folder."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("??/.*")):
            match = _TEMPORARY.match(path.name)
            if match and path.parent.name == match.group(1)[:2] and path.is_file():
                yield path
        for path in sorted((self.root / CLAIMS).glob("*.lock")):
            if _LOCK.match(path.name) and path.is_file():
                yield path

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if _valid(entry) and path.stem == entry["key"] else None

    def stats(self) -> CacheStats:
        entries = invalid = size = tokens_in = tokens_out = 0
        models: Counter[str] = Counter()
        times: list[str] = []
        for path in self._files():
            size += path.stat().st_size
            entry = self._read(path)
            if entry is None:
                invalid += 1
                continue
            entries += 1
            models[str(entry["request"].get("model"))] += 1
            times.append(str(entry["created"]))
            usage = entry.get("usage", {})
            tokens_in += int(usage.get("tokens_in", 0))
            tokens_out += int(usage.get("tokens_out", 0))
        return CacheStats(
            entries=entries,
            bytes=size,
            invalid=invalid,
            temporary=sum(1 for path in self._temporaries() if path.suffix == ".tmp"),
            oldest=min(times) if times else None,
            newest=max(times) if times else None,
            by_model=dict(models.most_common()),
            tokens_in=tokens_in,
            tokens_out=tokens_out,
        )

    def prune(
        self,
        *,
        older_than: timedelta | None = None,
        model: str | None = None,
        everything: bool = False,
        dry_run: bool = False,
        now: datetime | None = None,
    ) -> PruneResult:
        """Remove llmx's own leftovers (temporary and lock files over an hour old) always;
        and, by choice, entries older than a given age, of one model, or all of them.

        Only files provably llmx's are touched: an entry is removed only when it reads as an
        entry whose key is its file name; anything else in the folder stays."""
        cutoff = (now or datetime.now(UTC)) - older_than if older_than is not None else None
        # A leftover claim may be held right now by a running job: only old ones go.
        stale = (now or datetime.now(UTC)) - STALE_LEFTOVER
        doomed: list[Path] = [
            path
            for path in self._temporaries()
            if datetime.fromtimestamp(path.stat().st_mtime, UTC) < stale
        ]
        for path in self._files():
            entry = self._read(path)
            if entry is None:
                # Named like an entry but not one llmx can read (torn, edited, someone
                # else's): not provably ours, so it stays; `stats` counts it.
                continue
            if everything:
                doomed.append(path)
                continue
            too_old = cutoff is not None and datetime.fromisoformat(entry["created"]) < cutoff
            of_model = model is not None and entry["request"].get("model") == model
            if (too_old and (model is None or of_model)) or (of_model and cutoff is None):
                doomed.append(path)
        size = 0
        for path in doomed:
            with contextlib.suppress(FileNotFoundError):
                size += path.stat().st_size
                if not dry_run:
                    path.unlink()
        if not dry_run:
            for folder in {path.parent for path in doomed}:
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only succeeds when empty
        return PruneResult(len(doomed), size, tuple(doomed))


def _valid(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and entry.get("format") == FORMAT
        and isinstance(entry.get("key"), str)
        and isinstance(entry.get("request"), dict)
        and isinstance(entry.get("response"), dict)
        and isinstance(entry.get("created"), str)
    )
