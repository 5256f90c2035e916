"""Transliteration variants of foreign person names, generated when the actor table is built.

Arabic spellings of foreign names vary systematically (ميستورا/مستورا, سيرغي/سيرجي, عبد الرحمانوف/
عبدالرحمنوف). Rather than list every spelling in the KB, each person alias gets the variants one
substitution away. Only long words (>= 5 letters) vary, so short common words are never produced,
and a variant of a multi-word name still needs all its words to match.
"""

from __future__ import annotations

from collections.abc import Iterator

_MIN_LEN = 5
# Letter pairs the press swaps when transliterating: g as غ or ج, q/k as ق or ك, ch as تش or ش.
_SWAPS = (("غ", "ج"), ("ج", "غ"), ("ق", "ك"), ("ك", "ق"), ("تش", "ش"))
_LONG_VOWELS = "اي"
# Whole words of a compound name written two ways ("بن" / "ابن" in "محمد بن عبد الرحمن").
_WORD_SWAPS = {"بن": "ابن", "ابن": "بن"}


def _word_variants(word: str) -> Iterator[str]:
    # An "ال" word varies only when long (الرحمانوف), never in its article: الاسد stays as is.
    first = 3 if word.startswith("ال") else 1
    if len(word) < _MIN_LEN + first - 1 or not _is_arabic(word):
        return
    for old, new in _SWAPS:
        at = word.find(old, 2 if first == 3 else 0)
        while at >= 0:
            yield word[:at] + new + word[at + len(old) :]
            at = word.find(old, at + 1)
    # A long vowel dropped inside the word (never the first or the last letter).
    for i in range(first, len(word) - 1):
        if word[i] in _LONG_VOWELS and word[i - 1] not in _LONG_VOWELS:
            yield word[:i] + word[i + 1 :]
    if word.endswith("ا"):
        yield word[:-1] + "ه"


def _is_arabic(word: str) -> bool:
    return all("\u0621" <= ch <= "\u064a" for ch in word)


def spelling_variants(folded: str) -> list[str]:
    """Folded spellings one substitution away from the folded name `folded` (not including it)."""
    words = folded.split(" ")
    out: dict[str, None] = {}
    for i, word in enumerate(words):
        swapped = [_WORD_SWAPS[word]] if word in _WORD_SWAPS and 0 < i < len(words) - 1 else []
        for variant in [*swapped, *_word_variants(word)]:
            out[" ".join([*words[:i], variant, *words[i + 1 :]])] = None
    out.pop(folded, None)
    return list(out)
