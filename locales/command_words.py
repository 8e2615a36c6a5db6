"""Words people type for a command instead of its name, in Dutch and English (bot/menu.py
reads them): `/verkocht` ("sold") means /verkoop, `/payment` means /paid; and the words a
Russian speaker names a command by in `/help продажа` (Telegram's command names are Latin)."""

from __future__ import annotations

# The word typed → the command's name it stands for (its Dutch or English name).
SAID_OTHERWISE = {
    "verkocht": "verkoop",
    "betaling": "betaald",
    "nieuw": "toevoegen",
    "nieuwe": "toevoegen",
    "sold": "sale",
    "payment": "paid",
    "new": "add",
}


# `/help <topic>` in Russian: the word for what the command does → the command's name. Written
# with е for ё (the topic is folded so before it is looked up).
HELP_TOPICS = {
    **dict.fromkeys(("старт", "начало", "начать"), "start"),
    **dict.fromkeys(("клиент", "карточка", "клиента"), "client"),
    **dict.fromkeys(("клиенты", "список", "клиентов"), "clients"),
    **dict.fromkeys(("риск", "риски", "зависимость"), "risk"),
    **dict.fromkeys(("портрет",), "portrait"),
    **dict.fromkeys(("отказ", "отказаться", "отказы"), "decline"),
    **dict.fromkeys(("сводка", "сводку"), "digest"),
    **dict.fromkeys(("добавить", "добавление", "новый"), "add"),
    **dict.fromkeys(("проверка", "проверить", "проверку"), "check"),
    **dict.fromkeys(("продажа", "продажу", "продать", "записать"), "sale"),
    **dict.fromkeys(("оплата", "оплатил", "оплачено", "оплату", "платеж", "долг"), "paid"),
    **dict.fromkeys(("продажи", "продаж"), "sales"),
    **dict.fromkeys(("оценка", "оценить", "отзыв", "оценку"), "rate"),
    **dict.fromkeys(("рекомендация", "рекомендацию", "рекомендовал"), "refer"),
    **dict.fromkeys(("проблема", "проблему", "жалоба", "жалобу"), "complaint"),
    **dict.fromkeys(("благодарность", "комплимент", "похвала"), "compliment"),
    **dict.fromkeys(("изменить", "правка", "исправить", "данные"), "edit"),
    **dict.fromkeys(("профиль",), "profile"),
    **dict.fromkeys(("настройки", "настройка"), "settings"),
    **dict.fromkeys(("импорт", "загрузить", "загрузка"), "import"),
    **dict.fromkeys(("экспорт", "выгрузка", "выгрузить"), "export"),
    **dict.fromkeys(("забыть", "удалить"), "forget"),
    **dict.fromkeys(("участники", "участник"), "members"),
    **dict.fromkeys(("команда", "команду"), "team"),
    **dict.fromkeys(("язык",), "lang"),
    **dict.fromkeys(("пропустить",), "skip"),
    **dict.fromkeys(("отменить", "назад"), "undo"),
    **dict.fromkeys(("отмена", "прервать", "стоп"), "cancel"),
    **dict.fromkeys(("помощь", "справка"), "help"),
}
