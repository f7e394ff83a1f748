"""compose_request / compose_text: settings and contacts decide politeness, style and boundary;
a request edited after it was said (dialog answers, UI picks) is re-said from its slots."""

from __future__ import annotations

import pytest

from voice_helper.compose import compose_request, compose_text, rerender
from voice_helper.compose.politeness import choose_politeness
from voice_helper.config import ComposeSettings, Contact, Settings, save_settings
from voice_helper.errors import UsageError
from voice_helper.request import Deadline, HelpRequest, Intent, Slots

# Built by the dialog from one-slot answers: nothing said as a whole sentence.
JA = HelpRequest(language="ja", intent=Intent.WORKLOAD, confidence=0.9,
                 slots=Slots(task="資料の作成", asks=["資料を確認して"], deadline=Deadline("明日まで")))


def settings(**compose: object) -> Settings:
    return Settings(
        compose=ComposeSettings(**compose),  # type: ignore[arg-type]
        contacts=[Contact("田中", relation="manager"), Contact("Yuki", relation="friend"),
                  Contact("佐藤", relation="colleague"), Contact("鈴木", relation="friend",
                                                                politeness="polite"),
                  Contact("Dr Lee", relation="professional")])


@pytest.mark.parametrize("to,level,marker", [
    ("田中", "honorific", "いただけますでしょうか"),
    ("田中さん", "honorific", "いただけますでしょうか"),  # さん is ignored when matching
    ("Yuki", "casual", "もらえないかな？"),
    ("佐藤", "polite", "いただけませんか。"),
    ("鈴木", "polite", "いただけませんか。"),  # the contact's own setting beats "friend"
    ("山本", "polite", "いただけませんか。"),  # unknown: settings default
])
def test_politeness_from_the_contact(to: str, level: str, marker: str) -> None:
    out = compose_request(JA, to=to, settings=settings())
    assert marker in out.message, out.message
    assert "明日までに資料を確認して" in out.message
    assert choose_politeness(None, settings().contact(to), settings()) == level


@pytest.mark.parametrize("to,marker", [("部長", "いただけますでしょうか"), ("上司", "いただけますでしょうか"),
                                       ("友達", "もらえないかな？"), ("先生", "いただけませんか。")])
def test_role_words_imply_the_relation_when_there_is_no_contact(to: str, marker: str) -> None:
    assert marker in compose_request(JA, to=to, settings=Settings()).message


def test_explicit_politeness_wins_over_the_contact() -> None:
    out = compose_request(JA, to="田中", politeness="casual", settings=settings())
    assert "もらえないかな？" in out.message and "いただけ" not in out.message


def test_settings_default_politeness_style_and_boundary() -> None:
    s = settings(style="short", politeness="casual", boundary_line=True)
    out = compose_request(JA, settings=s)
    assert out.message == "明日までに資料を確認してもらえないかな？無理なら大丈夫だよ。" or \
        out.message == "明日までに資料を確認してもらえないかな？", out.message
    assert "\n" not in out.message
    three = compose_request(JA, settings=settings(politeness="casual", boundary_line=True))
    assert three.message.endswith("無理なら大丈夫だよ。")


def test_to_overrides_recipient_and_uses_the_contact_name() -> None:
    req = compose_text("I'm swamped with the report, could you check the numbers", lang="en",
                       to="Sam", settings=settings())
    out = compose_request(req, to="yuki", settings=settings())
    assert out.slots.recipient == "yuki"
    assert out.message.startswith("Yuki, I'm swamped with the report."), out.message
    assert "Could you check the numbers?" in out.message  # their own "could you", kept
    assert req.message.startswith("Sam, ") and req.slots.recipient == "Sam"  # the input is untouched


def test_rerender_after_an_edit_says_the_new_ask() -> None:
    first = compose_text("明日までに資料を確認してもらえますか", lang="ja", settings=settings())
    assert first.message == "明日までに資料を確認していただけませんか。"
    edited = rerender(first, settings=settings())
    edited.slots.asks = ["スライドを印刷して"]
    again = rerender(edited, style="three-lines", settings=settings())
    assert "スライドを印刷していただけませんか。" in again.message and "資料を確認" not in again.message
    positional = rerender(edited, "short", "casual", "Yuki", True, settings())
    assert positional.message.startswith("Yukiさん、")
    assert "スライドを印刷してもらえないかな？" in positional.message


def test_a_changed_helper_is_spoken_to_and_the_old_one_is_gone() -> None:
    first = compose_text("please ask john to check the numbers by five", lang="en", settings=settings())
    assert first.slots.recipient == "John" and first.message == "John, could you please check the numbers by five?"
    changed = compose_request(first, to="Sato", settings=settings())
    assert changed.message == "Sato, could you please check the numbers by five?", changed.message
    assert "john" not in changed.message.lower()


def test_a_deadline_changed_in_the_dialog_reaches_the_ask() -> None:
    first = compose_text("could you check the numbers", lang="en", settings=settings())
    first.slots.deadline = Deadline("by tomorrow at three", "2026-11-24T15:00")
    out = compose_request(first, settings=settings())
    assert out.message == "Could you check the numbers by tomorrow at three?"


def test_settings_file_is_used_when_none_given() -> None:
    save_settings(Settings(compose=ComposeSettings(style="workplace")))
    out = compose_text("I can't finish the quarterly report by five, could you check the figures "
                       "or format the tables, I can do the filing tomorrow", lang="en")
    assert out.message.startswith("There's a risk I won't finish the quarterly report by five.")


def test_bad_style_and_politeness_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        compose_request(JA, style="poem", settings=settings())
    with pytest.raises(UsageError):
        compose_request(JA, politeness="rude", settings=settings())


@pytest.mark.parametrize("text", ["", "   ", "\x1b[31m\x07", "\x00\x01"])
def test_compose_text_rejects_empty_input(text: str) -> None:
    with pytest.raises(UsageError):
        compose_text(text, settings=Settings())


def test_compose_text_en_end_to_end() -> None:
    out = compose_text("um I can't finish the cash report by five could you check the numbers "
                       "or print the slides", lang="en", settings=Settings())
    assert out.language == "en"
    assert out.message == ("I can't finish the cash report by five.\n"
                           "Could you check the numbers or print the slides?")
    assert out.slots.asks == ["check the numbers", "print the slides"]


def test_compose_text_ja_spaced_with_contact() -> None:
    out = compose_text("明日 まで に 資料 を 確認 し て もらえ ます か", to="田中", settings=settings())
    assert out.language == "ja"
    assert out.message == "田中さん、明日までに資料を確認していただけますでしょうか。"  # manager → honorific


def test_compose_text_crisis_is_direct() -> None:
    out = compose_text("i have chest pain and can't breathe", lang="en", settings=Settings())
    assert out.crisis and out.resources
    assert out.message == "Call 911 now.\nI need help now: I have chest pain and can't breathe."
