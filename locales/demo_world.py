"""The demo team's world in Dutch and Russian: its clients' names, trades and towns, a
complaint and the ideal client's profile. Words a user reads, so they live with the catalogs;
``storage/demo.py`` turns them into a year of sales.
"""

from __future__ import annotations

NL_ORGS = [
    ("Hotel De Linde", "anchor", "horeca", "Utrecht", 45),
    ("Bouwbedrijf Van Dijk", "anchor2", "bouw", "Amersfoort", 60),
    ("Tandartspraktijk Smit", "ideal", "zorg", "Utrecht", 12),
    ("Yogastudio Lotus", "ideal", "sport", "Zeist", 6),
    ("Fysiotherapie Centrum", "ideal", "zorg", "Utrecht", 15),
    ("Restaurant De Haven", "ideal", "horeca", "Utrecht", 20),
    ("Bakkerij de Vries", "ideal", "horeca", "Houten", 9),
    ("Dierenkliniek Poot", "ideal", "zorg", "Utrecht", 11),
    ("Makelaardij Visser", "regular", "vastgoed", "Amsterdam", 8),
    ("Kapsalon Knip", "regular", "uiterlijk", "Utrecht", 4),
    ("Fietsenmaker Jansen", "regular", "retail", "Nieuwegein", 3),
    ("Bloemist Roos", "regular", "retail", "Zeist", 5),
    ("Koffiebar Bonen", "regular", "horeca", "Utrecht", 7),
    ("Garage Meijer", "regular", "auto", "Amersfoort", 10),
    ("Drukkerij Hendriks", "regular", "productie", "Rotterdam", 25),
    ("Wijnhandel Druif", "regular", "retail", "Utrecht", 4),
    ("Rijschool Groen", "regular", "onderwijs", "Houten", 6),
    ("Boekhandel Lees", "regular", "retail", "Utrecht", 5),
    ("Kinderopvang Zonnetje", "regular", "onderwijs", "Nieuwegein", 18),
    ("Architectenbureau Lijn", "regular", "zakelijke diensten", "Amsterdam", 9),
    ("Brouwerij 't Vat", "regular", "horeca", "Utrecht", 14),
    ("Sportschool Fit", "regular", "sport", "Amersfoort", 12),
    ("Notariskantoor Peters", "regular", "zakelijke diensten", "Zeist", 7),
    ("Vishandel Zee", "poor", "retail", "Rotterdam", 3),
    ("Schoonmaakbedrijf Glans", "poor", "schoonmaak", "Amsterdam", 30),
    ("Installatiebedrijf De Graaf", "poor", "bouw", "Amersfoort", 22),
    ("Camping De Wielen", "regular", "recreatie", "Houten", 5),
]
NL_PERSONS = [
    ("Anouk de Boer", "person", "f", 1986, "Utrecht"),
    ("Sanne Vermeulen", "person", "f", 1991, "Zeist"),
    ("Joost van Leeuwen", "person", "m", 1978, "Utrecht"),
    ("Fleur Mulder", "person", "f", 1989, "Houten"),
    ("Daan Kok", "person", "m", 1995, "Amsterdam"),
    ("Lotte Brouwer", "person", "f", 1983, "Utrecht"),
    ("Thijs de Wit", "person", "m", 1970, "Amersfoort"),
    ("Eva Dekker", "person", "f", 1993, "Utrecht"),
    ("Bram Smits", "person", "m", 1988, "Nieuwegein"),
    ("Noor Willems", "person", "f", 1999, "Utrecht"),
]
NL_PROSPECTS = [
    ("Hotel Het Anker", "horeca", "Utrecht", 30),
    ("Tandarts Jansen", "zorg", "Zeist", 8),
]
NL_NEW = ("Pizzeria Bella", "horeca", "Utrecht", 10)

