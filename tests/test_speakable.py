"""Speech is for ears: numbers digit by digit, nothing spoken that only eyes can use."""

from __future__ import annotations

import pytest

from voice_helper.speech.speakable import speakable


@pytest.mark.parametrize("text,lang,said", [
    ("Call 911 now.", "en", "Call nine one one now."),
    ("Call or text 988.", "en", "Call or text nine eight eight."),
    ("119番に電話してください。", "ja", "いちいちきゅうばんに電話してください。"),
    ("いのちの電話 0570-783-556", "ja", "いのちの電話 ぜろごななぜろ、ななはちさん、ごごろく"),
])
def test_numbers_are_read_digit_by_digit(text: str, lang: str, said: str) -> None:
    assert speakable(text, lang) == said


def test_times_counts_and_dates_stay_words() -> None:
    assert speakable("Meet at 10:30 on the 22nd, 2 bags, 15 minutes") == "Meet at 10:30 on the 22nd, 2 bags, 15 minutes"


def test_paths_hosts_and_error_codes_are_not_spoken() -> None:
    out = speakable("I couldn't send it: could not reach 127.0.0.1:9 ([Errno 111] Connection refused). "
                    "Saved in /home/u/.local/share/voice-helper/outbox/3.json")
    assert "127" not in out and "/home" not in out and "Errno" not in out and "111" not in out
    assert out.startswith("I couldn't send it")
