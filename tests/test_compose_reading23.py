"""Classes blind readings 22 and 23 graded wrong, each tested on sentences written for this file
(never the held-out sets' own): what a helper needs is kept, nothing is made up, a name is said once."""

from __future__ import annotations

import pytest

from tests.compose_support import say
from tests.nlu_support import make_engine

# --- English ---------------------------------------------------------------------------------


@pytest.mark.parametrize("said, to, start", [
    ("um okay this is for priya can you check the rota for next week before friday", "Priya",
     "Priya, could you check the rota"),
    ("okay so marcus i was wondering if you could help me move the wardrobe on sunday", "Marcus",
     "Marcus, I was wondering if you could help me move the wardrobe"),
    ("kuya ben can you look at my laptop the screen keeps flickering", "Ben", "Ben, could you look at my laptop"),
    ("amina sasa can you help me fill the housing form tomorrow", "Amina", "Amina, could you help me fill"),
])
def test_what_only_greets_goes_with_the_greeting(said: str, to: str, start: str) -> None:
    message = say(said, to=to)
    assert message.startswith(start), message


def test_hi_there_is_a_greeting() -> None:
    message = say("hi there, is the library open on bank holiday monday? thanks, Tom", to="the library")
    assert not message.lower().startswith(("there", "the library, there")), message


@pytest.mark.parametrize("said, to", [
    ("Bev you absolute legend, the flapjacks were amazing and the kids loved them. I'll bring the tin back Monday x", "Bev"),
    ("Dear Mr Cole,\nI am writing to ask whether my daughter could sit near the front in maths while her eyes are tested.\n"
     "Kind regards,\nAnna Price", "Mr Cole"),
])
def test_no_ask_is_made_up_for_a_thank_you_or_a_letter_that_asks(said: str, to: str) -> None:
    message = say(said, to=to)
    assert "give me a hand" not in message and "help me with this" not in message, message


def test_in_return_only_for_a_favour_given_back() -> None:
    message = say("could you put my bins out on thursday i can collect the key on wednesday", to="Sue")
    assert "in return" not in message, message
    assert "in return" in say("could you cover my saturday shift i can do your sunday one", to="Sue")


def test_a_detail_after_the_ask_and_who_is_writing_stay_in_a_short_message() -> None:
    message = say("hiya dot its june from number nine could you feed the cat on friday the food is under the sink",
                  to="Dot", style="short")
    assert "June" in message and "the food is under the sink" in message.lower(), message


def test_a_third_person_asked_for_in_a_note_to_someone_else_stays_as_said() -> None:
    message = say("Morning Gail\n\nJobs for today:\n- till float\n- stock check\n\nCould Tariq do the stock check?\n\nMo",
                  to="Gail")
    assert "Could Tariq do the stock check?" in message, message


def test_british_words_name_the_uk_numbers_and_a_call_made_is_not_asked_again() -> None:
    message = say("i fell in the kitchen and i cant get up me hip hurts the door is on the latch")
    assert message.startswith("Call 999 now."), message
    message = say("my husband has collapsed hes not breathing ive called 999 please come now", to="Ann")
    assert message.startswith("999 has been called."), message


def test_the_lifeline_number_is_said_once() -> None:
    message = say("i took all my pills an hour ago i am scared")
    assert "988 Suicide & Crisis Lifeline: 988" not in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("could you come round for an hr tomorrow", "an hr", "an HR"),
    ("ive been doing this 24/7 for a month", "24/7", "24 / 7"),
    ("my son is in form 9C and needs a letter", "9C", "9 C"),
])
def test_words_keep_their_shape(said: str, kept: str, gone: str) -> None:
    message = say(said)
    assert kept in message and gone not in message, message


def test_a_clause_word_never_ends_a_sentence() -> None:
    message = say("i need to change the number the bank has for me the old one which i lost so i cant get the codes",
                  to="Kemi")
    assert "which. " not in message and "which I lost" in message, message


# --- Japanese --------------------------------------------------------------------------------


@pytest.mark.parametrize("said, to, gone", [
    ("牛乳 ない 買って きて 金曜 ひろし", "ひろし", "金曜ひろし"),
    ("パン ない 帰り 買って 夕方 みどり", "みどり", "夕方みどり"),
])
def test_the_helper_called_after_telegraphic_words_is_called_once(said: str, to: str, gone: str) -> None:
    message = say(said, "ja", to=to)
    assert gone not in message and message.startswith(to + "、"), message


def test_a_phrase_said_twice_in_one_breath_is_said_once() -> None:
    message = say("あの 来週 の 会議 の 資料 の 来週 の 会議 の 資料 を 見て もらえ ます か", "ja", to="部長")
    assert message.count("来週の会議の資料") == 1, message


def test_a_letter_typed_politely_is_never_made_plain() -> None:
    letter = "木村様\n\nいつもお世話になっております。\n来月から担当が変わります。\n後任は田中が担当いたします。\n\n株式会社みなと 営業部\n鈴木 花子"
    message = say(letter, "ja", to="木村様", politeness="casual")
    assert "担当いたします" in message and "変わります" in message, message


def test_should_we_call_is_not_called() -> None:
    message = say("母が急に話せなくなって顔がゆがんでる 救急車呼んだほうがいいかな", "ja", to="姉ちゃん")
    assert "連絡しました" not in message, message
    message = say("父が倒れて意識がない 救急車はもう呼んだ 早く来て", "ja", to="お母さん")
    assert "連絡しました" in message, message


@pytest.mark.parametrize("said, to, kept, gone", [
    ("あの 木村 さん の お 宅 の 犬 が うち の 前 で 吠えて て", "木村さん", "木村さんのお宅", "、さんのお宅"),
    ("えーっとですね 山本さん 明日の 会議室 予約して もらえますか", "山本さん", "会議室", "ですね"),
    ("もしもし 山中 内科 の 方 です か 父 の 薬 が 切れそう なので 出して もらえ ます か", "山中内科", "父の薬", "の方ですか"),
])
def test_names_kept_where_they_are_spoken_of_and_openers_dropped(said: str, to: str, kept: str, gone: str) -> None:
    message = say(said, "ja", to=to)
    assert kept in message and gone not in message, message


def test_a_night_shift_that_will_not_wake_is_not_an_emergency() -> None:
    engine = make_engine()
    request = engine.parse("お母さん 明日 ゴミ出し お願い できる？ 夜勤明け で 起きられない と 思う", lang="ja")
    assert not request.crisis, request
    assert engine.parse("おじいちゃん が 呼んでも 起きない 息 してる か 分からない", lang="ja").crisis
