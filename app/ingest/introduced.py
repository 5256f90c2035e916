"""People the knowledge base does not know, found where a title introduces them.

"رئيس وفد المعارضة نصر الحريري": a title word (an `introducers` rule), then
the office's complement (definite words, words of the `complement_ar`
lexicon, names of known bodies and places), then two or three name-looking
words. Function words, verbs and punctuation (`stop_ar`) stop the walk, so a
title followed by ordinary words creates no one. A name's parts are words or
compounds ("عبد الرحمن", "أبو محمد", "نور الدين"); it ends at a family name in
ال, at a definite participle describing the person ("المكلف بالملف"), at a word
with a proclitic ("للصحفيين") and at ل/ب before a verbal noun ("لبحث"). Word
lists are data in `resources/kb/introducers.yaml`.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from app.ingest.knowledge import KnowledgeBase
from app.ingest.normalize import Folded, fold_text
from app.ingest.records import ActorRef

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[،,]|[^\w\s]")
_DEFINITE = ("ال", "لل", "وال", "بال", "فال", "كال")
_MAX_COMPLEMENT = 9
_MAX_NAME_WORDS = 5  # "حسان عبد العزيز الخطيب", "أبو محمد الجولاني"
_WINDOW = 160  # folded characters looked at after a title word


@dataclass(frozen=True)
class _Lexicon:
    title_re: re.Pattern[str]
    complement: frozenset[str]
    stop: frozenset[str]
    known: frozenset[str]  # words of non-person actors and places: part of an office's name
    prepositions: frozenset[str]  # the next word is the preposition's object, still the office
    stop_written: frozenset[str]  # stop words compared as written (their folded form is also a name)
    particles: frozenset[str]  # name-internal words that take the next word with them ("عبد", "أبو", "آل")
    compound_tails: frozenset[str]  # words that end a compound with the word before ("نور الدين")
    person_words: frozenset[str]  # words of known people's names ("المقداد", "محمد"): never a participle
    place_titles: frozenset[str]  # title words whose next word names a place ("والي هاتاي", "محافظ حمص")


_LEXICONS: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, _Lexicon]] = weakref.WeakKeyDictionary()


def _words(kb: KnowledgeBase, name: str) -> frozenset[str]:
    return frozenset(fold_text(w) for w in kb.lexicon.get(name, ()))


def _office_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of the names of bodies, states and places: part of an office's name, never a person's."""
    bodies = [x for x in kb.actors.values() if x.kind != "person"]
    names = [a.text for x in bodies for a in x.aliases_ar + x.aliases_en] + [x.name_ar for x in bodies]
    names += [a.text for p in kb.places.values() for a in p.aliases]
    names += [n for p in kb.places.values() for n in (p.name_ar, p.name_en)]
    return frozenset(w for n in names for w in fold_text(n).split())


def _person_words(kb: KnowledgeBase) -> frozenset[str]:
    people = [x for x in kb.actors.values() if x.kind == "person"]
    names = [x.name_ar for x in people] + [a.text for x in people for a in x.aliases_ar]
    return frozenset(w for n in names for w in fold_text(n).split())


def _stop_words(kb: KnowledgeBase, lang: str) -> frozenset[str]:
    """Stop words, also after a glued و or ف ("وبحث"), unless that spelling is a known given name ("فيصل")."""
    stop = _words(kb, f"stop_{lang}")
    if lang != "ar":
        return stop
    people = {w for x in kb.actors.values() if x.kind == "person" for w in fold_text(x.name_ar).split()}
    return stop | (frozenset(c + w for w in stop for c in "وف" if len(w) > 2) - people)


def _lexicon(kb: KnowledgeBase, lang: str) -> _Lexicon:
    per_kb = _LEXICONS.setdefault(kb, {})
    if lang not in per_kb:
        words = sorted({fold_text(w) for i in kb.introducers if i.lang == lang for w in i.words}, key=len)
        alts = "|".join(re.escape(w).replace(r"\ ", " ?") for w in reversed(words)) or "(?!)"
        per_kb[lang] = _Lexicon(
            re.compile(rf"(?<![^\W\d_])[وف]?(?:{alts})(?![^\W\d_])"),
            _words(kb, f"complement_{lang}"),
            _stop_words(kb, lang),
            _office_words(kb),
            _words(kb, f"prepositions_{lang}"),
            frozenset(kb.lexicon.get(f"stop_written_{lang}", ())),
            _words(kb, f"name_particles_{lang}"),
            _words(kb, f"name_compound_tails_{lang}"),
            _person_words(kb),
            _words(kb, f"place_titles_{lang}"),
        )
    return per_kb[lang]


def _is_complement(word: str, lex: _Lexicon, lang: str) -> bool:
    if word in lex.complement or word in lex.known:
        return True
    if lang == "ar":
        if word[0] == "ل" and word[1:] in lex.complement and len(word) > 4:
            return True  # "مدير مكتب لمجلس المحافظة": an office word with the ل of possession
        return (word.startswith(_DEFINITE) and len(word) > 3) or word[1:] in lex.known
    return False


def _name_word(word: str, original: str, lex: _Lexicon, lang: str, first: bool) -> bool:
    if len(word) < 2 or word in lex.stop or word in lex.complement or not word[0].isalpha():
        return False
    if original in lex.stop_written:
        return False
    if lang == "en":
        return original[:1].isupper() or word.startswith("al-")
    if first and word.startswith(_DEFINITE):
        return False
    if not first and word.startswith(_DEFINITE[1:]):
        return False  # a word with a proclitic does not continue a name ("للصحفيين", "بالملف")
    if not first and word[0] == "م" and word.endswith("ه") and len(word) >= 5:
        return False  # a feminine participle or adjective ("ملفات معقدة", "قوات مشتركة")
    return not _governed_noun(word, lex, first)


