"""Arabic orthography folding with a map back to the original text.

Arabic news mixes spellings freely (أ/إ/آ/ا, ى/ي, ة/ه, optional diacritics,
tatweel, Eastern digits, no-break spaces, hashtags). Matchers run on the folded
text; every span they find is mapped back through `Folded.index` so that the
offsets we store always point into the original article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Harakat, shadda, sukun, superscript alef, Quranic marks, and tatweel: dropped.
_DROPPED = (
    set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x0610, 0x061B)) | set(range(0x06D6, 0x06EE))
)
_DROPPED |= {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0x00AD}  # zero-width and direction marks

_SINGLE: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "#": "",
    "_": " ",
    "،": "،",
}
for _i in range(10):
    _SINGLE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _SINGLE[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits

_SPACE_RE = re.compile(r"\s+")


def fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly longer)."""
    code = ord(ch)
    if code in _DROPPED:
        return ""
    if ch in _SINGLE:
        return _SINGLE[ch]
    if ch.isspace():
        return " "
    if code < 128:
        return ch.lower()
    if 0xFB50 <= code <= 0xFEFF or 0xFF00 <= code <= 0xFFEF:
        # Presentation forms and full-width letters: decompose, then fold each part.
        parts = unicodedata.normalize("NFKC", ch)
        if parts == ch:  # no decomposition (unassigned, symbols): folding again would recurse forever
            return ch.lower()
        return "".join(fold_char(c) for c in parts)
    return ch.lower()


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each of its characters, the original offset it came from."""

    text: str
    index: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the original text's span."""
        if end <= start:
            pos = self.index[start]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1


def fold(text: str) -> Folded:
    """Fold `text` character by character, keeping the offset map."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if folded:
            out.append(folded)
            index.extend([i] * len(folded))
    index.append(len(text))
    return Folded("".join(out), tuple(index))


class _FoldTable(dict[int, str]):
    """A `str.translate` table giving each character its `fold_char`, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold_text(text: str) -> str:
    """Folded text without the map, whitespace collapsed: for keys and search (one C call per text)."""
    return _SPACE_RE.sub(" ", text.translate(_FOLD)).strip()
