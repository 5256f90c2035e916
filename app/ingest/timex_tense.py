"""The tense of the clause around a time expression: past (-1), future (+1) or unknown (0).

Arabic news puts the verb first (قال الوزير الخميس…), so the nearest cue before the
expression decides; a cue after it (…الخميس المقبل) counts only when none precedes.
"""

from __future__ import annotations

import re

from app.ingest.timex_lexicon import Lexicon

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_CLAUSE_END = re.compile(r"[.!?؟\n,،;؛]")
LOOK_BEHIND_CHARS = 160
LOOK_AHEAD_CHARS = 50
MAX_TOKENS_BEFORE = 16
MAX_TOKENS_AFTER = 5
_AR_CLITICS = ("و", "ف")
MAX_CACHED_WORDS = 200_000
_CUE_CACHE: dict[str, dict[str, int]] = {}  # per language: word -> cue (the lexicon is fixed per process)
_AR_VERB_ENDINGS = ("وا", "ت", "ن", "تا", "ا")


def _arabic_cue(token: str, lex: Lexicon) -> int:
    forms = [token] + [token[1:] for c in _AR_CLITICS if token.startswith(c) and len(token) > 3]
    for form in forms:
        stems = [form] + [
            form[: -len(e)] for e in _AR_VERB_ENDINGS if form.endswith(e) and len(form) > len(e) + 1
        ]
        if any(s in lex.past_words for s in stems):
            return -1
        if form in lex.future_words:
            return 1
        if len(form) >= 5 and form.startswith(lex.future_prefixes) and not form.startswith(lex.not_prefixed):
            return 1
    return 0


def _english_cue(token: str, lex: Lexicon) -> int:
    if token in lex.past_words:
        return -1
    if token in lex.future_words:
        return 1
    if lex.suffix_ed and token.endswith("ed") and len(token) > 4 and token not in lex.not_ed:
        return -1
    return 0


def cue(token: str, lex: Lexicon) -> int:
    """The tense one word signals (-1, +1, or 0); words recur, so each is looked at once."""
    cache = _CUE_CACHE.setdefault(lex.lang, {})
    found = cache.get(token)
    if found is None:
        found = _arabic_cue(token, lex) if lex.lang == "ar" else _english_cue(token, lex)
        if len(cache) < MAX_CACHED_WORDS:
            cache[token] = found
    return found


def clause_tense(text: str, start: int, end: int, lex: Lexicon) -> int:
    """The tense of the sentence around text[start:end], read from its nearest cue."""
    left = text[max(0, start - LOOK_BEHIND_CHARS) : start]
    stops = list(_SENTENCE_END.finditer(left))
    if stops:
        left = left[stops[-1].end() :]
    right = text[end : end + LOOK_AHEAD_CHARS]
    stop = _CLAUSE_END.search(right)  # a cue after the expression counts only within its clause
    if stop:
        right = right[: stop.start()]
    before = _TOKEN.findall(left)[-MAX_TOKENS_BEFORE:]
    if _onset(before, lex) and not _RANGE_AFTER.match(right):
        return 1  # "a truce from Monday", "اعتبارا من الاثنين": a period that opens ahead
    if _counterfactual(before, lex):
        return -1  # "كان من المفترض أن تنطلق الحافلات فجر الأربعاء": what was to happen, and did not
    for i in range(len(before) - 1, -1, -1):
        found = _cue_after(before, i, lex)
        if found:
            return found
    after = _TOKEN.findall(right)[:MAX_TOKENS_AFTER]
    # "warned X on Wednesday that Washington would …": the reported words have their own tense
    after = next((after[:i] for i, w in enumerate(after) if w in lex.complement), after)
    for i in range(len(after)):
        found = _cue_after(after, i, lex)
        if found:
            return found
    return 0


_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|and|-|–|إلى|الى|حتى|و)(?:\s|$)")


def _onset(tokens: list[str], lex: Lexicon) -> bool:
    """Whether the words right before the expression open a period from it ("from", "starting",
    "اعتبارا من"), skipping "on"/"يوم"."""
    if tokens and tokens[-1] in ("on", "يوم"):
        tokens = tokens[:-1]
    return any(tuple(tokens[-len(p) :]) == p for p in lex.onset if p)


def _counterfactual(tokens: list[str], lex: Lexicon) -> bool:
    """A planned act the clause tells as past ("كان من المفترض أن", "was meant to", "كان يفترض")."""
    if lex.lang == "ar":
        tokens = [t[1:] if t[:1] in _AR_CLITICS and len(t) > 3 else t for t in tokens]
    for phrase in lex.counterfactual:
        n = len(phrase)
        if any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1)):
            return True
    return False


def _cue_after(tokens: list[str], i: int, lex: Lexicon) -> int:
    """tokens[i]'s cue, unless the word before it cancels a past one ("be held")."""
    found = cue(tokens[i], lex)
    if found < 0 and i > 0 and tokens[i - 1] in lex.past_not_after:
        return 0
    return found