def _governed_noun(word: str, lex: _Lexicon, first: bool) -> bool:
    """ل or ب before a stop word or a verbal-noun shape ("لبحث", "لمناقشة", "بهدف"): never a name.

    Later in a name only the feminine shape counts: "بارزاني", "بتريوس" are family names."""
    if word[0] not in "لب" or len(word) < 4:
        return False
    rest = word[1:]
    if rest in lex.stop or (len(rest) >= 5 and rest.endswith("ه")):
        return True
    return first and len(rest) >= 5 and rest[0] in "مات"


def _participle_after_name(word: str, after: str | None, lex: _Lexicon) -> bool:
    """A definite participle or adjective after the name describes the person ("المكلف بالملف")."""
    if word in lex.stop or word[2:] in lex.stop:
        return True
    stem = word[2:]
    if word in lex.person_words or stem in lex.person_words:
        return False  # "المقداد", "المحمد": family names of known people
    if not stem.startswith("م") or len(stem) < 4 or stem.endswith("ي"):
        return False
    if stem.endswith("ه"):
        return True  # a feminine participle after a man's name: "المشاركة", "المكلفة"
    if after is None:
        return False
    return (
        after in lex.prepositions or after in lex.stop or after.startswith(("ب", "ل")) or after.endswith("ا")
    )


def _walk(
    folded: Folded, text: str, pos: int, lex: _Lexicon, lang: str, place_title: bool = False
) -> tuple[int, int] | None:
    """Folded span of the introduced name after a title word ending at `pos`, or None."""
    tokens = list(_TOKEN.finditer(folded.text, pos, min(len(folded.text), pos + _WINDOW)))
    i, complement = 0, 0

    def _original(k: int) -> str:
        start, end = folded.to_original(tokens[k].start(), tokens[k].end())
        return text[start:end]

    def _lower_office_word(word: str, lex: _Lexicon, lang: str, tok: re.Match[str]) -> bool:
        """An English office's own words are lower case ("director of the local hospital")."""
        start, end = folded.to_original(tok.start(), tok.end())
        return lang == "en" and word.isalpha() and word not in lex.stop and text[start:end].islower()

    if place_title and tokens and tokens[0].group()[0].isalpha() and tokens[0].group() not in lex.stop:
        i, complement = 1, 1  # the governor's province, known or not: "والي هاتاي"
    while i < len(tokens) and complement < _MAX_COMPLEMENT:
        word = tokens[i].group()
        if word in "،," and complement and i + 1 < len(tokens):
            i += 1  # "ممثل روسيا لدى الأمم المتحدة، أليكسي بورودافكين"
            break
        governed = i > 0 and tokens[i - 1].group() in lex.prepositions
        if word in lex.particles and not governed:
            break  # "أبو", "عبد" begin a name even where a known place or body holds them
        office = governed or _is_complement(word, lex, lang) or _lower_office_word(word, lex, lang, tokens[i])
        if not word[0].isalpha() or not office:
            break
        complement, i = complement + 1, i + 1
    names: list[re.Match[str]] = []
    units, j = 0, i
    while j < len(tokens) and units < 3 and len(names) < _MAX_NAME_WORDS:
        tok = tokens[j]
        word = tok.group()
        start, end = folded.to_original(tok.start(), tok.end())
        original = text[start:end]
        if (word in lex.particles or original == "آل") and (lang == "ar" or names or original[:1].isupper()):
            k = j  # "عبد الرحمن", "أبو عبد الله", "آل ثاني", "bin Yahya", "van der Berg": one part
            while k < min(len(tokens), j + 3) and (
                _original(k) == "آل" or tokens[k].group() in lex.particles
            ):
                k += 1
            if k >= len(tokens):
                break
            tail = tokens[k].group()
            if not _name_word(tail, _original(k), lex, lang, first=False) and not (
                lang == "ar" and tail.startswith("ال") and tail not in lex.stop
            ):
                break
            names += tokens[j : k + 1]
            units, j = units + 1, k + 1
            continue
        if not _name_word(word, original, lex, lang, first=not names):
            break
        if lang == "ar" and names and word.startswith("ال"):
            after = tokens[j + 1].group() if j + 1 < len(tokens) else None
            if word in lex.compound_tails:
                names.append(tok)  # "نور الدين", "فتح الله": the tail belongs to the word before
                j += 1
                continue
            if _participle_after_name(word, after, lex):
                break
            names.append(tok)
            break  # a family name in ال ends the name ("نصر الحريري")
        names.append(tok)
        units, j = units + 1, j + 1
    if len(names) < 2:
        return None
    return names[0].start(), names[-1].end()


def new_actor(name: str) -> ActorRef:
    """A person found in text, keyed by the folded spelling of the name as written."""
    slug = "-".join(fold_text(name).split())
    return ActorRef(f"new-{slug}", "", name, "person", aliases=(name,), is_new=True)


def introduced_people(
    text: str, folded: Folded, kb: KnowledgeBase, known: Sequence[tuple[int, int]], *, lang: str = "ar"
) -> list[tuple[int, int, ActorRef]]:
    """(start, end, new actor) for names introduced by a title word and not already `known` spans."""
    lex = _lexicon(kb, lang)
    out: list[tuple[int, int, ActorRef]] = []
    for m in lex.title_re.finditer(folded.text):
        title = m.group()[1:] if m.group()[:1] in "وف" and m.group() not in lex.place_titles else m.group()
        span = _walk(folded, text, m.end(), lex, lang, title in lex.place_titles)
        if span is None:
            continue
        start, end = folded.to_original(*span)
        if any(s < end and start < e for s, e in known) or (out and out[-1][0] == start):
            continue
        out.append((start, end, new_actor(text[start:end])))
    return out
