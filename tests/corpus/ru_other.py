"""Russian one-line /add, /paid, /rate, /refer, /complaint and /compliment, with what must be
stored or asked. Open invoices: Звездочка 25 000 ₽ (25 Nov), Кузнецов 500 ₽ (20 Nov) and
700 ₽ (27 Nov), ООО Ромашка 50 000 ₽ (16 Nov) — tests/corpus/world.py."""

from __future__ import annotations

from tests.corpus.expect import (
    NOTHING,
    ORGANISATION,
    PERSON,
    Expected,
    added,
    ask,
    complaint,
    compliment,
    paid,
    rated,
    referral,
)

VOLKOVA, KUZNETSOV = "Волкова Анна", "Кузнецов Артём Игоревич"
FEDOROVA, ZAITSEVA = "Фёдорова Мария Петровна", "Зайцева Алёна Ивановна"
ZVEZDA, ROMASHKA = "Звездочка", "ООО Ромашка"
LEBEDEV = "Егор Лебедев"

ADD: list[tuple[str, Expected]] = [
    # A business's own word says the kind; a line of business is no city (issue 17).
    ("/add Кафе Ромашка, общепит", added("Кафе Ромашка", ORGANISATION)),
    ("/add Салон Лотос", added("Салон Лотос", ORGANISATION)),
    (
        "/add Смирнова Ирина",
        added("Смирнова Ирина", PERSON),
    ),
    (
        "/add Пекарня Хлебница",
        added("Пекарня Хлебница", ORGANISATION),
    ),
    ("/add Петров", ask("kind", "Петров", press="person", then=added("Петров", PERSON))),
    (
        "/add  Морозова Дарья ",
        added("Морозова Дарья", PERSON),
    ),
    ("/add Смирнова Ирина, частное лицо, Казань", added("Смирнова Ирина", PERSON)),
    ("/add Салон Лотос, организация", added("Салон Лотос", ORGANISATION)),
    ("/add Салон Лотос, компания, Москва", added("Салон Лотос", ORGANISATION)),
    ("/add ИП Сергеев, фирма", added("ИП Сергеев", ORGANISATION)),
    ("/add Никитин Олег, физлицо", added("Никитин Олег", PERSON)),
    ("/add Иванова Ольга физлицо", added("Иванова Ольга", PERSON)),
    ("/add Орлова Вера частное лицо", added("Орлова Вера", PERSON)),
    ("/add Пекарня Каравай организация", added("Пекарня Каравай", ORGANISATION)),
    ("/add Магазин Тысяча мелочей, организация", added("Магазин Тысяча мелочей", ORGANISATION)),
    ("/add Белова Нина 1990 г.р.", added("Белова Нина", PERSON)),
    ("/add Соколова Дарья, человек, Тверь", added("Соколова Дарья", PERSON)),
    # A legal form adds an organisation unasked; its number is its name's (testers, issue 17).
    ("/add ИП Сидоренко Ольга Викторовна", added("ИП Сидоренко Ольга Викторовна", ORGANISATION)),
    ("/add ООО Бьюти Лаб 24", added("ООО Бьюти Лаб 24", ORGANISATION)),
    ("/add ООО Бьюти Лаб 24, Екатеринбург", added("ООО Бьюти Лаб 24", ORGANISATION)),
    ("/add ООО Лютик 2000", added("ООО Лютик 2000", ORGANISATION)),
    ("/add Белова Мария Петровна физлицо екатеринбург", added("Белова Мария Петровна", PERSON)),
    # Already there, or close to someone who is.
    ("/add Волкова Анна", NOTHING),
    ("/add волкова анна", NOTHING),
    ("/add Жукова", NOTHING),
    ("/add Звёздочка", NOTHING),
    ("/add Фёдорова Мария", ask("similar", FEDOROVA)),
    ("/add Федорова Мария", ask("similar", FEDOROVA)),
    ("/add Кузнецов Артём", ask("similar", KUZNETSOV)),
    ("/add Волкова А.", ask("similar", VOLKOVA)),
    ("/add Волкова Алина", ask("similar", VOLKOVA)),
    ("/add Зайцева Алёна", ask("similar", ZAITSEVA)),
    # A sale typed after /add is no name: a hint to /sale, nothing added.
    ("/add Волкова 2500 вчера", NOTHING),
    ("/add Звездочка 30 тыс.", NOTHING),
    ("/add Петров 2 ч", NOTHING),
    ("/add Никитин, 800, вчера", NOTHING),
    ("/add Носова 2 500 ₽", NOTHING),
    # A native reader's lines: a patronymic or initials say a person, a legal form an
    # organisation, unasked; a legal form alone is no name; lower case is written properly.
    ("/add Козлов Дмитрий Андреевич", added("Козлов Дмитрий Андреевич", PERSON)),
    ("/add Иванова И.И.", added("Иванова И. И.", PERSON)),
    ("/add Иванова И. И.", added("Иванова И. И.", PERSON)),
    ("/add Козлов Дмитрий Андреевич, ИП, Казань", added("Козлов Дмитрий Андреевич", ORGANISATION)),
    ("/add ООО Лютик", added("ООО Лютик", ORGANISATION)),
    ("/add ООО", NOTHING),
    ("/add ИП", NOTHING),
    ("/add иванова мария, физлицо, Казань.", added("Иванова Мария", PERSON)),
    (
        "/add иванова мария",
        ask("kind", "иванова мария", press="person", then=added("Иванова Мария", PERSON)),
    ),
]

