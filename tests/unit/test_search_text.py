"""How search writes Lao, Chinese and Latin orthographies with stroke letters into its index."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gialai.search import (
    STROKE,
    decode_latin,
    encode_latin,
    fold_latin_query,
)
from gialai.segmenting import (
    CHINESE,
    KHMER,
    LAO,
    WORD_JOINER,
    WORD_SCRIPTS,
    WordSegmenter,
    decode_words,
    normalize_lao,
    write_vocabulary,
)


def _folded(text: str) -> str:
    """What Pagefind keeps of a text: combining marks taken off, lower case."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))


# --- Lao --------------------------------------------------------------------------------

LAO_CONSONANTS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮໜໝ"
LAO_MARKS = "".join(map(chr, LAO.marks))
LAO_LETTERS = LAO_CONSONANTS + "ະາຳຽເແໂໃໄໆ໐໑໒" + LAO_MARKS


@pytest.mark.parametrize(
    "words",
    [
        ("ປາ", "ປ່າ", "ປ້າ"),  # fish, forest, aunt: tone marks only
        ("ທີ", "ທິ", "ທຸ", "ທູ", "ທ"),  # vowel signs only
        ("ເມືອງ", "ເມອງ"),
    ],
)
def test_lao_marks_are_kept_apart(words):
    encoded = [WordSegmenter(LAO).encode(word) for word in words]
    assert len({_folded(text) for text in encoded}) == len(words)
    assert [decode_words(text, LAO) for text in encoded] == list(words)


@pytest.mark.parametrize(
    ("written", "indexed"),
    [
        ("ນໍ້າ", "ນ້ຳ"),  # the tone mark before or after the NIGGAHITA
        ("ນ້ໍາ", "ນ້ຳ"),
        ("ນໍາ", "ນຳ"),
        ("ຫນອງ", "ໜອງ"),
        ("ຫມາກ", "ໝາກ"),
    ],
)
def test_lao_look_alike_spellings_are_indexed_alike(written, indexed):
    assert normalize_lao(written) == indexed
    segmenter = WordSegmenter(LAO)
    assert segmenter.encode(written) == segmenter.encode(indexed)


def test_lao_sentences_are_split_into_words_and_come_back_as_written():
    segmenter = WordSegmenter(LAO)
    sentence = "ແຂວງຢາລາຍປູກກາເຟ ແລະ ພິກໄທຫຼາຍ. ຊາວກະສິກອນຍັງປູກທຸລຽນ."
    encoded = segmenter.encode(sentence)
    assert "ກາເຟ" in decode_words(encoded, LAO).split(" ")[0]
    assert encoded.count(WORD_JOINER) == 3  # the three spaces of the text
    assert decode_words(encoded, LAO) == sentence
    words = set(decode_words(word, LAO) for word in encoded.split(" ") if word != WORD_JOINER)
    assert {"ແຂວງ", "ກາເຟ", "ປູກ"} <= words
    assert {"ແຂວງ", "ກາເຟ", "ປູກ", "ທຸ", "ລຽນ"} <= segmenter.vocabulary
    # Nothing is left for Pagefind to fold.
    assert not re.search(f"[{LAO_MARKS}]", encoded)


def test_names_the_dictionary_lacks_are_kept_whole():
    """ICU splits ຢາລາຍ (Gia Lai) and ກບັງ (Kbang); search.words keeps them whole."""
    text = "ແຂວງຢາລາຍ ແລະ ເມືອງກບັງ"
    plain = WordSegmenter(LAO)
    assert plain.encode(text).split(" ")[:3] == ["ແຂວງ", "ຢາ", "ລາຍ"]
    kept = WordSegmenter(LAO, keep=("ຢາລາຍ", "ກບັງ"))
    encoded = kept.encode(text)
    assert [word.translate(LAO.show) for word in encoded.split(" ")] == [
        "ແຂວງ",
        "ຢາລາຍ",
        WORD_JOINER,
        "ແລະ",
        WORD_JOINER,
        "ເມືອງ",
        "ກບັງ",
    ]
    assert {"ຢາລາຍ", "ກບັງ"} <= kept.vocabulary and "ລາຍ" not in kept.vocabulary
    assert decode_words(encoded, LAO) == text
    # The splitter's own words are what the cache keeps, whatever the list.
    assert kept.cache == plain.cache


