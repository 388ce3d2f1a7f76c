"""The search text and the Pagefind index it makes (Vietnamese regrouped; Lao, Chinese and
Latin orthographies as Pagefind keeps them), without a browser."""

from __future__ import annotations

import gzip
import json
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gialai import pagefind_index
from gialai.languages import Language, SearchTraits
from gialai.search import (
    VI_END,
    VI_LETTERS,
    Record,
    build_language_index,
    decode_vietnamese,
    encode_vietnamese,
    vietnamese_syllable,
)

END = chr(VI_END)
# A language that searches as Vietnamese does (the table's trait, not its code).
VI = Language("vi", "Tiếng Việt", default=True, search=SearchTraits("vietnamese"))
COMBINING = re.compile(r"[\u0300-\u036f]")

# Letters of Vietnamese with every mark, and some text around them.
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
LETTERS = VIETNAMESE + VIETNAMESE.upper() + "bcghklmnpqrstvx0123456789"
words = st.text(alphabet=LETTERS, min_size=1, max_size=VI_LETTERS)
gaps = st.sampled_from([" ", ", ", ". ", " – ", "-", "\n", " (", ") "])  # ' joins words
vietnamese_text = st.lists(st.tuples(words, gaps), max_size=12).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


@given(vietnamese_text)
@settings(max_examples=300, deadline=None)
def test_vietnamese_text_comes_back_as_written(text):
    encoded = encode_vietnamese(text)
    assert decode_vietnamese(encoded) == unicodedata.normalize("NFC", text)
    # Nothing left for Pagefind to fold: no combining marks and no đ in the index.
    assert not COMBINING.search(unicodedata.normalize("NFD", encoded))
    assert "đ" not in encoded.lower()


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
@example("Ṥ")  # S, acute, dot above: the acute is a Vietnamese mark, the dot is not
def test_any_text_comes_back_as_written(text):
    """Other scripts, stray marks and very long words are kept, marks and all."""
    text = unicodedata.normalize("NFC", text)
    assert decode_vietnamese(encode_vietnamese(text)) == text


@pytest.mark.parametrize(
    "spellings",
    [
        ("ca", "cà", "cá", "cả", "cạ", "CA", "Cà"),
        ("dak", "Đắk", "đak", "Dak", "đắk"),
        ("le", "lệ", "lễ", "Lê"),
        ("thanh", "thành", "thánh", "Thạnh"),
        ("H'Mong", "H'Mông", "h'mông"),
    ],
)
def test_every_spelling_of_a_syllable_shares_its_bare_form(spellings):
    bare = encode_vietnamese(spellings[0]).lower()
    for word in spellings:
        encoded = encode_vietnamese(word).lower()
        assert encoded.startswith(bare), word
        assert vietnamese_syllable(encoded) == bare


def test_other_syllables_do_not_share_a_bare_form():
    """'ca' must not reach 'các' or 'cao': whole syllables are compared, not beginnings."""
    bare = encode_vietnamese("ca").lower()
    for word in ("các", "cao", "cách", "cây", "cam"):
        assert not encode_vietnamese(word).lower().startswith(bare), word
    # Marks are kept apart: 'thác' is not 'thạc' nor 'thấc'.
    forms = {encode_vietnamese(word) for word in ("thác", "thạc", "thấc", "thắc", "thac")}
    assert len(forms) == 5


def test_a_mark_the_reader_types_narrows_the_search():
    """An accented query is a beginning of its own spelling only."""
    query = encode_vietnamese("đắk").lower()
    assert encode_vietnamese("Đắk").lower().startswith(query)
    assert not encode_vietnamese("Đăk").lower().startswith(query)
    assert not encode_vietnamese("dak").lower().startswith(query)


# --- the regrouped index ------------------------------------------------------------------

SYLLABLES = ["ca", "cà", "cá", "cả", "các", "cách", "cao", "cây", "cần", "cấp", "phê", "pha"]