PAID: list[tuple[str, Expected]] = [
    ("/paid Звездочка", paid("zvezdochka-25000")),
    ("/paid звёздочка!", paid("zvezdochka-25000")),
    ("/paid звёздочка вчера", paid("zvezdochka-25000", on="2026-12-03")),
    ("/paid Звездочка, позавчера", paid("zvezdochka-25000", on="2026-12-02")),
    ("/paid Звездочка 25 тыс.", paid("zvezdochka-25000")),
    ("/paid Звездочка 25 000 ₽", paid("zvezdochka-25000")),
    ("/paid Звездочка 25000 руб. в среду", paid("zvezdochka-25000", on="2026-12-02")),
    ("/paid Звездочка 25к", paid("zvezdochka-25000")),
    ("/paid Кузнецов 500", paid("kuznetsov-500")),
    ("/paid Кузнецов 700", paid("kuznetsov-700")),
    ("/paid Кузнецов 700 р.", paid("kuznetsov-700")),
    ("/paid Кузнецов 1200", paid("kuznetsov-500", "kuznetsov-700")),
    ("/paid Кузнецов 1 200 позавчера", paid("kuznetsov-500", "kuznetsov-700", on="2026-12-02")),
    ("/paid Кузнецов Артём, 500, 01.12", paid("kuznetsov-500", on="2026-12-01")),
    ("/paid Кузнецов", ask("which", press="all", then=paid("kuznetsov-500", "kuznetsov-700"))),
    (
        "/paid кузнецов артем",
        ask("which", press="all", then=paid("kuznetsov-500", "kuznetsov-700")),
    ),
    ("/paid Кузнецов 300", ask("which", "500", "700")),
    ("/paid Ромашка 50 тыс", paid("romashka-50000")),
    ("/paid ООО Ромашка 01.12", paid("romashka-50000", on="2026-12-01")),
    ("/paid Ромашка в понедельник", paid("romashka-50000", on="2026-11-30")),
    ("/paid ООО «Ромашка» 30.11", paid("romashka-50000", on="2026-11-30")),
    ("/paid Волкова", NOTHING),
    ("/paid Звездочка 05.12.2026", NOTHING),
    ("/paid Пупкин", NOTHING),
    ("/paid Звездочка 0", NOTHING),
    # «всё» / «все»: all that is open, at once, no question.
    ("/paid Кузнецов всё", paid("kuznetsov-500", "kuznetsov-700")),
    ("/paid Кузнецов остаток", paid("kuznetsov-500", "kuznetsov-700")),
    ("/paid Ромашка остаток", paid("romashka-50000")),
    ("/paid Ромашка.", paid("romashka-50000")),
    # the sale is from 25 November: paid on the 20th is impossible
    ("/paid Звездочка 25 000 20.11", NOTHING),
    ("/paid кузнецов все вчера", paid("kuznetsov-500", "kuznetsov-700", on="2026-12-03")),
    ("/paid Звездочка всё", paid("zvezdochka-25000")),
    ("/paid Звездочка завтра", NOTHING),
]

