"""What the editor knows about one sentence the person said, in either language.

A sentence keeps its own words; the role says where it goes in the message (what is hard, the
ask, the offer, a thank-you) and ``say(register)`` re-says it in a register without changing its
content. Both language editors produce these, so the message builder never looks at a language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

ROLES = ("statement", "ask", "need", "offer", "thanks", "closing")  # closing: a typed sign-off, kept last


@dataclass
class Sentence:
    role: str
    text: str  # the cleaned sentence as said (for slots and checks)
    render: Callable[[str], str] = field(repr=False, default=lambda register: "")
    # Filled by the editors when they find them:
    ask_core: str = ""  # the ask without its opener ("check the figures or format the tables")
    has_time: bool = False
    #: A statement that asks a question all the same ("I wanted to ask if I should stop them"):
    #: no ask is made up for the message.
    asks_answer: bool = False
    #: How the ask is said when the message goes to one named person and the person asked anyone
    #: ("Chef, could somebody do my shift?"): "could you" would ask the chef to do it himself.
    render_addressed: Callable[[str], str] | None = field(repr=False, default=None)
    #: The ask as said, before it was turned to the helper it names ("can Dean take the certs?"): used
    #: when the message goes to someone else (to Kaz, Dean is asked for, not spoken to).
    render_said: Callable[[str], str] | None = field(repr=False, default=None)
    said_of: str = ""  # the helper the ask named in the third person

    def say(self, register: str, addressed: bool = False) -> str:
        if addressed and self.render_addressed is not None:
            return self.render_addressed(register)
        return self.render(register)


@dataclass
class Draft:
    """The person's utterance as sentences with roles, plus the helper they named in it."""

    lang: str
    sentences: list[Sentence]
    helper: str | None = None  # named as the one asked ("could Maria…", 田中さんに…お願い)
    source_register: str = "polite"
    #: Something is hard for the person (said as a difficulty, not news): an ask may be added.
    difficulty: bool = False
    #: What the words around the helper's name say they are ("family": 孫の芽衣, 甥の翔).
    helper_relation: str | None = None

    def by_role(self, *roles: str) -> list[Sentence]:
        return [s for s in self.sentences if s.role in roles]
