"""Khmer and Lao split over the site's vocabulary, codes typed as one word, the glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from gialai.search import Record, _html_document, joined_keys, load_glossary
from gialai.segmenting import KHMER, WORD_JOINER, WordSegmenter, atomic_words, split_known


def _words(encoded: str) -> list[str]:
    return [word for word in encoded.translate(KHMER.show).split(" ") if word != WORD_JOINER]


def test_the_fewest_known_words_win():
    known = {"ការ", "ធ្វើ", "ដំណើរ", "ធ្វើដំណើរ"}
    assert split_known("ការធ្វើដំណើរ", known, 14) == ["ការ", "ធ្វើដំណើរ"]
    # Letters no word covers stay together, between the words that are known.
    assert split_known("ការកកកធ្វើ", known, 14) == ["ការ", "កកក", "ធ្វើ"]


def test_compounds_of_the_vocabulary_are_indexed_as_their_parts():
    words = {"ការ", "ធ្វើដំណើរ", "ការធ្វើដំណើរ", "ទេសចរ"}
    atomic = atomic_words(words, keep=set(), longest=14)
    assert "ការធ្វើដំណើរ" not in atomic
    assert {"ការ", "ធ្វើដំណើរ", "ទេសចរ"} <= atomic
    # A name of the glossary stays whole, though its parts are words too.
    kept = atomic_words({"អូរ", "យ៉ា", "ដាវ", "អូរយ៉ាដាវ"}, keep={"អូរយ៉ាដាវ"}, longest=14)
    assert "អូរយ៉ាដាវ" in kept
    assert split_known("ច្រកអូរយ៉ាដាវ", kept | {"ច្រក"}, 14) == ["ច្រក", "អូរយ៉ាដាវ"]


def test_a_word_inside_a_compound_is_found_as_the_query_is_split():
    """ធ្វើដំណើរ (travel) inside ការធ្វើដំណើរ: the index has the words the query splits into."""
    segmenter = WordSegmenter(KHMER)
    # ការ (the noun-making word) on its own, as in a title "ការ …" followed by a space.
    texts = ["ការធ្វើដំណើរទៅខេត្តយ៉ាឡាយ។", "យើងធ្វើដំណើរតាមផ្លូវ។", "ការ"]
    for text in texts:
        segmenter.learn(text)
    indexed = _words(segmenter.encode(texts[0]))
    query = segmenter.split("ធ្វើដំណើរ")
    assert "ការធ្វើដំណើរ" not in indexed
    at = indexed.index(query[0])
    assert indexed[at : at + len(query)] == query


def test_the_glossary_keeps_a_name_whole_in_the_index():
    name = "អូរយ៉ាដាវ"
    text = f"ច្រកទ្វារព្រំដែនឡេថាញ់ទល់មុខស្រុក{name}។"
    plain = WordSegmenter(KHMER)
    kept = WordSegmenter(KHMER, keep=(name,))
    assert name in _words(kept.encode(text))
    assert kept.split(name) == [name]
    assert name in kept.vocabulary
    # The split the reader's browser makes of the name is the index's word.
    assert plain.split(name) != [name] or name in _words(plain.encode(text))


def test_codes_and_names_are_also_one_word():
    text = "Quyết định 1191/QĐ-TTg, Kế hoạch 516/KH-UBND và hội chợ Q-FAIR 2025 ở Chư Đăng Ya."
    keys = joined_keys(text, names=("Chư Đăng Ya", "Pleiku"))
    assert keys == ["1191qdttg", "516khubnd", "qfair2025", "qfair", "chudangya"]
    # Dates and numbers are no codes: nothing to add.
    assert joined_keys("Ngày 17/3/1975, có 6.817 lượt khách.") == []


def test_the_lead_weighs_more_and_tags_and_keys_are_metadata_only():
    from lxml import html

    record = Record(
        "a/",
        "Tiêu đề",
        "Thân bài.",
        "Tin tức",
        "1",
        summary="Sa pô Q-FAIR 2025.",
        tags=("hội chợ",),
    )
    document = html.fromstring(_html_document("vi", record, lambda text: text))
    lead, body = document.xpath("//main/p")
    assert lead.get("data-pagefind-weight") == "5" and lead.text_content() == record.summary
    assert body.get("data-pagefind-weight") is None and body.text_content() == "Thân bài."
    metas = {m.get("data-pagefind-meta"): m.get("content") for m in document.xpath("//main/meta")}
    assert metas == {"tags[content]": "hội chợ", "keys[content]": "qfair2025 qfair"}


def test_the_glossary_file(tmp_path: Path):
    path = tmp_path / "glossary.yml"
    assert load_glossary(path) == {}
    path.write_text("km: [អូរយ៉ាដាវ, ' ឡេថាញ់ ']\nvi:\n  - Lệ Thanh\n", encoding="utf-8")
    assert load_glossary(path) == {"km": ("អូរយ៉ាដាវ", "ឡេថាញ់"), "vi": ("Lệ Thanh",)}
    path.write_text("km: អូរយ៉ាដាវ\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        load_glossary(path)
    assert str(error.value) == (
        "glossary.yml: km: must be a list of names, like km: [Lệ Thanh, O Yadav]"
    )
    path.write_text("km: [a\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^glossary.yml:2: this is not a list"):
        load_glossary(path)
