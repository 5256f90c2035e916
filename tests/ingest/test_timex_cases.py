"""Table of sentences written for this project: what the tagger must find, and nothing more.

Each row: (sentence, publication date or None, language, expected), where expected lists
(expression text as it stands in the sentence, TIMEX3 value or None). The tagger must find
exactly these: a calendar value anywhere else is a failure.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.ingest.timex import tag

THU = date(2016, 7, 14)  # a Thursday
SUN = date(2017, 3, 26)  # a Sunday, ISO week 2017-W12
WED = date(2018, 1, 3)
MON = date(2019, 12, 30)  # a Monday in ISO week 2020-W01
LEAP = date(2020, 2, 29)  # a Saturday
FRI = date(2015, 10, 9)

Case = tuple[str, date | None, str, list[tuple[str, str | None]]]

ARABIC_DAYS: list[Case] = [
    ("قال وزير الخارجية اليوم إن بلاده مستعدة للحوار", THU, "ar", [("اليوم", "2016-07-14")]),
    ("وصل الوفد إلى العاصمة أمس", THU, "ar", [("أمس", "2016-07-13")]),
    ("وصل الوفد إلى العاصمة بالأمس", THU, "ar", [("الأمس", "2016-07-13")]),
    ("يعقد المجلس جلسة طارئة غدا", THU, "ar", [("غدا", "2016-07-15")]),
    ("تستأنف المفاوضات بعد غد في فيينا", THU, "ar", [("بعد غد", "2016-07-16")]),
    ("أعلنت الحكومة أول أمس عن خطة جديدة", THU, "ar", [("أول أمس", "2016-07-12")]),
    ("اجتمع الطرفان أمس الأول في الدوحة", THU, "ar", [("أمس الأول", "2016-07-12")]),
    ("صرح المتحدث مساء أمس بأن", THU, "ar", [("مساء أمس", "2016-07-13")]),
    ("قصفت الطائرات المدينة فجر اليوم", THU, "ar", [("فجر اليوم", "2016-07-14")]),
    ("سيلقي الرئيس كلمة الليلة", THU, "ar", [("الليلة", "2016-07-14")]),
    ("قصفت المدفعية الحي الليلة الماضية", THU, "ar", [("الليلة الماضية", "2016-07-13")]),
    ("يلتقي الوزيران غداً الجمعة في موسكو", THU, "ar", [("غداً الجمعة", "2016-07-15")]),
    ("تبدأ الجلسات بعد غد السبت", THU, "ar", [("بعد غد السبت", "2016-07-16")]),
    ("يزور الوزير العاصمة اليوم الخميس", THU, "ar", [("اليوم الخميس", "2016-07-14")]),
    ("يزور الوزير العاصمة اليوم\u00a0الخميس", THU, "ar", [("اليوم\u00a0الخميس", "2016-07-14")]),
    ("عقد الوزراء اجتماعا أمس (الأربعاء) في عمان", THU, "ar", [("أمس (الأربعاء)", "2016-07-13")]),
    # A publication date one day late: the named weekday corrects the anchor.
    ("يزور الوزير العاصمة اليوم الخميس", date(2016, 7, 15), "ar", [("اليوم الخميس", "2016-07-14")]),
    ("وأكدت الوزارة اليومَ أن", THU, "ar", [("اليومَ", "2016-07-14")]),
    ("وقال المتحدث #اليوم إن", THU, "ar", [("اليوم", "2016-07-14")]),
    ("وقال الناطق ظهر اليوم إن", THU, "ar", [("ظهر اليوم", "2016-07-14")]),
    ("اليوم الأول من الهدنة مر بهدوء", THU, "ar", []),
    ("في اليوم الثالث للمعارك تقدم الجيش", THU, "ar", []),
    ("احتفلت البلاد باليوم الوطني", THU, "ar", []),
    ("في ذلك اليوم قتل العشرات", THU, "ar", []),
    ("وفي اليوم نفسه أعلن الجيش السيطرة على البلدة", THU, "ar", []),
    ("نشرت صحيفة اليوم السابع تقريرا", THU, "ar", []),
    ("في اليوم التالي للاتفاق انهارت الهدنة", THU, "ar", []),
    ("من أجل غد أفضل لأطفال سوريا", THU, "ar", []),
]

ARABIC_WEEKDAYS: list[Case] = [
    ("أكد الوزير الأربعاء أن الحل سياسي", THU, "ar", [("الأربعاء", "2016-07-13")]),
    ("أكد الوزير يوم الأحد الماضي أن", THU, "ar", [("يوم الأحد الماضي", "2016-07-10")]),
    ("سيزور الرئيس باريس الثلاثاء المقبل", THU, "ar", [("الثلاثاء المقبل", "2016-07-19")]),
    ("وقال المتحدث الخميس إن الوفد وصل", THU, "ar", [("الخميس", "2016-07-14")]),
    ("سيجتمع الوزراء الخميس", THU, "ar", [("الخميس", "2016-07-14")]),
    ("يبدأ الاجتماع الخميس المقبل", THU, "ar", [("الخميس المقبل", "2016-07-21")]),
    ("انتهت الجولة الخميس الماضي", THU, "ar", [("الخميس الماضي", "2016-07-07")]),
    ("سيلتقي الطرفان الأحد في جنيف", THU, "ar", [("الأحد", "2016-07-17")]),
    ("سوف يصوت البرلمان الاثنين", THU, "ar", [("الاثنين", "2016-07-18")]),
    ("من المقرر أن تبدأ المحادثات الثلاثاء", THU, "ar", [("الثلاثاء", "2016-07-19")]),
    ("أعلن وزير الدفاع، الجمعة، أن المدينة محاصرة", SUN, "ar", [("الجمعة", "2017-03-24")]),
    ("قالت الوزارة السبت إن قنوات الاتصال تعمل", SUN, "ar", [("السبت", "2017-03-25")]),
    ("وشنت الطائرات غارات السبت على ريف حماة", SUN, "ar", [("السبت", "2017-03-25")]),
    ("اعتبر الجيش السبت أن الإعلان لا صلة له بالواقع", FRI, "ar", [("السبت", "2015-10-03")]),
    ("سيعقد المؤتمر السبت في الرياض", FRI, "ar", [("السبت", "2015-10-10")]),
    ("وأعلنت اللجنة يوم الجمعة الماضي نتائج التحقيق", FRI, "ar", [("يوم الجمعة الماضي", "2015-10-02")]),
    ("أقيمت صلاة الجمعة في الجامع الكبير", THU, "ar", []),
    ("ضم الفريق الأحد عشر لاعبا", THU, "ar", []),
    ("قال شهود إن أحدا لم يصب بأذى", THU, "ar", []),
    ("الفرق بين الاثنين كبير", THU, "ar", []),
    ("ألقى الإمام خطبة الجمعة", THU, "ar", []),
]

ARABIC_MONTHS: list[Case] = [
    ("وقعت الاتفاقية في 12 آذار 2016", SUN, "ar", [("12 آذار 2016", "2016-03-12")]),
    ("وقعت الاتفاقية في ١٢ آذار ٢٠١٦", SUN, "ar", [("١٢ آذار ٢٠١٦", "2016-03-12")]),
    ("انطلقت المرحلة الأولى في 5 من كانون الثاني", SUN, "ar", [("5 من كانون الثاني", "2017-01-05")]),
    ("ستجرى الانتخابات في 20 أيار", SUN, "ar", [("20 أيار", "2017-05-20")]),
    ("أجريت الانتخابات السابقة في 20 حزيران", SUN, "ar", [("20 حزيران", "2016-06-20")]),
    ("الجولة المقبلة مقررة في 3 نيسان", SUN, "ar", [("3 نيسان", "2017-04-03")]),
    ("وصلت القافلة في الرابع من تموز", THU, "ar", [("الرابع من تموز", "2016-07-04")]),
    ("في الثلاثين من حزيران انسحبت القوات", THU, "ar", [("الثلاثين من حزيران", "2016-06-30")]),
    ("انسحبت القوات في الـ30 من حزيران", THU, "ar", [("30 من حزيران", "2016-06-30")]),
    ("تنتهي المهلة في الـ 20 من الشهر الجاري", THU, "ar", [("20 من الشهر الجاري", "2016-07-20")]),
    ("هجمات الحادي عشر من أيلول 2001", THU, "ar", [("الحادي عشر من أيلول 2001", "2001-09-11")]),
    (
        "اندلعت الثورة في الخامس والعشرين من يناير 2011",
        THU,
        "ar",
        [("الخامس والعشرين من يناير 2011", "2011-01-25")],
    ),
    ("قرر الاتحاد ذلك في أغسطس/آب 2015", THU, "ar", [("أغسطس/آب 2015", "2015-08")]),
    ("انعقد المؤتمر في تشرين الأول/أكتوبر الماضي", SUN, "ar", [("تشرين الأول/أكتوبر الماضي", "2016-10")]),
    ("يعقد المؤتمر في كانون الثاني (يناير) المقبل", SUN, "ar", [("كانون الثاني (يناير) المقبل", "2018-01")]),
    ("وصل المراقبون في يناير الماضي", SUN, "ar", [("يناير الماضي", "2017-01")]),
    ("ستنتهي المهلة في مارس المقبل", SUN, "ar", [("مارس المقبل", "2018-03")]),
    ("اجتمع القادة في مارس", SUN, "ar", [("مارس", "2017-03")]),
    ("مارس الجيش ضغوطا على الفصائل", SUN, "ar", []),
    ("تبدأ العطلة في شهر آب", THU, "ar", [("شهر آب", "2016-08")]),
    ("قال الأب إن ابنه اعتقل", THU, "ar", []),
    ("صدر المرسوم في جانفي 2016", THU, "ar", [("جانفي 2016", "2016-01")]),
    ("أجريت الانتخابات يوم 8 ماي 2015", THU, "ar", [("8 ماي 2015", "2015-05-08")]),
    ("جرت المفاوضات في نوفمبر تشرين الثاني 2015", THU, "ar", [("نوفمبر تشرين الثاني 2015", "2015-11")]),
    ("صدر القرار في أغسـطس 2016", THU, "ar", [("أغسـطس 2016", "2016-08")]),
    ("تعقد القمة الخميس 14 تموز 2016", THU, "ar", [("الخميس 14 تموز 2016", "2016-07-14")]),
    ("اجتمع الوزراء يوم الاثنين 11 يوليو", THU, "ar", [("الاثنين 11 يوليو", "2016-07-11")]),
    ("عقدت الجلسة في 31 كانون الأول", MON, "ar", [("31 كانون الأول", "2019-12-31")]),
    ("تبدأ الهدنة في 1 كانون الثاني", MON, "ar", [("1 كانون الثاني", "2020-01-01")]),
    ("صدر البيان في 29 شباط", LEAP, "ar", [("29 شباط", "2020-02-29")]),
    ("في 31 نيسان", THU, "ar", [("نيسان", "2016-04")]),  # no such day: the month stays
    ("تنتهي الولاية في منتصف أيلول", THU, "ar", [("منتصف أيلول", "2016-09")]),
    # An ordinal after a week or a half is not a day: the month alone is named.
    ("شهد الأسبوع الأول من شباط تصعيدا", THU, "ar", [("شباط", "2016-02")]),
    ("في النصف الثاني من آذار", THU, "ar", [("آذار", "2016-03")]),
    ("ويعقد البرلمان جلسة استثنائية يوم الخميس المقبل", THU, "ar", [("يوم الخميس المقبل", "2016-07-21")]),
    ("تعقد اللجنة اجتماعها الأحد", THU, "ar", [("الأحد", "2016-07-17")]),
    ("يحتفل الناس بالعيد في 15 آب، بينما بدأ الصيام قبل ذلك", THU, "ar", [("15 آب", "2016-08-15")]),
    ("قتل 12 شخصا في قصف يوم الجمعة", THU, "ar", [("يوم الجمعة", "2016-07-08")]),
    ("وقد غدا الوضع أكثر تعقيدا", THU, "ar", []),
    ("اجتمع قادة قوى 14 آذار في بيروت", THU, "ar", []),
    ("تظاهر المئات في ميدان 6 أكتوبر", THU, "ar", []),
    ("يتوقع الإعلان مطلع أغسطس", THU, "ar", [("مطلع أغسطس", "2016-08")]),
    ("قبل نهاية أكتوبر المقبل", THU, "ar", [("نهاية أكتوبر المقبل", "2016-10")]),
    ("بتاريخ 14/07/2016 صدر البيان", SUN, "ar", [("14/07/2016", "2016-07-14")]),
    ("صدر البيان في ١٤-٧-٢٠١٦", SUN, "ar", [("١٤-٧-٢٠١٦", "2016-07-14")]),
    ("الهاتف 14/77/2016", SUN, "ar", []),
    # Eastern Arabic and Persian digits read like Western ones.
    ("تنتهي المهلة في ٣٠ من الشهر الجاري", THU, "ar", [("٣٠ من الشهر الجاري", "2016-07-30")]),
    ("اندلعت الاحتجاجات منذ عام ٢٠١١", THU, "ar", [("عام ٢٠١١", "2011")]),
    ("وقع الاتفاق في ۱۴ تموز ۲۰۱۵", THU, "ar", [("۱۴ تموز ۲۰۱۵", "2015-07-14")]),
    ("شارك في المسيرة ٤٠٠ ألف شخص", THU, "ar", []),
    ("تبنى المجلس القرار ٢٢٥٤", THU, "ar", []),
    ("قتل في ٢٠١٥ مدنيا", THU, "ar", []),
]

ARABIC_UNITS_YEARS: list[Case] = [
    ("بحلول نهاية العام الجاري", THU, "ar", [("نهاية العام الجاري", "2016")]),
    ("في منتصف الشهر المقبل", SUN, "ar", [("منتصف الشهر المقبل", "2017-04")]),
    ("أواخر الشهر الماضي", SUN, "ar", [("أواخر الشهر الماضي", "2017-02")]),
    ("خلال الأسبوع المقبل", SUN, "ar", [("الأسبوع المقبل", "2017-W13")]),
    ("عقد الاجتماع الأسبوع الماضي", SUN, "ar", [("الأسبوع الماضي", "2017-W11")]),
    ("تراجعت الأسعار هذا الشهر", SUN, "ar", [("هذا الشهر", "2017-03")]),
    ("تجرى الانتخابات العام المقبل", SUN, "ar", [("العام المقبل", "2018")]),
    ("تراجع الإنتاج السنة الماضية", SUN, "ar", [("السنة الماضية", "2016")]),
    ("في وقت سابق من هذا الشهر", SUN, "ar", [("هذا الشهر", "2017-03")]),
    ("عقد الاجتماع الأسبوع الماضي", MON, "ar", [("الأسبوع الماضي", "2019-W52")]),
    ("تبدأ المرحلة الثانية هذا الأسبوع", MON, "ar", [("هذا الأسبوع", "2020-W01")]),
    ("تنتهي المهلة في نهاية الأسبوع المقبل", THU, "ar", [("نهاية الأسبوع المقبل", "2016-W29")]),
    ("يرتفع العجز العام القادم", FRI, "ar", [("العام القادم", "2016")]),
    ("ارتفعت الأسعار الشهر الجاري", FRI, "ar", [("الشهر الجاري", "2015-10")]),
    ("هذه السنة كانت صعبة", FRI, "ar", [("هذه السنة", "2015")]),
    ("في عام 2011 اندلعت الاحتجاجات", THU, "ar", [("عام 2011", "2011")]),
    ("تدور الحرب منذ 2011", THU, "ar", [("2011", "2011")]),
    ("في العام 2014 سيطر التنظيم على المدينة", THU, "ar", [("العام 2014", "2014")]),
    ("في أواخر 2015 تدخلت روسيا", THU, "ar", [("أواخر 2015", "2015")]),
    ("قبل نهاية 2016", THU, "ar", [("نهاية 2016", "2016")]),
    ("منذ بداية 2016 عقدت جولتان", THU, "ar", [("بداية 2016", "2016")]),
    ("صدر القانون رقم 10 لعام 2018", SUN, "ar", [("عام 2018", "2018")]),
    ("تأسس الحزب في عام 1916", THU, "ar", [("عام 1916", "1916")]),
    ("يستمر البرنامج حتى 2020", THU, "ar", [("2020", "2020")]),
    ("في الأيام القليلة المقبلة", THU, "ar", []),
    ("لم يلتق الطرفان منذ أشهر", THU, "ar", []),
    ("سيتم الإعلان قريبا", THU, "ar", []),
    ("خلال الأسابيع الماضية تقدم الجيش", THU, "ar", []),
    ("الجولة المقبلة من المحادثات", THU, "ar", []),
    ("في الأسبوع الأول من الهدنة", THU, "ar", []),
    ("تبنى مجلس الأمن القرار 2254 بالإجماع", THU, "ar", []),
    ("وفقا لقرار مجلس الأمن 2254", THU, "ar", []),
    ("قتل في الغارات 2015 شخصا", THU, "ar", []),
    ("شارك في المسيرة 400 ألف شخص", THU, "ar", []),
    ("صوت 150 عضوا لصالح القرار", THU, "ar", []),
    ("توفي عن 85 عاما", THU, "ar", []),
    ("سجلت في 2254 حالة إصابة", THU, "ar", []),
    ("وصلت في 2014 غارة على المنطقة", THU, "ar", []),
    ("الطائرة رقم 2014 هبطت بسلام", THU, "ar", []),
    ("أكثر من 1000 قتيل منذ بداية الحرب", THU, "ar", []),
    ("عاش في القرن الحادي والعشرين", THU, "ar", []),
    ("سقط الصاروخ على بعد 2000 متر", THU, "ar", []),
]

OFFSETS: list[Case] = [
    ("وقع الانفجار قبل يومين في السوق", THU, "ar", [("قبل يومين", "2016-07-12")]),
    ("تستأنف المحادثات بعد ثلاثة أيام", THU, "ar", [("بعد ثلاثة أيام", "2016-07-17")]),
    ("التقى الوزيران منذ أسبوعين", MON, "ar", [("منذ أسبوعين", "2019-W51")]),
    ("قتل قبل يومين من الانتخابات", THU, "ar", []),
    ("لم تصل المساعدات منذ أيام", THU, "ar", []),
    ("تعثرت المفاوضات منذ أشهر", THU, "ar", []),
    ("The envoy arrived two days ago", THU, "en", [("two days ago", "2016-07-12")]),
    ("The vote takes place in three days", THU, "en", [("in three days", "2016-07-17")]),
    ("Fighting resumed two days later", THU, "en", []),
    ("The war began years ago", THU, "en", []),
]

HIJRI: list[Case] = [
    ("تبدأ العطلة في 15 رمضان 1438", SUN, "ar", [("15 رمضان 1438", "2017-06-10")]),
    ("في ١٥ رمضان ١٤٣٨ هـ", SUN, "ar", [("١٥ رمضان ١٤٣٨ هـ", "2017-06-10")]),
    ("صدر المرسوم عام 1438 هـ", SUN, "ar", [("عام 1438 هـ", "2017")]),
    ("يحل عيد الفطر في 1 شوال", date(2017, 6, 1), "ar", [("1 شوال", "2017-06-25")]),
    ("في رمضان 1437 ارتفعت الأسعار", THU, "ar", [("رمضان 1437", "2016-06")]),
    ("كانت النتيجة 15 صفر للفريق", THU, "ar", []),
    ("قال رجب طيب أردوغان", THU, "ar", []),
    ("قال رمضان إن الفريق جاهز", THU, "ar", []),
    ("في 1 رجب 1437", THU, "ar", [("1 رجب 1437", "2016-04-08")]),
]

UNRESOLVED: list[Case] = [
    ("قال الوزير اليوم إن", None, "ar", [("اليوم", None)]),
    ("سيزور الرئيس باريس الثلاثاء", None, "ar", [("الثلاثاء", None)]),
    ("وقعت الاتفاقية في 12 آذار 2016", None, "ar", [("12 آذار 2016", "2016-03-12")]),
    ("شنت المعارضة هجوما هذا الأسبوع", None, "ar", [("هذا الأسبوع", None)]),
    ("تستأنف المفاوضات في أغسطس المقبل", None, "ar", [("أغسطس المقبل", None)]),
    ("وقعت المذكرة في 2015", None, "ar", [("2015", "2015")]),
    ("ستجرى الانتخابات في 20 أيار", None, "ar", [("20 أيار", None)]),
    ("في 15 رمضان 1438", None, "ar", [("15 رمضان 1438", "2017-06-10")]),
    ("Kerry met Lavrov yesterday", None, "en", [("yesterday", None)]),
    ("The deal was signed on 27 February 2016", None, "en", [("27 February 2016", "2016-02-27")]),
    ("The talks resume next month", None, "en", [("next month", None)]),
    ("in the coming days", None, "en", []),
]

ENGLISH: list[Case] = [
    ("Kerry said on Thursday that progress was made", THU, "en", [("Thursday", "2016-07-14")]),
    ("The talks will resume on Monday", THU, "en", [("Monday", "2016-07-18")]),
    ("Rebels attacked the town on Saturday", THU, "en", [("Saturday", "2016-07-09")]),
    ("The offensive began last week", THU, "en", [("last week", "2016-W27")]),
    ("The envoy hopes to convene talks next month", THU, "en", [("next month", "2016-08")]),
    ("Growth slowed this year", THU, "en", [("this year", "2016")]),
    ("The council met on Feb. 27", SUN, "en", [("Feb. 27", "2017-02-27")]),
    ("The agreement was signed on 27 February 2016", SUN, "en", [("27 February 2016", "2016-02-27")]),
    ("A new round is expected in early August", THU, "en", [("early August", "2016-08")]),
    ("Resolution 2254 calls for a political transition", THU, "en", []),
    ("under UN Security Council resolution 2254", THU, "en", []),
    ("The memorandum was ratified in 2015", THU, "en", [("2015", "2015")]),
    ("The army said yesterday that", THU, "en", [("yesterday", "2016-07-13")]),
    ("Voting starts tomorrow", THU, "en", [("tomorrow", "2016-07-15")]),
    ("Kerry meets Putin tonight", THU, "en", [("tonight", "2016-07-14")]),
    ("He may travel to Geneva", THU, "en", []),
    ("Thousands joined the march on the capital", THU, "en", []),
    ("Elections were held in May", THU, "en", [("May", "2016-05")]),
    ("The deadline expired on May 5", THU, "en", [("May 5", "2016-05-05")]),
    ("The war has raged since 2011", THU, "en", [("2011", "2011")]),
    ("Prices rose in the last week alone", THU, "en", []),
    ("Attacks doubled over the past year", THU, "en", []),
    ("Aid will arrive in the coming days", THU, "en", []),
    ("More than 2,000 people fled", THU, "en", []),
    ("In 2000 people fled the town", THU, "en", []),
    ("The summit opened on July 4, 2016", THU, "en", [("July 4, 2016", "2016-07-04")]),
    ("A deal is due by the end of August", THU, "en", [("the end of August", "2016-08")]),
    ("Russia intervened late last year", THU, "en", [("late last year", "2015")]),
    ("Prices rose earlier this month", THU, "en", [("earlier this month", "2016-07")]),
    ("The ministers met last Friday", THU, "en", [("last Friday", "2016-07-08")]),
    ("The ministers will meet next Tuesday", THU, "en", [("next Tuesday", "2016-07-19")]),
    ("Shelling resumed this morning", THU, "en", [("this morning", "2016-07-14")]),
    ("on Thursday, July 14, 2016 the talks opened", THU, "en", [("Thursday, July 14, 2016", "2016-07-14")]),
    ("A ceasefire is expected in mid-September", THU, "en", [("mid-September", "2016-09")]),
    ("The truce took effect on December 30", SUN, "en", [("December 30", "2016-12-30")]),
    ("The vote is scheduled for Sunday", SUN, "en", [("Sunday", "2017-03-26")]),
    ("Crowds gathered after Friday prayers", THU, "en", []),
    ("The report is dated 2016-03-01", THU, "en", [("2016-03-01", "2016-03-01")]),
    ("The report is dated 7/14/2016", THU, "en", [("7/14/2016", "2016-07-14")]),
    ("Jan said the talks failed", THU, "en", []),
    ("In March, the army advanced", SUN, "en", [("March", "2017-03")]),
    ("an august body of experts", THU, "en", []),
    ("Inflation fell during 2014", THU, "en", [("2014", "2014")]),
    ("The motion passed by 1500 votes", THU, "en", []),
    ("The attacks on Sept. 11, 2001", THU, "en", [("Sept. 11, 2001", "2001-09-11")]),
    ("Ten people were killed on Sunday", SUN, "en", [("Sunday", "2017-03-26")]),
    ("Talks resumed in Geneva today", WED, "en", [("today", "2018-01-03")]),
    ("The minister said on Friday", WED, "en", [("Friday", "2017-12-29")]),
    ("The envoy will visit on Friday", WED, "en", [("Friday", "2018-01-05")]),
    ("The budget for next year was approved", WED, "en", [("next year", "2019")]),
]

# "The same month / year": the month or year of the nearest date told before, in the sentence or
# the one before it in the same paragraph; with none, nothing (never the publication's month).
SAME_MONTH_YEAR: list[Case] = [
    (
        "سيطر المسلحون على المطار في 4 نيسان 2013، واستعاده الجيش في 22 من الشهر نفسه",
        THU,
        "ar",
        [("4 نيسان 2013", "2013-04-04"), ("22 من الشهر نفسه", "2013-04-22")],
    ),
    (
        "وقعت الحكومة المذكرة في 6 كانون الثاني 2015. وفي 19 من الشهر ذاته صادق عليها البرلمان",
        THU,
        "ar",
        [("6 كانون الثاني 2015", "2015-01-06"), ("19 من الشهر ذاته", "2015-01-19")],
    ),
    (
        "اندلعت الاشتباكات في حزيران 2014 وتوقفت في الشهر نفسه",
        THU,
        "ar",
        [("حزيران 2014", "2014-06"), ("الشهر نفسه", "2014-06")],
    ),
    (
        "افتتحت الجولة في 11 شباط 2016، وفي نفس الشهر علقت المعارضة مشاركتها",
        THU,
        "ar",
        [("11 شباط 2016", "2016-02-11"), ("نفس الشهر", "2016-02")],
    ),
    (
        "انطلقت الحملة عام 2012، وفي كانون الأول من العام نفسه توقفت",
        THU,
        "ar",
        [("عام 2012", "2012"), ("كانون الأول من العام نفسه", "2012-12")],
    ),
    (
        "انضمت البلاد إلى المنظمة في 2 آذار 2010، وانسحبت منها في العام ذاته",
        THU,
        "ar",
        [("2 آذار 2010", "2010-03-02"), ("العام ذاته", "2010")],
    ),
    (
        "أعلن المبعوث خطته في أيلول 2015، ثم قدمها في 14 تشرين الثاني من السنة نفسها",
        THU,
        "ar",
        [("أيلول 2015", "2015-09"), ("14 تشرين الثاني من السنة نفسها", "2015-11-14")],
    ),
    (
        "ولد الزعيم عام 1950. وفي ذلك العام انتقلت أسرته إلى العاصمة",
        THU,
        "ar",
        [("عام 1950", "1950"), ("ذلك العام", "1950")],
    ),
    (
        "بدأت المحادثات في 3 آب 2014 وانتهت في أواخر الشهر نفسه",
        THU,
        "ar",
        [("3 آب 2014", "2014-08-03"), ("أواخر الشهر نفسه", "2014-08")],
    ),
    # No date before it: not the publication's month or year, nothing.
    ("وفي 27 من الشهر نفسه أعلن الجيش السيطرة على البلدة", THU, "ar", []),
    ("انسحبت القوات من المدينة في العام نفسه", THU, "ar", []),
    # The date is two sentences back, or in another paragraph: out of reach.
    (
        "اجتمع الطرفان في 5 آذار 2013. ثم تعثرت المحادثات. وفي الشهر نفسه تجددت المعارك",
        THU,
        "ar",
        [("5 آذار 2013", "2013-03-05")],
    ),
    (
        "اجتمع الطرفان في 5 آذار 2013.\nوفي الشهر نفسه تجددت المعارك",
        THU,
        "ar",
        [("5 آذار 2013", "2013-03-05")],
    ),
    # No such day in the antecedent's month.
    ("بدأت الهدنة في 10 شباط 2015 وانهارت في 30 من الشهر نفسه", THU, "ar", [("10 شباط 2015", "2015-02-10")]),
    # Not anaphors: relative months and years, a non-time noun, a duration.
    (
        "وصل الوفد في 5 آذار 2013 وعاد في الشهر الماضي",
        THU,
        "ar",
        [("5 آذار 2013", "2013-03-05"), ("الشهر الماضي", "2016-06")],
    ),
    ("قال الرئيس نفسه في 5 آذار 2013 إن المدينة نفسها صمدت", THU, "ar", [("5 آذار 2013", "2013-03-05")]),
    ("بدأ الحصار في 5 آذار 2013 واستمر لمدة عام", THU, "ar", [("5 آذار 2013", "2013-03-05")]),
    (
        "the talks opened in Geneva on March 3, 2014, and collapsed later that month",
        THU,
        "en",
        [("March 3, 2014", "2014-03-03"), ("later that month", "2014-03")],
    ),
    (
        "the envoy arrived on 2 August 2015. He left on the 27th of the same month",
        THU,
        "en",
        [("2 August 2015", "2015-08-02"), ("the 27th of the same month", "2015-08-27")],
    ),
    (
        "the siege began in May 2013 and ended in October of the same year",
        THU,
        "en",
        [("May 2013", "2013-05"), ("October of the same year", "2013-10")],
    ),
    ("he was elected in 2009 and resigned that year", THU, "en", [("2009", "2009"), ("that year", "2009")]),
    (
        "the accord was signed in April 2011; it collapsed late that year",
        THU,
        "en",
        [("April 2011", "2011-04"), ("late that year", "2011")],
    ),
    ("the truce collapsed later that month", THU, "en", []),
    ("in the same year the army withdrew", THU, "en", []),
    (
        "the accord was signed in April 2011 and renewed this year",
        THU,
        "en",
        [("April 2011", "2011-04"), ("this year", "2016")],
    ),
]


CASES = (
    ARABIC_DAYS
    + ARABIC_WEEKDAYS
    + ARABIC_MONTHS
    + ARABIC_UNITS_YEARS
    + OFFSETS
    + HIJRI
    + UNRESOLVED
    + ENGLISH
    + SAME_MONTH_YEAR
)


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if not c[3]) >= 40  # negative rows
    assert {c[2] for c in CASES} == {"ar", "en"}


@pytest.mark.parametrize(("text", "published", "lang", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_case(text: str, published: date | None, lang: str, expected: list[tuple[str, str | None]]) -> None:
    found = tag(text, published, lang)
    got = [(t.text, t.value) for t in found]
    assert got == expected
    for t in found:
        assert text[t.start : t.end] == t.text


def test_publication_date_may_be_an_iso_string_or_a_datetime() -> None:
    from datetime import datetime

    by_date = tag("قال الوزير أمس", THU)
    assert tag("قال الوزير أمس", "2016-07-14") == by_date  # type: ignore[arg-type]
    assert tag("قال الوزير أمس", datetime(2016, 7, 14, 9, 30)) == by_date


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="str"):
        tag(b"\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85", THU)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published"):
        tag("اليوم", 20160714)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        tag("اليوم", "yesterday")  # type: ignore[arg-type]
    assert tag("", THU) == []


def test_a_passage_repeated_word_for_word_reports_its_expressions_once() -> None:
    body = "ويستقبل الرئيس وزير الخارجية اليوم الخميس في القصر لبحث ملف المفاوضات."
    text = f"{body}\nوقال المتحدث إن اللقاء مهم.\n{body}"
    found = tag(text, THU)
    assert [(t.text, t.value, t.start) for t in found] == [
        ("اليوم الخميس", "2016-07-14", body.index("اليوم"))
    ]
    thrice = f"{body}\n{body}\nثم وصل الوفد أمس.\n{body}"
    assert [t.value for t in tag(thrice, THU)] == ["2016-07-14", "2016-07-13"]
    # A short sentence may repeat innocently: both are kept.
    short = "وصل أمس.\nوصل أمس."
    assert [t.value for t in tag(short, THU)] == ["2016-07-13", "2016-07-13"]
