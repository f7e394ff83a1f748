"""compose_request / compose_text: settings and contacts decide politeness, style and boundary."""

from __future__ import annotations

import pytest

from voice_helper.compose import compose_request, compose_text, rerender
from voice_helper.compose.politeness import choose_politeness
from voice_helper.config import ComposeSettings, Contact, Settings, save_settings
from voice_helper.errors import UsageError
from voice_helper.request import Deadline, HelpRequest, Intent, Slots

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
    ("田中", "honorific", "いただけますと大変助かります"),
    ("田中さん", "honorific", "いただけますと大変助かります"),  # さん is ignored when matching
    ("Yuki", "casual", "もらえると助かる。"),
    ("佐藤", "polite", "いただけると助かります。"),
    ("鈴木", "polite", "いただけると助かります。"),  # the contact's own setting beats "friend"
    ("山本", "polite", "いただけると助かります。"),  # unknown: settings default
])
def test_politeness_from_the_contact(to: str, level: str, marker: str) -> None:
    out = compose_request(JA, to=to, settings=settings())
    assert marker in out.message, out.message
    assert choose_politeness(None, settings().contact(to), settings()) == level


@pytest.mark.parametrize("to,marker", [("部長", "いただけますと大変助かります"), ("上司", "いただけますと大変助かります"),
                                       ("友達", "もらえると助かる。"), ("先生", "いただけると助かります。")])
def test_role_words_imply_the_relation_when_there_is_no_contact(to: str, marker: str) -> None:
    assert marker in compose_request(JA, to=to, settings=Settings()).message


def test_explicit_politeness_wins_over_the_contact() -> None:
    out = compose_request(JA, to="田中", politeness="casual", settings=settings())
    assert "もらえると助かる。" in out.message and "いただけますと" not in out.message


def test_settings_default_politeness_style_and_boundary() -> None:
    s = settings(style="short", politeness="casual", boundary_line=True)
    out = compose_request(JA, settings=s)
    assert out.message.startswith("今ちょっと資料の作成で困ってて…")
    assert out.message.endswith("難しかったら大丈夫。他の人にも聞いてみるね。")
    assert "\n" not in out.message


def test_to_overrides_recipient_and_uses_the_contact_name() -> None:
    req = HelpRequest(language="en", intent=Intent.WORKLOAD,
                      slots=Slots(task="the report", recipient="Sam"))
    out = compose_request(req, to="yuki", settings=settings())
    assert out.slots.recipient == "yuki"
    assert out.message.startswith("Yuki, I'm swamped with the report")  # casual to a friend
    assert req.message == "" and req.slots.recipient == "Sam"  # the input is untouched


def test_rerender_after_an_edit_changes_only_what_was_edited() -> None:
    first = compose_request(JA, settings=settings())
    edited = rerender(first, settings=settings())
    edited.slots.asks.append("スライドを印刷する")
    again = rerender(edited, style="three-lines", settings=settings())
    assert "スライドを印刷していただけると" in again.message
    assert "資料を確認していただくか、" in again.message
    assert "スライド" not in first.message
    positional = rerender(edited, "short", "casual", "Yuki", True, settings())
    assert positional.message.startswith("Yukiさん、今ちょっと資料の作成で困ってて…")
    assert positional.message.endswith("他の人にも聞いてみるね。")


def test_settings_file_is_used_when_none_given() -> None:
    save_settings(Settings(compose=ComposeSettings(style="workplace")))
    out = compose_request(JA)
    assert "締め切りに間に合わない" in out.message


def test_bad_style_and_politeness_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        compose_request(JA, style="poem", settings=settings())
    with pytest.raises(UsageError):
        compose_request(JA, politeness="rude", settings=settings())


@pytest.mark.parametrize("text", ["", "   ", "\x1b[31m\x07", "\x00\x01"])
def test_compose_text_rejects_empty_input(text: str) -> None:
    with pytest.raises(UsageError):
        compose_text(text, settings=Settings())


# --- through the real intent engine ------------------------------------------------------------


def test_compose_text_en_end_to_end() -> None:
    out = compose_text("um I can't finish the cash report by five could you check the numbers "
                       "or print the slides", lang="en", settings=Settings())
    assert out.language == "en"
    assert out.message and "None" not in out.message and "um" not in out.message.split()
    assert "check the numbers" in out.message


def test_compose_text_ja_spaced_with_contact() -> None:
    out = compose_text("明日 まで に 資料 を 確認 し て もらえ ます か", to="田中", settings=settings())
    assert out.language == "ja"
    assert out.message.startswith("田中さん、")
    assert "いただけますと大変助かります" in out.message  # manager → honorific
    assert " " not in out.message


def test_compose_text_crisis_is_direct() -> None:
    out = compose_text("i have chest pain and can't breathe", lang="en", settings=Settings())
    assert out.crisis and out.resources
    assert out.message.startswith("I need help now")
    assert out.resources[0].number in out.message
