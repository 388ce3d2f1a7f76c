"""The page cache on plain data: keys, stored pages, damaged and foreign indexes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from markupsafe import Markup

from gialai.pagecache import FORMAT, PageCache, PageFacts, SearchCache, Uncacheable, digest_of


@dataclasses.dataclass
class _View:
    title: str
    cards: list[dict]


def test_a_key_changes_with_any_value_a_template_can_read():
    view = _View("Biển Hồ", [{"title": "Thác 50", "url": "du-lich/thac-50/"}])
    same = _View("Biển Hồ", [{"url": "du-lich/thac-50/", "title": "Thác 50"}])
    assert digest_of(view) == digest_of(same)  # dictionaries compare by content
    other = _View("Biển Hồ", [{"title": "Thác 50 ở Kbang", "url": "du-lich/thac-50/"}])
    assert digest_of(view) != digest_of(other)
    # Text and the same text marked as HTML print differently: they are different values.
    assert digest_of({"a": "<b>x</b>"}) != digest_of({"a": Markup("<b>x</b>")})
    assert digest_of([1, "1"]) != digest_of(["1", 1])


def test_a_value_without_a_stable_form_is_never_cached():
    with pytest.raises(Uncacheable):
        digest_of({"format": lambda value: value})


def _cache(folder: Path, fingerprint: str = "f1", messages: list | None = None) -> PageCache:
    tell = messages.append if messages is not None else (lambda message: None)
    return PageCache(folder, "site-a", fingerprint, tell=tell)


def test_a_stored_page_comes_back_only_with_its_key(tmp_path):
    cache = _cache(tmp_path / "c")
    cache.store("du-lich/index.html", "k1", b"<html>one</html>", ["../", "thac-50/"])
    cache.save()
    again = _cache(tmp_path / "c")
    target = tmp_path / "site" / "du-lich" / "index.html"
    assert not again.restore("du-lich/index.html", "k2", target)
    assert not target.exists()
    assert again.restore("du-lich/index.html", "k1", target)
    assert target.read_bytes() == b"<html>one</html>"
    assert again.links() == {"du-lich/index.html": ("../", "thac-50/")}


def test_a_changed_fingerprint_forgets_every_page_quietly(tmp_path):
    cache = _cache(tmp_path / "c")
    cache.store("index.html", "k", b"<html></html>", [])
    cache.save()
    messages: list[str] = []
    again = _cache(tmp_path / "c", fingerprint="f2", messages=messages)
    assert not again.restore("index.html", "k", tmp_path / "out.html")
    assert messages == []


@pytest.mark.parametrize(
    ("written", "says"),
    [
        (b"{not json", "cannot be read"),
        (b"", "cannot be read"),
        (b"[1, 2]", "cannot be read"),
        (
            json.dumps({"format": FORMAT, "site": "site-a", "pages": {"a": [1]}}).encode(),
            "cannot be read",
        ),
        (
            json.dumps({"format": 99, "site": "site-a", "pages": {}}).encode(),
            "is of another version",
        ),
        (
            json.dumps({"format": FORMAT, "site": "site-b", "pages": {}}).encode(),
            "is another site's",
        ),
    ],
)
def test_a_damaged_or_foreign_index_is_ignored_with_one_line(tmp_path, written, says):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "index.json").write_bytes(written)
    messages: list[str] = []
    cache = _cache(folder, messages=messages)
    assert cache.stored == {}
    assert messages == [
        f"{(folder / 'index.json').as_posix()}: the page cache {says}; every page is made again."
    ]


def test_a_stored_page_with_other_bytes_is_made_again(tmp_path):
    cache = _cache(tmp_path / "c")
    cache.store("index.html", "k", b"<html>home</html>", [])
    cache.save()
    stored = next((tmp_path / "c" / "files").iterdir())
    stored.write_bytes(b"<html>hom</html>")
    messages: list[str] = []
    again = _cache(tmp_path / "c", messages=messages)
    assert not again.restore("index.html", "k", tmp_path / "out.html")
    assert len(messages) == 1 and "a stored page is damaged" in messages[0]


def test_pages_no_longer_built_are_dropped(tmp_path):
    cache = _cache(tmp_path / "c")
    cache.store("a/index.html", "k", b"a", [])
    cache.store("b/index.html", "k", b"b", [])
    cache.save()
    again = _cache(tmp_path / "c")
    assert again.restore("a/index.html", "k", tmp_path / "a.html")
    again.save()
    assert len(list((tmp_path / "c" / "files").iterdir())) == 1
    assert set(json.loads((tmp_path / "c" / "index.json").read_text())["pages"]) == {"a/index.html"}


def test_a_search_bundle_is_reused_only_whole_and_with_its_key(tmp_path):
    built = tmp_path / "built" / "en"
    (built / "pagefind" / "index").mkdir(parents=True)
    (built / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (built / "pagefind" / "index" / "en_1.pf_index").write_bytes(b"\x01\x02")
    messages: list[str] = []
    store = SearchCache(tmp_path / "search", tell=messages.append)
    key = store.key("en", ["record"])
    assert key != store.key("en", ["another record"])
    store.store("en", key, built)
    target = tmp_path / "site" / "en"
    assert not store.restore("en", store.key("en", ["another record"]), target)
    assert store.restore("en", key, target)
    assert (target / "pagefind" / "index" / "en_1.pf_index").read_bytes() == b"\x01\x02"
    (tmp_path / "search" / "en" / "pagefind" / "index" / "en_1.pf_index").write_bytes(b"\x01")
    assert not store.restore("en", key, tmp_path / "other")
    assert len(messages) == 1 and "the stored search index is damaged" in messages[0]


def test_a_stored_page_is_linked_and_a_changed_file_is_caught_by_its_time(tmp_path):
    import os

    cache = _cache(tmp_path / "c")
    cache.store("index.html", "k", b"<html>home</html>", [], own="o1")
    cache.save()
    stored = next((tmp_path / "c" / "files").iterdir())
    again = _cache(tmp_path / "c")
    target = tmp_path / "site" / "index.html"
    assert again.restore("index.html", "k", target, "o1")
    assert os.path.samefile(target, stored)  # linked, not copied
    # The same size, other bytes, another time: read and refused.
    stored.write_bytes(b"<html>hame</html>")
    os.utime(stored, ns=(1, 1))
    messages: list[str] = []
    third = _cache(tmp_path / "c", messages=messages)
    assert not third.restore("index.html", "k", tmp_path / "other.html", "o1")
    assert messages and "damaged" in messages[0]


def test_a_page_keeps_its_key_only_while_what_others_show_is_the_same(tmp_path):
    cache = _cache(tmp_path / "c")
    cache.cards = "cards-1"
    cache.store("a/index.html", "key-a", b"<html>a</html>", [], own="own-a")
    cache.save()
    again = _cache(tmp_path / "c")
    assert again.kept_as_before("a/index.html", "own-a") is None  # not told the cards yet
    again.cards = "cards-1"
    assert again.kept_as_before("a/index.html", "own-a") == "key-a"
    assert again.kept_as_before("a/index.html", "own-b") is None  # its own text changed
    assert again.kept_as_before("b/index.html", "own-a") is None
    again.cards = "cards-2"  # another page's title, date or photo changed
    assert again.kept_as_before("a/index.html", "own-a") is None


def test_facts_read_from_a_page_are_read_once_by_its_digest(tmp_path):
    path = tmp_path / "facts.json"
    reads: list[str] = []

    def read(name: str):
        def reader():
            reads.append(name)
            return (frozenset({name, "shared"}),)

        return reader

    facts = PageFacts(path)
    assert facts.get("d1", read("a")) == (frozenset({"a", "shared"}),)
    assert facts.get("d2", read("b")) == (frozenset({"b", "shared"}),)
    assert facts.get(None, read("c")) == (frozenset({"c", "shared"}),)  # no digest: read
    facts.save()
    again = PageFacts(path)
    assert again.get("d1", read("x")) == (frozenset({"a", "shared"}),)
    assert reads == ["a", "b", "c"]
    again.save()  # only d1 was used: d2 is forgotten
    assert set(PageFacts(path).facts) == {"d1"}
    path.write_text("{broken", encoding="utf-8")
    assert PageFacts(path).facts == {}


def test_a_damaged_file_is_written_again_when_its_page_is_stored_again(tmp_path):
    import os

    cache = _cache(tmp_path / "c")
    cache.store("index.html", "k", b"<html>home</html>", [])
    cache.save()
    stored = next((tmp_path / "c" / "files").iterdir())
    stored.write_bytes(b"<html>hame</html>")  # same size, other bytes
    again = _cache(tmp_path / "c")
    again.store("index.html", "k", b"<html>home</html>", [])
    again.save()
    assert stored.read_bytes() == b"<html>home</html>"
    third = _cache(tmp_path / "c")
    target = tmp_path / "out.html"
    assert third.restore("index.html", "k", target)
    assert target.read_bytes() == b"<html>home</html>"
    assert os.path.samefile(target, stored)
