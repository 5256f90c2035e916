"""A deterministic synthetic news corpus for benchmarks (Arabic and English).

Articles are assembled from sentence templates written for this project, with
actors, places, rounds and time expressions varied by a seeded random generator, so
every run measures the same text. About one article in five is English.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.ingest.records import RawArticle

AR_PEOPLE = [
    "ستافان دي ميستورا",
    "سيرغي لافروف",
    "جون كيري",
    "بشار الجعفري",
    "نصر الحريري",
    "ريكس تيلرسون",
    "مولود جاويش أوغلو",
    "محمد جواد ظريف",
    "غير بيدرسن",
    "عادل الجبير",
]
EN_PEOPLE = [
    "Staffan de Mistura",
    "Sergey Lavrov",
    "John Kerry",
    "Bashar al-Jaafari",
    "Nasr al-Hariri",
    "Rex Tillerson",
    "Mevlut Cavusoglu",
    "Javad Zarif",
    "Geir Pedersen",
    "Adel al-Jubeir",
]
AR_PLACES = ["جنيف", "آستانة", "موسكو", "فيينا", "سوتشي", "الرياض", "أنقرة", "طهران", "عمان", "دمشق"]
EN_PLACES = [
    "Geneva",
    "Astana",
    "Moscow",
    "Vienna",
    "Sochi",
    "Riyadh",
    "Ankara",
    "Tehran",
    "Amman",
    "Damascus",
]
AR_WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AR_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AR_ORDINALS = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة"]
EN_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]

AR_TEMPLATES = [
    "قال {p1} {wd} إن المحادثات في {pl} تحرز تقدما بطيئا.",
    "التقى {p1} نظيره {p2} في {pl} اليوم لبحث الأزمة السورية.",
    "وأعلن {p2} أن الجولة {ord} من المفاوضات ستعقد في {pl} مطلع {mon} المقبل.",
    "وأكد {p1} خلال مؤتمر صحفي أن وقف إطلاق النار صامد منذ {day} {mon} الماضي.",
    "ويستقبل {p2} يوم غد {p1} في {pl} على أن يعقدا مؤتمرا صحفيا مشتركا.",
    "ونشرت صحيفة محلية مسودة مقترح جديد لتشكيل لجنة مشتركة، وفقا للقرار 2254.",
    "وشنت طائرات حربية غارات على ريف حماة أمس، ما أدى إلى مقتل 12 مدنيا.",
    "وأضاف {p1} أن نحو 400 ألف شخص قتلوا منذ بداية النزاع عام 2011.",
    "واتفقت الأطراف على تمديد الهدنة حتى نهاية {mon}، بحسب بيان مشترك.",
    "وبدأت الجولة {ord} من محادثات {pl} يوم {wd} الماضي وتستمر خمسة أيام.",
    "ورفض {p2} التعليق على التقارير التي تحدثت عن خلافات داخل الوفد.",
    "ومن المقرر أن يزور {p1} العاصمة {pl} الأسبوع المقبل.",
]
EN_TEMPLATES = [
    "{p1} said on {wd} that the talks in {pl} were moving slowly.",
    "{p1} met his counterpart {p2} in {pl} today to discuss the Syrian crisis.",
    "{p2} announced that the {ord} round of negotiations would be held in {pl} in early {mon}.",
    "{p1} told a news conference that the ceasefire had held since {day} {mon}.",
    "{p2} will receive {p1} in {pl} tomorrow, and the two are expected to hold a joint press conference.",
    "A local newspaper published a draft of a new proposal for a joint committee under Resolution 2254.",
    "Warplanes carried out air strikes on the Hama countryside yesterday, killing 12 civilians.",
    "{p1} added that some 400,000 people had been killed since the conflict began in 2011.",
    "The parties agreed to extend the truce until the end of {mon}, according to a joint statement.",
    "The {ord} round of the {pl} talks began last {wd} and will last five days.",
    "{p2} declined to comment on reports of divisions within the delegation.",
    "{p1} is scheduled to visit {pl} next week.",
]


def _fill(template: str, rng: random.Random, english: bool) -> str:
    people, places = (EN_PEOPLE, EN_PLACES) if english else (AR_PEOPLE, AR_PLACES)
    p1, p2 = rng.sample(people, 2)
    return template.format(
        p1=p1,
        p2=p2,
        pl=rng.choice(places),
        wd=rng.choice(EN_WEEKDAYS if english else AR_WEEKDAYS),
        mon=rng.choice(EN_MONTHS if english else AR_MONTHS),
        ord=rng.choice(EN_ORDINALS if english else AR_ORDINALS),
        day=rng.randint(1, 28),
    )


def article(i: int, rng: random.Random) -> RawArticle:
    english = rng.random() < 0.2
    templates = EN_TEMPLATES if english else AR_TEMPLATES
    n = rng.randint(6, 14)
    paragraphs = [
        " ".join(_fill(rng.choice(templates), rng, english) for _ in range(rng.randint(1, 3)))
        for _ in range(n // 2)
    ]
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 365 * 6))
    return RawArticle(
        name=f"bench-{i:06d}.txt",
        text="\n\n".join(paragraphs),
        path=f"bench-{i:06d}.txt",
        published=published,
        lang="en" if english else "ar",
        title=None,
        source="synthetic",
    )


def articles(n: int, seed: int = 0) -> list[RawArticle]:
    """`n` synthetic articles; the same `n` and `seed` always give the same corpus."""
    rng = random.Random(seed)
    return [article(i, rng) for i in range(n)]
