"""Re-chunking a Pagefind word index so that related index keys travel together.

Pagefind (1.5.2) cuts its word index into chunks by a running count of word positions and
the browser loads one chunk per query word: the chunk whose key range holds the word. A
query word matches every key it begins, but only inside that one chunk. The Vietnamese
index (see search.py) relies on all spellings of a syllable ("dak" + end marker + marks)
being found together, so this module regroups the chunks: keys are packed in order into
chunks of about TARGET_BYTES, and a chunk never ends inside a group of keys with the same
``group_of(key)``. The pf_meta file lists the new chunks and gets a new name (browsers
cache it), and pagefind-entry.json points at it.

Pagefind's files are gzip streams of b"pagefind_dcd" followed by CBOR (integers, text,
arrays in shortest form, as cbor2 writes them). Every file read is checked to re-encode to
the same bytes before anything changes, so an upgrade that changes the format stops the
build instead of breaking search.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
# CBOR bytes per chunk: about 10–20 KB once compressed. Smaller chunks make a query
# lighter but lengthen the chunk list every first query loads (pf_meta).
TARGET_BYTES = 16_000
_META_CHUNKS = 2  # position of the chunk list in pf_meta: [version, pages, chunks, …]


class IndexFormatError(RuntimeError):
    """The bundle is not in the format this module knows (Pagefind was upgraded?)."""


# --- Pagefind files ------------------------------------------------------------------------


def read(path: Path, check: bool = True) -> Any:
    """The CBOR value of a Pagefind file, checked to re-encode to the same bytes (``check``:
    one file of each kind is enough to tell the layout)."""
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise IndexFormatError(f"{path.name} cannot be read: {error}") from None
    if not raw.startswith(SIGNATURE):
        raise IndexFormatError(f"{path.name} does not start with Pagefind's signature")
    body = raw[len(SIGNATURE) :]
    try:
        value = cbor2.loads(body)
    except cbor2.CBORDecodeError as error:
        raise IndexFormatError(f"{path.name} cannot be read: {error}") from None
    if check and cbor2.dumps(value) != body:
        raise IndexFormatError(f"{path.name} is in a layout this build does not know")
    return value


def packed(value: Any) -> bytes:
    # mtime=0: the same index gives the same bytes.
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def _short_hash(data: bytes, taken: set[str], prefix: str) -> str:
    digest = hashlib.sha256(data).hexdigest()
    length = 7
    while f"{prefix}{digest[:length]}" in taken:
        length += 1
    return f"{prefix}{digest[:length]}"


def pack_groups(
    words: list[list[Any]], group_of: Callable[[str], str], target: int
) -> list[list[list[Any]]]:
    """Words (sorted) in chunks of about `target` CBOR bytes, never splitting a group."""
    chunks: list[list[list[Any]]] = []
    current: list[list[Any]] = []
    size = 0
    for index, word in enumerate(words):
        current.append(word)
        size += len(cbor2.dumps(word))
        following = words[index + 1][0] if index + 1 < len(words) else None
        if size >= target and (following is None or group_of(following) != group_of(word[0])):
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def regroup(
    bundle: Path, lang: str, group_of: Callable[[str], str], target: int | None = None
) -> int:
    """Rewrite the word chunks of one language's bundle; returns the number of chunks."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    language = entry["languages"][lang]
    meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
    meta = read(meta_file)
    try:
        old_chunks = [(chunk[0], chunk[1], chunk[2]) for chunk in meta[_META_CHUNKS]]
    except (TypeError, IndexError, ValueError):
        raise IndexFormatError(f"{meta_file.name} does not list index chunks") from None
    index_dir = bundle / "index"
    words: list[list[Any]] = []
    for number, (_, _, name) in enumerate(old_chunks):
        chunk = read(index_dir / f"{name}.pf_index", check=number == 0)
        if not isinstance(chunk, list) or not chunk or not isinstance(chunk[0], list):
            raise IndexFormatError(f"{name}.pf_index does not hold a list of words")
        words.extend(chunk[0])
    # Words are measured whole, spellings Pagefind grouped under them included (#1211).
    words.sort(key=lambda word: word[0])

    for _, _, name in old_chunks:
        (index_dir / f"{name}.pf_index").unlink()
    listed = []
    taken: set[str] = set()
    for chunk in pack_groups(words, group_of, target or TARGET_BYTES):
        data = packed([chunk])
        name = _short_hash(data, taken, f"{lang}_")
        taken.add(name)
        (index_dir / f"{name}.pf_index").write_bytes(data)
        # A query for a group's shared part (bare letters) must land in this chunk even
        # when no key is exactly that part, so the range starts at the group's part.
        listed.append([group_of(chunk[0][0]), chunk[-1][0], name])
    meta[_META_CHUNKS] = listed

    data = packed(meta)
    meta_hash = _short_hash(data, set(), f"{lang}_")[: len(language["hash"])]
    meta_file.unlink()
    (bundle / f"pagefind.{meta_hash}.pf_meta").write_bytes(data)
    language["hash"] = meta_hash
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
    return len(listed)
