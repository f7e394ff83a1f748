"""What blind reading 20 found that was fixed at once: a thank-you is never turned into a plea —
no ask is made up for it, whatever hard thing it mentions ("…you brought when I was sick").
A request that only signs off with "Thanks, Ruth" is still a request. (Sentences written for
these tests, not the graded ones.)"""

from __future__ import annotations

import pytest

from .compose_support import say

MADE_UP = ("Could you give me a hand", "Could you help me with this", "Could we talk for a bit", "Could you take a look",
           "手伝っていただけませんか")


@pytest.mark.parametrize("said, to, lang", [
    ("femi thank you o for the stew you brought when i was ill the kids loved it god bless you", "Femi", "en"),
    ("gwen thank you ever so much for fixing the fence on sunday it doesnt rattle now and i finally slept", "Gwen", "en"),
    ("田中先生へ 入院中は本当にお世話になりました。おかげさまで歩けるようになりました。", "田中先生", "ja"),
])
def test_a_thank_you_is_never_given_a_made_up_ask(said: str, to: str, lang: str) -> None:
    for style in ("three-lines", "short"):
        message = say(said, lang, to=to, style=style)
        assert not any(m in message for m in MADE_UP), message


def test_a_request_signed_off_with_thanks_is_still_a_request() -> None:
    message = say("Hi Desk, I can't open the shared calendar since the update this morning. "
                  "I have a client meeting at 2. Thanks, Amir", to="Desk")
    assert "Thanks, Amir." in message and "?" in message, message


# Self-corrections said in one breath keep only what was meant (reading 20's commonest English C):
# "i mean", "no", "no not <the first try>", "no it's", a numbered thing said twice.
@pytest.mark.parametrize("said, meant, gone", [
    ("its jan from flat 12 uh flat 21 sorry i mean 21 could you take in my parcel", "flat 21", "12"),
    ("can you look at my letter for the the gas job i mean the water job not gas i send it tomorrow",
     "for the water job", "gas"),
    ("can you help me with the ramp for the leeds train no the york train at ten", "for the York train", "Leeds"),
    ("could you feed the dog from the 3rd to the 12th i mean the 11th we fly back on the 11th", "to the 11th?", "12th"),
    ("someone took the ladder and the the drill no not the drill the sander from the shed", "the ladder and the sander",
     "drill"),
    ("could you read chapter 2 no its chapter 5 before friday", "chapter 5 before Friday", "chapter 2"),
])
def test_a_self_correction_keeps_what_was_meant(said: str, meant: str, gone: str) -> None:
    message = say(said)
    assert meant in message and gone not in message, message


@pytest.mark.parametrize("said, kept", [
    ("i mean it this time can you help me tidy the garage", "I mean it this time"),
    ("the leak is between room 4 and room 5 could you call the plumber", "between room 4 and room 5"),
    ("could you pick me up at four no five sorry five", "at five?"),
])
def test_what_is_not_a_correction_stays(said: str, kept: str) -> None:
    assert kept in say(said)
