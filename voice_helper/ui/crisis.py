"""Emergencies in the UI (issue 11): whom to call first, the emergency contacts offered first,
and a report that never claims more than happened.

- ``crisis_offer``: shows (and, with self-voicing, speaks digit by digit) whom to call first,
  ``request.resources[0]``; then offers the emergency contacts from settings ("Send this to
  Maria now? y/n") and sends on yes through the real channels, in a worker. With no emergency
  contact, or when no send reached anyone, it says plainly that nothing was sent to anyone and
  shows the number to call. A file in the outbox is never "sent"; no path is ever spoken.
- ``SafetyScreen``: "Are you safe right now?" when the intent engine is unsure
  (``urgency: check``). Yes by ``y`` or the mouse; ``n``, Esc or anything unclear counts as not
  safe. There is no time limit.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from ..request import HelpRequest
from .services import Sent
from .widgets import ConfirmScreen, tr


def first_call_text(app: Any, resources: list[Any]) -> str:
    if not resources:
        return app.t("crisis.call_generic")
    first = resources[0]
    return app.t("crisis.call_first", number=first.number, name=first.name)


def numbers_text(app: Any, resources: list[Any]) -> str:
    """Every number, first first, one per line: for the screen."""
    return "\n".join(app.t("crisis.number_line", number=r.number, name=r.name) for r in resources)


class SafetyScreen(ConfirmScreen):
    """Are you safe right now? y: safe. n, Esc, or closing it: not safe (unclear counts as no)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="safety.yes"),
        Binding("n", "answer(False)", "No", id="safety.no"),
        Binding("escape", "unclear", "Unclear", show=False),
    ]

    def __init__(self, resources: list[Any]) -> None:
        first = resources[0] if resources else None
        detail = tr("safety.detail", number=first.number, name=first.name) if first else ""
        super().__init__(tr("safety.question"), detail=detail, yes=tr("safety.yes"),
                         no=tr("safety.no"), classes="safety", announce=False)
        self.resources = resources

    def action_unclear(self) -> None:
        self.dismiss(None)  # type: ignore[arg-type]


def crisis_offer(app: Any, request: HelpRequest) -> None:
    resources = app.crisis_resources(request)
    call = first_call_text(app, resources)
    number = resources[0].number if resources else ""
    panel = getattr(app.get_screen("compose"), "show_crisis", None)
    if callable(panel) and app.get_screen("compose").is_mounted:
        panel(resources)
    contacts = app.settings.emergency_contacts()
    if not contacts:
        text = app.t("crisis.no_contact", number=number) if number else app.t("crisis.no_contact_generic")
        app.show_result(text)
        return
    names = app.t("common.and").join(app.person(c.name) for c in contacts)
    app.show_result(call, speak=False)
    if app.settings.ui.self_voicing:  # one utterance: the number first, then the question
        app.say(call + app.t("common.separator_sentence") + app.t("crisis.offer_spoken", names=names))

    def answer(yes: bool | None) -> None:
        if not yes:
            app.show_result(app.t("crisis.declined", number=number) if number else app.t("crisis.declined_generic"))
            return
        app.step(app.t("crisis.sending", names=names))
        app.run_worker(lambda: _send_all(app, request, [c.name for c in contacts], number),
                       thread=True, group="send", name="crisis-send", exit_on_error=False)

    app.push_screen(ConfirmScreen(app.t("crisis.offer", names=names), detail=call,
                                  yes=app.t("crisis.send_yes"), no=app.t("crisis.send_no"),
                                  focus_yes=True, classes="crisis-offer", announce=False), answer)


def _send_all(app: Any, request: HelpRequest, names: list[str], number: str) -> None:
    """In a worker: one draft per emergency contact, each sent through its own channel."""
    results: list[tuple[str, Sent]] = []
    for name in names:
        draft = app.core.draft_for(request, name)
        if draft is None:
            results.append((name, Sent(False, False, "", app.core.log_problem)))
            continue
        results.append((name, app.core.deliver(draft, None, app.speaker)))
    app.call_from_thread(_report, app, results, number)


def _report(app: Any, results: list[tuple[str, Sent]], number: str) -> None:
    reached = [name for name, sent in results if sent.reached]
    lines = []
    for name, sent in results:
        if sent.reached:
            continue
        if sent.ok and sent.channel in ("file", "clipboard", "speak"):
            lines.append(app.t("crisis.saved_only", name=app.person(name)))
        else:
            lines.append(app.t("crisis.failed_one", name=app.person(name), reason=sent.reason or "?"))
    sep = app.t("common.separator_sentence")
    if reached:
        names = app.t("common.and").join(app.person(n) for n in reached)
        head = app.t("crisis.sent", names=names)
        tail = app.t("crisis.call_also", number=number) if number else ""
    else:
        head = app.t("crisis.nothing_sent")
        tail = app.t("crisis.call_now", number=number) if number else ""
    app.step_quiet("")
    app.show_result(sep.join(x for x in [head, *lines, tail] if x))