def _records(count: int) -> list[Record]:
    records = []
    for number in range(count):
        words = [SYLLABLES[(number * 7 + step * 3) % len(SYLLABLES)] for step in range(40)]
        records.append(
            Record(
                path=f"bai-{number}/",
                title=f"Bài {number}",
                content=" ".join(words) + f" đắk {number}",
                category="Tin tức",
                date="1 tháng 1",
            )
        )
    return records


def _chunks(bundle: Path) -> tuple[list[list], dict[str, list[str]]]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = pagefind_index.read(bundle / f"pagefind.{entry['languages']['vi']['hash']}.pf_meta")
    ranges = meta[2]
    keys = {
        name: [word[0] for word in pagefind_index.read(bundle / "index" / f"{name}.pf_index")[0]]
        for _, _, name in ranges
    }
    return ranges, keys


def test_all_spellings_of_a_syllable_are_in_the_chunk_a_query_loads(tmp_path, monkeypatch):
    monkeypatch.setattr(pagefind_index, "TARGET_BYTES", 300)  # many small chunks
    bundle = build_language_index(VI, _records(60), tmp_path)
    ranges, keys = _chunks(bundle)
    assert len(ranges) > 5
    on_disk = {path.stem for path in (bundle / "index").iterdir()}
    assert on_disk == set(keys)  # the old chunks are gone, every listed chunk exists
    everything = [key for _, _, name in ranges for key in keys[name]]
    assert everything == sorted(everything)
    groups = {vietnamese_syllable(key) for key in everything}
    for group in groups:
        # As Pagefind's browser code does: the first chunk whose range holds the query.
        loaded = next(name for start, end, name in ranges if start <= group <= end)
        spellings = [key for key in everything if key.startswith(group)]
        assert set(spellings) <= set(keys[loaded]), group
    # The bare form of 'ca' reaches cà, cá, cả and ca, and nothing else.
    ca = encode_vietnamese("ca").lower()
    assert sorted(decode_vietnamese(key) for key in everything if key.startswith(ca)) == sorted(
        ["ca", "cà", "cá", "cả"]
    )


def test_the_entry_names_the_new_chunk_list(tmp_path):
    bundle = build_language_index(VI, _records(5), tmp_path)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    metas = list(bundle.glob("*.pf_meta"))
    assert [path.name for path in metas] == [f"pagefind.{entry['languages']['vi']['hash']}.pf_meta"]
    # Built twice from the same text: the same files, so browsers keep what they cached.
    again = build_language_index(VI, _records(5), tmp_path / "again")
    assert sorted(p.name for p in (again / "index").iterdir()) == sorted(
        p.name for p in (bundle / "index").iterdir()
    )


def test_an_index_in_an_unknown_layout_stops_the_build(tmp_path):
    bundle = build_language_index(VI, _records(5), tmp_path)
    chunk = next((bundle / "index").iterdir())
    chunk.write_bytes(gzip.compress(b"pagefind_dcd" + b"\xff\x00"))
    with pytest.raises(pagefind_index.IndexFormatError, match=chunk.name):
        pagefind_index.regroup(bundle, "vi", vietnamese_syllable)
    chunk.write_bytes(gzip.compress(b"something else"))
    with pytest.raises(pagefind_index.IndexFormatError, match="signature"):
        pagefind_index.read(chunk)
    chunk.write_bytes(b"not compressed")
    with pytest.raises(pagefind_index.IndexFormatError, match="cannot be read"):
        pagefind_index.read(chunk)


def test_a_changed_pagefind_format_is_reported_plainly(tmp_path, monkeypatch):
    def refuse(path):
        raise pagefind_index.IndexFormatError(
            f"{path.name} is in a layout this build does not know"
        )

    monkeypatch.setattr(pagefind_index, "read", refuse)
    with pytest.raises(RuntimeError) as caught:
        build_language_index(VI, _records(3), tmp_path)
    message = str(caught.value)
    assert message.startswith("the search index of 'vi' could not be built: pagefind.vi_")
    assert "keep the version pinned in requirements.lock" in message