RATE: list[tuple[str, Expected]] = [
    ("/rate Волкова 5 5 4", rated(VOLKOVA, 5, 5, 4)),
    ("/rate Волкова 5, 5, 4", rated(VOLKOVA, 5, 5, 4)),
    ("/rate Волкова 5,5,4", rated(VOLKOVA, 5, 5, 4)),
    ("/rate  волкова  5  5  4 ", rated(VOLKOVA, 5, 5, 4)),
    ("/rate Кузнецов Артём 3 4 5", rated(KUZNETSOV, 3, 4, 5)),
    ("/rate Кузнецов Артем 3 4 5", rated(KUZNETSOV, 3, 4, 5)),
    ("/rate Студия 21 4 4 3", rated("Студия 21", 4, 4, 3)),
    ("/rate Студия 21, 5, 5, 5", rated("Студия 21", 5, 5, 5)),
    ("/rate звёздочка 2 3 1", rated(ZVEZDA, 2, 3, 1)),
    ("/rate Ёлкина 5 4 5!", rated("Ёлкина Ольга", 5, 4, 5)),
    ("/rate Елкина Ольга 5 4 5", rated("Ёлкина Ольга", 5, 4, 5)),
    ("/rate Жукова 1 2 3", rated("Жукова", 1, 2, 3)),
    ("/rate Алиев 4,4,5 👍", rated("Алиев", 4, 4, 5)),
    ("/rate Мария 5 5 5", rated(FEDOROVA, 5, 5, 5)),
    ("/rate Фёдорова Мария Петровна 4 5 5", rated(FEDOROVA, 4, 5, 5)),
    ("/rate Зайцева Алёна Ивановна, 3, 3, 4", rated(ZAITSEVA, 3, 3, 4)),
    ("/rate Сидорова-Белая 5 5 5", rated("Сидорова-Белая Наталья", 5, 5, 5)),
    ("/rate ООО Ромашка 2 4 1", rated(ROMASHKA, 2, 4, 1)),
    # Grades joined by slashes or dashes are three grades all the same.
    ("/rate Волкова 5/5/3", rated(VOLKOVA, 5, 5, 3)),
    ("/rate Алиев 4-4-5", rated("Алиев", 4, 4, 5)),
    ("/rate Волкова 5/5", ask("which", press="4", then=rated(VOLKOVA, 5, 5, 4))),  # the third asked
    ("/rate Волкова 6 5 4", NOTHING),
    ("/rate Волкова 5 5", ask("which", press="3", then=rated(VOLKOVA, 5, 5, 3))),
    ("/rate Волкова 0 5 4", NOTHING),
    ("/rate Пупкин 5 5 5", NOTHING),
]

REFER: list[tuple[str, Expected]] = [
    ("/refer Волкова Анна, Жукова", referral(VOLKOVA, "Жукова")),
    ("/refer Звездочка, Кофейня Зерно", referral(ZVEZDA, "Кофейня Зерно")),
    ("/refer Алиев, Сидорова-Белая Наталья", referral("Алиев", "Сидорова-Белая Наталья")),
    ("/refer Фёдорова Мария Петровна, Зайцева Алёна Ивановна", referral(FEDOROVA, ZAITSEVA)),
    (
        "/refer Волкова Анна, Смирнова Ирина",
        referral(VOLKOVA, "Смирнова Ирина", new=PERSON),
    ),
    (
        "/refer Звездочка, Салон Лотос",
        referral(ZVEZDA, "Салон Лотос", new=ORGANISATION),
    ),
    (
        "/refer Жукова, Морозова Дарья",
        referral("Жукова", "Морозова Дарья", new=PERSON),
    ),
    ("/refer Ёлкина Ольга, Ёлкина Ольга", NOTHING),
    # A verb between the two names: who brought whom.
    ("/refer Волкова привела Кофейня Зерно", referral(VOLKOVA, "Кофейня Зерно")),
    ("/refer Алиев порекомендовал Студия 21", referral("Алиев", "Студия 21")),
    # A native reader's lines: who the new client is to them, or to whom, is not their name.
    (
        "/refer Волкова посоветовала нас Зайцевой Марине",
        referral(VOLKOVA, "Зайцева Марина", new=PERSON),
    ),
    (
        "/refer Волкова привела подругу Зайцеву Марину",
        referral(VOLKOVA, "Зайцева Марина", new=PERSON),
    ),
    ("/refer Кофейня Зерно от Волковой", referral(VOLKOVA, "Кофейня Зерно")),
]

