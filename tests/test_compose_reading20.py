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
