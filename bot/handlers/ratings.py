"""/rate: how it feels to work with a client, 1–5 per criterion, one tap each."""

from __future__ import annotations

from bot.kit import arguments
from bot.kit.client_dialog import ClientDialog
from bot.kit.commands import command
from bot.kit.dialogs import Conversation, finish, goto, question
from bot.kit.turn import Turn
from bot.reading import grammar
from bot.render import ratings as render
from bot.render import refusals
from bot.render.changes import grade_news
from bot.render.grade_words import on_scale
from locales import InputError
from storage import ratings

CRITERIA = ratings.CRITERIA


class RateDialog(ClientDialog):
    """client → one question per criterion with buttons 1–5 → saved."""

    name = "rate"
    adds_unknown = False

    def which_client(self, turn: Turn) -> str:
        return render.which_client(turn.t)

    async def with_client(self, turn: Turn, convo: Conversation) -> None:
        if convo.data.get("values"):
            await self.save(turn, convo)
            return
        given: dict[str, int] = convo.data.pop("given", None) or {}  # "/rate Smit 5/5"
        previous = await turn.run(
            ratings.latest_ratings,
            team_id=turn.team_id,
            client_id=convo.data["client_id"],
            user_id=turn.caller.user_id,
        )
        await goto(turn, convo, CRITERIA[len(given)], values=given, previous=previous)

    async def ask_step(self, turn: Turn, convo: Conversation) -> None:
        text, options = render.rating_question(
            turn.t,
            convo.data["client"],
            convo.step,
            CRITERIA,
            convo.data.get("previous", {}).get(convo.step),
        )
        question(
            turn,
            convo,
            text,
            options=options,
            per_row=5,
            edit=turn.update.callback_query is not None,
        )

    async def answer_step(
        self, turn: Turn, convo: Conversation, *, text: str | None, choice: str | None
    ) -> None:
        position = CRITERIA.index(convo.step)
        # "5 5" or "5/4" typed: this question's grade and the next ones'
        grades = [choice.strip()] if choice else grammar.split_grades(text or "")
        if len(grades) > len(CRITERIA) - position or any(
            grade not in {"1", "2", "3", "4", "5"} for grade in grades
        ):
            raise InputError(
                on_scale(turn.team.grade_scale, refusals.TAP_A_GRADE, refusals.TAP_A_GRADE_TEN)
            )
        for criterion, grade in zip(CRITERIA[position:], grades, strict=False):
            convo.data["values"][criterion] = int(grade)
        position += len(grades)
        if position < len(CRITERIA):
            await goto(turn, convo, CRITERIA[position])
        else:
            await self.save(turn, convo)

    async def save(self, turn: Turn, convo: Conversation) -> None:
        await finish(turn, convo)
        values: dict[str, int] = convo.data["values"]
        before = await turn.analysis()
        change = await turn.change(
            ratings.record_ratings,
            client_id=convo.data["client_id"],
            values=values,
            rated_on=turn.today,
        )
        after = await turn.analysis_with_changes()
        news = grade_news(
            turn.t,
            before.analysis,
            after.analysis,
            convo.data["client_id"],
            with_share=not turn.team.sensitive_to_admins,
        )
        turn.confirm(
            render.rated(turn.t, convo.data["client"], values, news),
            change.undo_id,
            edit=turn.update.callback_query is not None,
        )


@command
async def rate(turn: Turn) -> None:
    """/rate <client>, or in one line: /rate Bakkerij de Vries 4 5 3 (or 4, 5, 3 or 4,5,3)."""
    text = arguments.argument_text(turn)
    dialog = RateDialog()
    if not text:
        await dialog.begin(turn, None)
        return
    client, numbers = grammar.read_grades(text)
    if not numbers:
        await dialog.begin(turn, client)
        return
    valid = all(n in {"1", "2", "3", "4", "5"} for n in numbers)
    if valid and len(numbers) < len(CRITERIA):  # "5/5": those kept, the rest asked with buttons
        given = dict(zip(CRITERIA, map(int, numbers), strict=False))
        await dialog.begin(turn, client, given=given)
        return
    if len(numbers) != len(CRITERIA) or not valid:
        raise InputError(
            on_scale(
                turn.team.grade_scale, refusals.GIVE_EVERY_GRADE, refusals.GIVE_EVERY_GRADE_TEN
            ),
            count=len(CRITERIA),
        )
    await dialog.begin(turn, client, values=dict(zip(CRITERIA, map(int, numbers), strict=True)))