NOTES: list[tuple[str, Expected]] = [
    ("/complaint Жукова скандалила из-за цены", complaint("Жукова", "скандалила из-за цены")),
    # A surname with initials is the name (a new one a person), the rest the note.
    (
        "/complaint Иванова И.И. опоздала на час",
        ask(
            "new",
            "Иванова И. И.",
            press="частное лицо",
            then=complaint("Иванова И. И.", "опоздала на час") + added("Иванова И. И.", PERSON),
        ),
    ),
    (
        "/complaint Иванова И. И. опоздала на час",
        ask(
            "new",
            "Иванова И. И.",
            press="частное лицо",
            then=complaint("Иванова И. И.", "опоздала на час") + added("Иванова И. И.", PERSON),
        ),
    ),
    ("/complaint Кузнецов А.И. опоздал на час", complaint(KUZNETSOV, "опоздал на час")),
    # A name in another case, and words before it, find the client.
    ("/complaint Жуковой не понравилась стрижка", complaint("Жукова", "не понравилась стрижка")),
    (
        "/complaint у нас Волковой Анне не понравилось",
        complaint(VOLKOVA, "у нас не понравилось"),
    ),
    ("/compliment от Кузнецова спасибо за помощь", compliment(KUZNETSOV, "спасибо за помощь")),
    ("/complaint на Жукову: хамила", complaint("Жукова", "хамила")),
    ("/compliment Кузнецов А. И.: всё чётко", compliment(KUZNETSOV, "всё чётко")),
    ("/complaint Жукова: скандалила из-за цены", complaint("Жукова", "скандалила из-за цены")),
    ("/complaint Жукова, скандалила из-за цены", complaint("Жукова", "скандалила из-за цены")),
    ("/complaint Волкова Анна опоздала на 40 минут", complaint(VOLKOVA, "опоздала на 40 минут")),
    ("/complaint Кузнецов Артём Игоревич не заплатил", complaint(KUZNETSOV, "не заплатил")),
    ("/complaint Студия 21 сорвали сроки", complaint("Студия 21", "сорвали сроки")),
    ("/complaint звёздочка, долго не платят", complaint(ZVEZDA, "долго не платят")),
    (
        "/complaint Ёлкина Ольга перенесла запись три раза",
        complaint("Ёлкина Ольга", "перенесла запись три раза"),
    ),
    ("/complaint Елкина: перенесла запись", complaint("Ёлкина Ольга", "перенесла запись")),
    ("/complaint Алиев требовал скидку", complaint("Алиев", "требовал скидку")),
    ("/complaint Пупкин грубил", ask("client")),
    # The name in either order: first name, then surname.
    ("/complaint Анна Волкова опоздала на встречу", complaint(VOLKOVA, "опоздала на встречу")),
    (
        "/compliment Мария Фёдорова привела подругу",
        compliment(FEDOROVA, "привела подругу"),
    ),
    # Punctuation right after the name ends it.
    ("/complaint Жукова!! опять опоздала", complaint("Жукова", "опять опоздала")),
    # Someone new: added with a button, the note kept.
    (
        "/compliment Марина Ковалёва спасибо за торт",
        ask(
            "client",
            answer="Марина Ковалёва",
            # No client shares both her names (a look-alike on one name is none): new.
            then=ask(
                "new",
                "Марина Ковалёва",
                press="person",
                then=compliment("Марина Ковалёва", "спасибо за торт")
                + added("Марина Ковалёва", PERSON),
            ),
        ),
    ),
    (
        "/complaint Пупкин: грубил",
        ask("client", answer="Жукова", then=complaint("Жукова", "грубил")),
    ),
    ("/compliment Волкова Анна: спасибо за стрижку", compliment(VOLKOVA, "спасибо за стрижку")),
    ("/compliment Волкова спасибо за стрижку", compliment(VOLKOVA, "спасибо за стрижку")),
    (
        "/compliment Фёдорова Мария Петровна привела подругу",
        compliment(FEDOROVA, "привела подругу"),
    ),
    ("/compliment Кофейня Зерно отличный отзыв", compliment("Кофейня Зерно", "отличный отзыв")),
    ("/compliment Алиев оставил чаевые", compliment("Алиев", "оставил чаевые")),
    (
        "/compliment ООО Ромашка благодарственное письмо",
        compliment(ROMASHKA, "благодарственное письмо"),
    ),
    ("/compliment Зайцева: очень довольна", compliment(ZAITSEVA, "очень довольна")),
]

# Lead-ins and names in another case (README: Typing commands).
CASES: list[tuple[str, Expected]] = [
    ("/paid у Звездочки 25 тыс.", paid("zvezdochka-25000")),
    ("/paid Кузнецов на 500", paid("kuznetsov-500")),
    ("/rate Волковой 5 5 4", rated(VOLKOVA, 5, 5, 4)),
    ("/complaint от Анны Волковой опоздала", complaint(VOLKOVA, "опоздала")),
    ("/complaint Кузнецову А.И. не понравилось", complaint(KUZNETSOV, "не понравилось")),
    # A client stored first name first («Егор Лебедев»): case forms, initials, the surname.
    ("/complaint от Егора Лебедева грубил", complaint(LEBEDEV, "грубил")),
    ("/complaint Егору Лебедеву не понравилось", complaint(LEBEDEV, "не понравилось")),
    ("/complaint на Лебедева: хамил", complaint(LEBEDEV, "хамил")),
    ("/compliment Е. Лебедев всё отлично", compliment(LEBEDEV, "всё отлично")),
    ("/compliment от Лебедева спасибо", compliment(LEBEDEV, "спасибо")),
    ("/rate Егору Лебедеву 5 5 4", rated(LEBEDEV, 5, 5, 4)),
]

LINES: list[tuple[str, Expected]] = [*ADD, *PAID, *RATE, *REFER, *NOTES, *CASES]
