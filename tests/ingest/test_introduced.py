"""People introduced by a title: where the name starts and ends (sentences written for this project)."""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest.actors import recognize_actors
from app.ingest.knowledge import KnowledgeBase, load_kb

ON = date(2018, 4, 2)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def introduced(text: str, kb: KnowledgeBase) -> list[str]:
    lang = "en" if text[:1].isascii() else "ar"
    return [
        text[m.start : m.end] for m in recognize_actors(text, kb, on=ON, lang=lang) if m.via == "introduced"
    ]


NAMES: list[tuple[str, str]] = [
    # a participle or adjective after the name describes the person, it is not a family name
    ("قال رئيس المجلس المحلي سليم حمدان المكلف بالملف إن", "سليم حمدان"),
    ("وصل رئيس الائتلاف خالد ناصر المنتخب حديثا إلى", "خالد ناصر"),
    ("قال رئيس الوفد كريم منصور المشاركة في الجولة", "كريم منصور"),
    ("أكد رئيس الوفد سالم أحمد الموجود في جنيف أن", "سالم أحمد"),
    # a word with a proclitic does not continue the name
    ("وقال رئيس المجلس يحيى ماجد للصحفيين إن", "يحيى ماجد"),
    # compounds keep their last word
    ("قال قائد الفصيل فخر الدين حسن إن", "فخر الدين حسن"),
    ("أكد رئيس اللجنة عبد الرحمن يوسف أن", "عبد الرحمن يوسف"),
    ("قال قائد اللواء أبو محمد الحلبي إن", "أبو محمد الحلبي"),
    ("وقال القائد العام للحركة أبو عمر إن", "أبو عمر"),
    ("وقال رئيس الهيئة ابن خلدون سالم إن", "ابن خلدون سالم"),
    ("قال رئيس الوفد سالم بن علي إن", "سالم بن علي"),
    ("قال رئيس الحزب محمد آل ثاني إن", "محمد آل ثاني"),
    ("قال المتحدث باسم الوفد حسان عبد العزيز الخطيب إن", "حسان عبد العزيز الخطيب"),
    ("قال رئيس الوفد سالم عبد الكريم", "سالم عبد الكريم"),
    ("قال مدير المكتب سيف الإسلام حداد إن", "سيف الإسلام حداد"),
    # a family name in ال still ends the name
    ("قال المتحدث باسم الفصيل ماهر المصري إن الهدنة صامدة", "ماهر المصري"),
    ("قال رئيس الوفد سامي المحمد في المؤتمر", "سامي المحمد"),
    # title words: governor, director, secretary-general, commander of police, dean
    ("قال والي حلب مراد كريم إن", "مراد كريم"),
    ("قال محافظ درعا سمير داود إن", "سمير داود"),
    ("أعلن والي كلس مراد أوزتورك أن المعبر مغلق", "مراد أوزتورك"),  # a province the KB does not know
    ("وقال محافظ طرطوس صفوان أبو سعدى إن", "صفوان أبو سعدى"),
    ("بحسب ما ذكره محافظ القنيطرة سامح قاسم فجر الأحد", "سامح قاسم"),  # a time word ends the name
    ("قال المحافظ علاء يوسف إن الطريق مفتوح", "علاء يوسف"),  # the definite title has no province after it
    ("قال مدير عام المرفأ سالم حسن إن", "سالم حسن"),
    ("وقال قائد عسكري معارض يدعى أبو أحمد إن", "أبو أحمد"),  # adjectives of the office, then 'called'
    ("قال رئيس الإقليم نيجيرفان بارزاني إن", "نيجيرفان بارزاني"),  # ب + ا… is a family name here
    ("وصل رئيس الوفد سالم أحمد لمناقشة الهدنة", "سالم أحمد"),
    ("قال مدير المرصد رامي سالم إن", "رامي سالم"),
    ("قال قائد شرطة المدينة يوسف حمدي إن", "يوسف حمدي"),
    ("قال الأمين العام للحزب حسن سليم إن", "حسن سليم"),
    ("قال عميد كلية الحقوق سامر علي إن", "سامر علي"),
    ("said army spokesman John Smith on Monday", "John Smith"),
    ("Governor Jane Doe said the roads were closed", "Jane Doe"),
    ("rebel commander Abu Khaled al-Shami said", "Abu Khaled al-Shami"),
    ("the Saudi ambassador Fahd bin Saleh met the envoy", "Fahd bin Saleh"),
    ("the Dutch envoy Pieter van der Meer arrived", "Pieter van der Meer"),
    ("the director of the local hospital Karim Haddad said", "Karim Haddad"),  # lower-case office words
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_introduced_name_boundaries(kb: KnowledgeBase, text: str, name: str) -> None:
    assert introduced(text, kb) == [name]


NO_ONE = [
    "وصل رئيس وفد المعارضة لبحث الملف الإنساني",
    "توجه وزير الخارجية القطري لمناقشة الأزمة",
    "وصل المبعوث الخاص بهدف إجراء مشاورات",
    "محافظة إدلب شهدت قصفا عنيفا",
    "وقال محافظ المدينة في بيان إن الطرق مغلقة",
    "قال رئيس الوفد سالم المكلف بالملف",  # one name word and a participle: no full name
    "the governor of the province said on Monday",
    "ويواجه المبعوث الجديد ملفات معقدة في الجولة المقبلة",  # a noun and its adjective
    "حضر السفير الياباني بصفة مراقب",
    "the governor of the province said Karim Haddad would come",
    "وقال قائد عسكري بارز في الفصيل إن الهجوم صُدّ",
    "أكد والي الولاية أن الطريق مفتوح",
    "the rebel commander warned Damascus on Friday",
]


@pytest.mark.parametrize("text", NO_ONE)
def test_no_person_after_a_title(kb: KnowledgeBase, text: str) -> None:
    assert introduced(text, kb) == []