RU_ORGS = [
    ("Отель «Липа»", "anchor", "гостиницы", "Москва", 45),
    ("Строительная компания «Кирпич»", "anchor2", "строительство", "Подольск", 60),
    ("Стоматология «Улыбка»", "ideal", "медицина", "Москва", 12),
    ("Йога-студия «Лотос»", "ideal", "спорт", "Москва", 6),
    ("Клиника «Движение»", "ideal", "медицина", "Москва", 15),
    ("Ресторан «Пристань»", "ideal", "общепит", "Москва", 20),
    ("Пекарня «Колосок»", "ideal", "общепит", "Химки", 9),
    ("Ветклиника «Лапа»", "ideal", "медицина", "Москва", 11),
    ("Агентство недвижимости «Ключ»", "regular", "недвижимость", "Санкт-Петербург", 8),
    ("Салон «Локон»", "regular", "красота", "Москва", 4),
    ("Веломастерская «Спица»", "regular", "розница", "Мытищи", 3),
    ("Цветочный «Роза»", "regular", "розница", "Химки", 5),
    ("Кофейня «Зерно»", "regular", "общепит", "Москва", 7),
    ("Автосервис «Гараж»", "regular", "авто", "Подольск", 10),
    ("Типография «Оттиск»", "regular", "производство", "Казань", 25),
    ("Винный бутик «Лоза»", "regular", "розница", "Москва", 4),
    ("Автошкола «Зелёный свет»", "regular", "образование", "Мытищи", 6),
    ("Книжный «Страница»", "regular", "розница", "Москва", 5),
    ("Детский сад «Солнышко»", "regular", "образование", "Химки", 18),
    ("Архитектурное бюро «Линия»", "regular", "услуги для бизнеса", "Санкт-Петербург", 9),
    ("Пивоварня «Бочка»", "regular", "общепит", "Москва", 14),
    ("Фитнес-клуб «Атлет»", "regular", "спорт", "Подольск", 12),
    ("Нотариус Петрова", "regular", "услуги для бизнеса", "Химки", 7),
    ("Рыбная лавка «Море»", "poor", "розница", "Казань", 3),
    ("Клининг «Блеск»", "poor", "клининг", "Санкт-Петербург", 30),
    ("Монтажная компания «Тепло»", "poor", "строительство", "Подольск", 22),
    ("Турбаза «Берег»", "regular", "отдых", "Мытищи", 5),
]
RU_PERSONS = [
    ("Анна Смирнова", "person", "f", 1986, "Москва"),
    ("Ольга Кузнецова", "person", "f", 1991, "Химки"),
    ("Дмитрий Попов", "person", "m", 1978, "Москва"),
    ("Екатерина Волкова", "person", "f", 1989, "Мытищи"),
    ("Сергей Новиков", "person", "m", 1995, "Санкт-Петербург"),
    ("Мария Фёдорова", "person", "f", 1983, "Москва"),
    ("Алексей Морозов", "person", "m", 1970, "Подольск"),
    ("Наталья Лебедева", "person", "f", 1993, "Москва"),
    ("Иван Соколов", "person", "m", 1988, "Мытищи"),
    ("Татьяна Павлова", "person", "f", 1999, "Москва"),
]
RU_PROSPECTS = [
    ("Гостиница «Якорь»", "гостиницы", "Москва", 30),
    ("Стоматология «Жемчуг»", "медицина", "Химки", 8),
]
RU_NEW = ("Пиццерия «Белла»", "общепит", "Москва", 10)
COMPLAINTS = {"nl": "Factuur te laat en veel extra wensen", "ru": "Долго согласовывали макет"}

DEMO_PROFILE = {
    "nl": {
        "name": "Organisaties",
        "industries": ["horeca", "zorg", "sport"],
        "cities": ["Utrecht", "Zeist", "Houten"],
        "market_size": 2000,
    },
    "ru": {
        "name": "Организации",
        "industries": ["общепит", "медицина", "спорт"],
        "cities": ["Москва", "Химки"],
        "market_size": 6000,
    },
}
