"""Which clause a date governs: sentences written for this project (Arabic and English, wire,
feature and interview styles), each with the date the guidelines give the act, or None where the
text gives that act no date. Runs the real tagger, knowledge base and event rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.ingest.test_events_cases import run

WED = date(2017, 3, 22)  # a Wednesday

# (text, lang, event type, date value or None)
FRONTED = [
    # an adverbial phrase opening the sentence governs the clause after its comma
    ("Speaking to reporters on Tuesday, de Mistura said the talks had made progress.", "en", "2017-03-21"),
    ("In an interview with Reuters on Sunday, Assad said the war would end soon.", "en", "2017-03-19"),
    ("At a news conference in Moscow on Monday, Lavrov said Russia backed the talks.", "en", "2017-03-20"),
    ("وفي مؤتمر صحفي عقده في موسكو الاثنين، قال لافروف إن روسيا تدعم المحادثات.", "ar", "2017-03-20"),
    ("وفي مقابلة مع قناة روسية بثت الأحد، قال الأسد إن الحرب ستنتهي قريبا.", "ar", "2017-03-19"),
    ("وخلال لقائه نظيره الإيراني الاثنين، أكد لافروف أن روسيا تدعم المحادثات.", "ar", "2017-03-20"),
    # negatives: a phrase naming weeks, or a date after publication, or no date at all
    ("بعد أسابيع من انتهاء الجولة في 3 آذار، قال دي ميستورا إن الوفود ستعود.", "ar", None),
    ("In remarks ahead of the talks due on March 28, Lavrov said Russia backed them.", "en", None),
    ("وفي مؤتمر صحفي في موسكو، قال لافروف إن روسيا تدعم المحادثات.", "ar", None),
    ("Speaking to reporters in Geneva, de Mistura said the talks had made progress.", "en", None),
]

RELATIVE = [
    # a date in a relative clause of the frame is that clause's, not the saying's
    ("وأكد لافروف، الذي التقى ظريف الاثنين، أن موسكو متمسكة باتفاق وقف إطلاق النار.", "ar", None),
    ("وقال دي ميستورا الذي وصل إلى دمشق أمس إن الأمم المتحدة مستعدة للمساعدة.", "ar", None),
    # negatives: the saying's own date, before or after a relative clause
    ("وأكد لافروف، الذي التقى ظريف، اليوم الأربعاء أن موسكو متمسكة بالاتفاق.", "ar", "2017-03-22"),
    ("وقال لافروف الثلاثاء إن موسكو متمسكة باتفاق وقف إطلاق النار.", "ar", "2017-03-21"),
]


def _statement_date(text: str, lang: str) -> str | None:
    events = [e for e in run(text, lang, WED) if e.type == "statement"]
    assert events, text
    return events[0].date.value if events[0].date else None


@pytest.mark.parametrize(("text", "lang", "value"), FRONTED + RELATIVE)
def test_statement_date_from_the_governing_clause(text: str, lang: str, value: str | None) -> None:
    assert _statement_date(text, lang) == value
