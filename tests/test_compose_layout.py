"""A typed note's layout survives into the message: a list keeps its lines and marks, a signature
stays last as typed (reading 21: lists run together and 「090-0000」 cut from a phone number were
graded wrong). Every sentence here was written for this test, not taken from an evaluation set."""

from __future__ import annotations

from datetime import datetime

from voice_helper.compose import compose_text
from voice_helper.compose.layout import find
from voice_helper.config import Settings
from voice_helper.nlu import get_engine
from voice_helper.speech.speakable import speakable

NOW = datetime(2026, 12, 7, 9, 30)


def message(text: str, lang: str, to: str | None = None, **kw: str) -> str:
    return compose_text(text, lang=lang, to=to, settings=Settings(), now=NOW, **kw).message


def test_japanese_list_keeps_its_lines_marks_and_words_in_every_register() -> None:
    note = ("平田さん\nお疲れ様です。週末の引っ越しで手伝ってほしいことです。\n・冷蔵庫を二人で運ぶ\n・洗濯機のホースを外す\n"
            "・段ボール10箱を車に積む\n土曜の9時に来てもらえますか？\n\n吉村 真一\n080-1234-5678")
    for politeness in ("casual", "polite", "honorific"):
        out = message(note, "ja", to="平田さん", politeness=politeness)
        lines = out.split("\n")
        assert "・冷蔵庫を二人で運ぶ" in lines and "・洗濯機のホースを外す" in lines and "・段ボール10箱を車に積む" in lines
        assert lines[-2:] == ["吉村 真一", "080-1234-5678"], out  # the phone number whole, the name as typed
        assert lines[0].startswith("平田さん、"), out
        assert "土曜の9時に" in out


def test_japanese_title_over_a_list_is_kept_as_typed_not_re_said() -> None:
    out = message("森さん\n来月の町内清掃について\n・軍手は各自\n・集合は公園の入口\nよろしくお願いします。", "ja",
                  to="森さん", politeness="honorific")
    assert "\n来月の町内清掃について\n・軍手は各自\n・集合は公園の入口\n" in out, out


def test_english_list_finishes_the_sentence_that_leads_into_it_and_the_sign_off_stays() -> None:
    note = ("Hi Omar,\nWhile you're at the big Tesco could you grab:\n- oat milk (the blue one)\n- two tins of chickpeas\n"
            "- bin bags\nThanks,\nPriya")
    out = message(note, "en", to="Omar")
    assert out.split("\n") == ["Omar, while you're at the big Tesco could you grab:", "- oat milk (the blue one)",
                               "- two tins of chickpeas", "- bin bags", "Thanks,", "Priya"], out
    short = message(note, "en", to="Omar", style="short")
    assert "- two tins of chickpeas" in short and short.endswith("Thanks,\nPriya")


def test_a_name_typed_after_the_last_sentence_signs_the_note() -> None:
    out = message("店長へ\n来週の土曜、シフトを代わってもらえる人がいないか聞いてもらえますか？\n・午前だけでも大丈夫です\n"
                  "・日曜なら出られます\nお願いします🙏 佐野", "ja", to="店長")
    assert out.endswith("佐野"), out


def test_a_short_last_sentence_is_not_taken_for_a_signature() -> None:
    laid = find("今日は無理です。\n明日なら大丈夫", "ja")
    assert laid is None or not laid.signature


def test_speech_and_one_paragraph_notes_are_read_as_before() -> None:
    assert find("could you help me carry the shopping up the stairs", "en") is None
    wrapped = "Could you help me move the sofa on Saturday?\nMy back is bad this week."
    assert message(wrapped, "en", to="Ben") == message(wrapped.replace("\n", " "), "en", to="Ben")


def test_the_request_keeps_the_lines_it_was_typed_in() -> None:
    req = get_engine(Settings()).parse("Could you get:\n- milk\n- eggs\nThanks, Jo", lang="en", now=NOW)
    assert req.said == "Could you get:\n- milk\n- eggs\nThanks, Jo"
    assert any("milk" in a for a in req.slots.asks), req.slots.asks


def test_list_marks_are_not_read_aloud_and_items_are_phrases() -> None:
    said = speakable("Omar, could you grab:\n- oat milk\n- bin bags\nThanks, Priya", "en")
    assert said == "Omar, could you grab: oat milk, bin bags. Thanks, Priya"
    said = speakable("森さん、\n・軍手は各自\n・集合は公園の入口\nよろしくお願いします。", "ja")
    assert "・" not in said and "軍手は各自、集合は公園の入口。よろしく" in said


def test_a_greeting_and_the_lead_on_one_line() -> None:
    out = message("Hi Omar, could you grab:\n- oat milk\n- bin bags\nCheers, Priya", "en", to="Omar")
    assert out.split("\n") == ["Omar, could you grab:", "- oat milk", "- bin bags", "Cheers, Priya"], out