lao_text = st.lists(
    st.tuples(st.text(alphabet=LAO_LETTERS, min_size=1, max_size=12), st.sampled_from(" .,\n")),
    max_size=8,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@given(lao_text)
@settings(max_examples=150, deadline=None)
def test_any_lao_text_comes_back_in_its_one_spelling(text):
    encoded = WordSegmenter(LAO).encode(text)
    assert decode_words(encoded, LAO) == " ".join(normalize_lao(text).split())
    assert not any(unicodedata.category(char).startswith("M") for char in encoded)


def test_the_vocabulary_has_a_shard_for_every_letter(tmp_path):
    words = {"ກາເຟ", "ກຳປູເຈຍ", "ເມືອງ", "Gia"}
    write_vocabulary(tmp_path, words, LAO)
    assert (tmp_path / "e81.txt").read_text(encoding="utf-8") == "ກາເຟ\nກຳປູເຈຍ\n"
    assert (tmp_path / "ec0.txt").read_text(encoding="utf-8") == "ເມືອງ\n"
    # A letter no word starts with (ຽ follows its consonant) has an empty shard.
    assert (tmp_path / "ebd.txt").read_text(encoding="utf-8") == ""
    assert not (tmp_path / "eb4.txt").exists()  # a vowel sign is no letter of its own
    assert not any(path.read_text(encoding="utf-8").count("Gia") for path in tmp_path.iterdir())


# --- Chinese ----------------------------------------------------------------------------


def test_chinese_sentences_are_split_into_words():
    segmenter = WordSegmenter(CHINESE)
    sentence = "Lệ Thanh国际口岸位于越南和柬埔寨的边境上。两国居民经常在这里往来。"
    encoded = segmenter.encode(sentence)
    assert encoded.split(" ")[:6] == ["Lệ", WORD_JOINER, "Thanh", "国际", "口岸", "位于"]
    assert {"柬埔寨", "边境", "居民"} <= set(encoded.split(" "))
    assert decode_words(encoded, CHINESE) == sentence
    assert not CHINESE.vocabulary and CHINESE.marks == ()


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
chinese_text = st.text(
    alphabet=st.one_of(han, st.sampled_from("。，、；：！？（）《》 abc123")), max_size=40
)


@given(chinese_text)
@settings(max_examples=150, deadline=None)
def test_any_chinese_text_comes_back_as_written(text):
    encoded = WordSegmenter(CHINESE).encode(text)
    assert decode_words(encoded, CHINESE) == " ".join(text.split())


# --- Latin with stroke letters (Jrai, Bahnar) ------------------------------------------------

# Letters of Jrai and Bahnar writing (with Vietnamese ones), stacked breves included.
JRAI_LETTERS = "aăâbƀcdđeĕêê̆ghiĭklmnñoŏôô̆ơơ̆pqrstuŭưư̆vwyàáảãạAĂÂBɃCDĐEĔÊGHIĬKLMNÑOŎÔƠPRSTUŬƯWY"
latin_text = st.text(alphabet=JRAI_LETTERS + " ,.'-0123456789", max_size=50)


@given(latin_text)
@settings(max_examples=300, deadline=None)
def test_latin_text_is_folded_for_the_index_and_comes_back_as_written(text):
    text = unicodedata.normalize("NFC", text)
    encoded = encode_latin(text)
    assert decode_latin(encoded) == text
    folded = _folded(encoded)
    # Pagefind's folding leaves plain letters only: what a reader types without marks.
    assert folded.isascii()
    assert folded.lower() == fold_latin_query(text)


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("ƀuôn", "buon"),
        ("Ƀlơ̆ng", "blong"),
        ("đak", "dak"),
        ("ư̆ê̆", "ue"),
        ("ĭa ŏk ŭ ĕ ă", "ia ok u e a"),
        ("ñu", "nu"),
    ],
)
def test_a_plain_letter_query_meets_the_indexed_word(written, typed):
    assert _folded(encode_latin(written)).lower() == fold_latin_query(typed) == typed
    assert fold_latin_query(written) == typed
    assert STROKE not in fold_latin_query(written)


def test_every_text_trait_is_known_to_the_table():
    from gialai.languages import SEARCH_TEXTS

    assert set(WORD_SCRIPTS) | {"plain", "vietnamese", "latin"} == set(SEARCH_TEXTS)
    assert WORD_SCRIPTS["khmer"] is KHMER
    # Stand-in letters of different scripts never meet.
    stand_ins = [set(script.hide.values()) for script in WORD_SCRIPTS.values()]
    assert not set.intersection(*stand_ins[:2])
