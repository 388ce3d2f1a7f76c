"""Reading time: languages written without spaces are counted by their characters."""

from __future__ import annotations

from gialai.views import WORDS_PER_MINUTE, reading_minutes


def test_words_between_spaces_set_the_pace():
    assert reading_minutes("word " * WORDS_PER_MINUTE) == 1
    assert reading_minutes("word " * (WORDS_PER_MINUTE + 1)) == 2


def test_chinese_counts_two_characters_a_word():
    # One sentence of Chinese has no space in it; it must not count as one word.
    sentence = "嘉莱省热诚欢迎各位游客投资者和国际友人前来参观考察交流合作"
    assert len(sentence) == 29
    assert reading_minutes(sentence * 14) == 2  # 406 characters: 203 words
    assert reading_minutes(sentence * 13) == 1  # 377 characters: 188.5 words


def test_chinese_beside_latin_words_counts_both():
    text = "Q-FAIR 2025国际博览会" * 40  # 3 Latin words and 5 characters, 40 times
    assert reading_minutes(text) == 2  # 120 + 100 words