def test_words_with_marks_pagefind_folds_are_kept(tmp_path):
    """Marks past VI_LETTERS and other scripts' marks stay marks; Pagefind groups them."""
    long_word = "a" * VI_LETTERS + "ệ"
    record = Record("dai/", "Dài", f"{long_word} Müller façade đắk", "Tin tức", "1 tháng 1")
    bundle = build_language_index(VI, [record], tmp_path)
    ranges, _ = _chunks(bundle)
    chunk = pagefind_index.read(bundle / "index" / f"{ranges[0][2]}.pf_index")[0]
    variants = {variant[0] for word in chunk for variant in word[2]}
    assert {decode_vietnamese(v) for v in variants} >= {long_word, "müller", "façade"}


# --- Lao, Chinese and Latin orthographies: what Pagefind keeps in its index ---------------


def _keys(bundle: Path, tag: str) -> set[str]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = pagefind_index.read(bundle / f"pagefind.{entry['languages'][tag]['hash']}.pf_meta")
    return {
        word[0]
        for _, _, name in meta[2]
        for word in pagefind_index.read(bundle / "index" / f"{name}.pf_index")[0]
    }


def _language(code: str, tag: str, text: str) -> Language:
    return Language(code, code, tag=tag, search=SearchTraits(text))


def test_lao_keys_keep_vowel_signs_and_tone_marks(tmp_path):
    from gialai.segmenting import LAO, decode_words

    records = [
        Record("ປາ/", "ທະເລສາບ", "ໃນທະເລສາບມີປາຫຼາຍຊະນິດ.", "ຂ່າວ", "1"),
        Record("ປ່າ/", "ນ້ຳຕົກ", "ນ້ຳຕົກຕັ້ງຢູ່ໃນປ່າທຶບ.", "ຂ່າວ", "2"),
    ]
    bundle = build_language_index(_language("lo", "lo", "lao"), records, tmp_path, tmp_path)
    keys = {decode_words(key, LAO) for key in _keys(bundle, "lo")}
    assert {"ປາ", "ປ່າ", "ຫຼາຍ", "ທຶບ", "ນ້ຳ", "ຕົກ"} <= keys
    assert (tmp_path / "lo/search-vocab/e9b.txt").read_text(encoding="utf-8").split() == [
        "ປາ",
        "ປ່າ",
    ]
    assert (tmp_path / "lao-words.json").is_file()  # the splits are kept for the next build


def test_pagefind_keeps_the_chinese_words_the_build_split():
    """Pagefind would split Chinese again (jieba) if it cut a word of the build's split."""
    from bench.phrases import PHRASES

    from gialai.segmenting import CHINESE, WordSegmenter

    segmenter = WordSegmenter(CHINESE)
    texts = [chinese for _, chinese in PHRASES.values()]
    records = [Record(f"p{n}/", text, text, "新闻", "1") for n, text in enumerate(texts)]
    words = {word.lower() for text in texts for word in segmenter.encode(text).split(" ")}
    with tempfile.TemporaryDirectory() as folder:
        bundle = build_language_index(_language("zh", "zh-Hans", "chinese"), records, Path(folder))
        keys = _keys(bundle, "und")
        assert not (Path(folder) / "zh/search-vocab").exists()
    assert len(keys) > 300
    # Latin names are folded (Lệ → le); every Chinese key is a word of the build's split.
    assert {key for key in keys if re.search("[\u4e00-\u9fff]", key)} <= words


def test_latin_keys_are_plain_letters(tmp_path):
    from gialai.search import decode_latin

    record = Record("a/", "Ƀuôn", "Test text, not Jrai: ƀuôn Đak ơ̆ng dŏng ư̆ê̆ ñu.", "News", "1")
    bundle = build_language_index(_language("jv", "jra", "latin"), [record], tmp_path)
    keys = _keys(bundle, "jra")
    assert {"buon", "dak", "ong", "dong", "ue", "nu"} <= keys
    assert all(key.isascii() for key in keys)
    fragment = next((bundle / "fragment").iterdir())
    assert "b\u0335uôn" in gzip.decompress(fragment.read_bytes()).decode("utf-8", "replace")
    assert decode_latin("B\u0335uôn d\u0335ak") == "Ƀuôn đak"
