"""What blind reading 18 found, fixed as general mechanisms and checked on sentences written for
these tests (not the graded ones).

Japanese: a name followed by です introduces the speaker (「ええとリンです」) and stays; 「〜ですね」 after
the name called is a spoken tic; the helper called after a short apology or greeting
(「たびたびすみません、木村さん。」「ごめんね綾ちゃん…」) is called once; who they are before the name
(「お向かいの森さん」「ヘルパーの原さん」) goes with the call, never left dangling; 「ひろみへ　…」
typed in kana with spaces calls ひろみ; the helper named again after a sentence is called once;
unpunctuated speech is cut where a symptom with its own subject ends (「胸が苦しい 息が…」), where
nothing could be modified (「転んだ 起き上がれない」「助けて 台所で…」) and after 「お願いできる」; an
emergency asks plainly (「来てください」, never 「来ていただけませんか」) and does not repeat the name;
a question said in nouns (「病院明日何時」) is asked; the choices after a question (「三日 四日」) are
asked, not told; 「の お願い」 asked becomes 「をお願い」; an adverb ends a sentence without です;
「あ 違う」 replaces the word it corrects; a spoken さ after a noun goes; 「がよか」 is 「がいい」.
"""

from __future__ import annotations

import pytest

from .compose_support import say


@pytest.mark.parametrize("said, to, kept, never", [
    ("えーとリンですあの岡本さん来週の面接の練習に付き合ってもらえませんか", "岡本さん", "リンです", "岡本さん、です"),
    ("あのトーマスと申します大家さん洗面所の水が止まらないので見てもらえますか", "大家さん", "トーマスと申します", "大家さん、と"),
])
def test_a_name_with_desu_is_the_speaker_introducing_themselves(said: str, to: str, kept: str, never: str) -> None:
    message = say(said, "ja", to=to)
    assert kept in message and never not in message, message
    assert message.count(to.replace("さん", "")) == 1, message


def test_desu_ne_after_the_name_is_a_spoken_tic() -> None:
    message = say("えっと大西先輩ですねこの報告書の数字だけ確認してもらえませんか", "ja", to="大西先輩")
    assert "ですね" not in message and "報告書の数字だけ確認" in message, message


@pytest.mark.parametrize("said, to", [
    ("たびたびすみません、木村さん。明日の会議の資料を印刷していただけますか。", "木村さん"),
    ("お疲れ様です、松田さん。出張の精算の書き方を教えてもらえますか。", "松田さん"),
])
def test_the_name_after_a_short_apology_or_greeting_is_called_once(said: str, to: str) -> None:
    message = say(said, "ja", to=to)
    assert message.count(to) == 1 and to + "です" not in message, message


def test_an_apology_then_the_name_unpunctuated_calls_them() -> None:
    message = say("ああごめんね綾ちゃん今日のお迎えだけお願いできる父がまた入院しちゃって", "ja", to="綾ちゃん")
    assert message.count("綾ちゃん") == 1 and "119" not in message, message
    assert "お願いできる？" in message or "お願いできませんか" in message, message


@pytest.mark.parametrize("said, to, never", [
    ("あのーお向かいの森さんうちの郵便物がそちらに届いてたら教えてもらえますか", "森さん", "お向かいの"),
    ("あの ヘルパー の 原 さん 母 が 最近 夜 眠れ ない みたい で 主治医 の 先生 に 伝えて もらえ ます か", "原さん", "ヘルパーの"),
])
def test_who_they_are_goes_with_the_name_called(said: str, to: str, never: str) -> None:
    message = say(said, "ja", to=to)
    assert never not in message, message
    if "主治医" in said:
        assert "主治医の先生に" in message, message  # the one to be told stays in the message


def test_a_kana_letter_opened_with_the_name_and_he() -> None:
    message = say("ひろみへ　めーるの　しゃしん　どうやって　ひらくの　こんど　おしえて　ください", "ja", to="ひろみ")
    assert "へめーる" not in message and "めーるのしゃしん" in message, message


@pytest.mark.parametrize("said, to, parts", [
    ("たかし 胸 が 痛い 息 が できない 救急車 呼んで", "たかし", ["胸が痛い", "息ができない", "救急車呼んでください"]),
    ("ゆきえ 助けて 台所 で 転んだ 立て ない 早く 来て", "ゆきえ", ["助けてください", "台所で転", "立てない", "早く来てください"]),
])
def test_an_emergency_is_cut_into_sentences_and_asks_plainly(said: str, to: str, parts: list[str]) -> None:
    message = say(said, "ja", to=to)
    assert message.startswith("119"), message
    body = message.split("必要です。", 1)[1]
    for p in parts:
        assert p in body, message
    assert "いただけませんか" not in message and to not in body, message
    assert body.count("。") >= len(parts), message


def test_an_ordinary_ask_with_a_night_awake_is_not_an_emergency() -> None:
    message = say("ごめんね今日のゴミ出しだけお願いできる祖母がまた夜中起きちゃって全然寝てなくて", "ja")
    assert "119" not in message and "110" not in message, message


def test_a_question_said_in_nouns_is_asked() -> None:
    assert say("田中先生検査来週何時", "ja", to="田中先生").endswith("何時ですか。")
    assert say("田中先生検査来週何時", "ja", to="田中先生", politeness="casual").endswith("何時？")


def test_the_choices_after_a_question_are_asked() -> None:
    message = say("ねえ 康子 さん 今度 の 同窓会 って 何 日 だった かしら 三 日 四 日", "ja", to="康子さん")
    assert "三日ですか、四日ですか。" in message, message
    casual = say("ねえ 康子 さん 今度 の 同窓会 って 何 日 だった かしら 三 日 四 日", "ja", to="康子さん", politeness="casual")
    assert "三日？四日？" in casual, casual


def test_no_onegai_with_a_dangling_no_and_no_desu_after_an_adverb() -> None:
    message = say("明後日の早番、交換のお願い。お礼はまた後ほど。", "ja", to="村上さん", style="workplace")
    assert "交換をお願い" in message and "のお願いできませんか" not in message, message
    assert "後ほどです" not in message, message


def test_a_correction_replaces_the_word_it_corrects() -> None:
    message = say("なんか さ 健 テレビ が リモコン から 操作 でき なく て あ 違う スマホ から ね 設定 見て くれ ない", "ja", to="健")
    assert "スマホから操作できなく" in message and "リモコン" not in message and "違う" not in message, message


def test_a_correction_is_not_every_chigau() -> None:
    message = say("課長 あの この 伝票 の 金額 が その 帳簿 と 少し 違う 気 が する ので 見て もらえ ます か", "ja", to="課長")
    assert "金額が帳簿と少し違う気がする" in message, message


def test_a_spoken_sa_after_a_noun_goes_but_not_the_northern_ni() -> None:
    assert "第二章図" in say("なんか原田くん卒論の第二章さ図の番号ずれてないかだけ見てくれない", "ja", to="原田くん")
    assert "役場さ電話" in say("役場さ電話してけねが。", "ja")


def test_yoka_in_kyushu_is_good_not_a_question() -> None:
    message = say("父ちゃん、歯医者の予約、かわりに取っといてくれん？木曜か金曜がよか", "ja", to="父ちゃん")
    assert message.endswith("木曜か金曜がよか") and "よか？" not in message, message  # as typed, not a question


# --- English ---------------------------------------------------------------------------------
# A short message keeps the sentence that says what it is about, when the ask does not name it;
# "reckon you could…", "was it … or …", "can you confirm my … was changed" and "until what time"
# are asked, whole; "now then", "okay so" and "one thing" before the name go; "grandad, no, sorry,
# nan" calls Nan; "ask Marco to do it" said to Kate stays a request that Kate ask Marco; "tell the
# team I'll miss…" is one request; "with me foot" is one sentence; "the shared drive won't let me"
# keeps its subject; a word that calls the helper at a sentence's end goes; a sign-off with an
# initial stays whole; a name after "auntie" is a name; 999 said means the UK numbers.


@pytest.mark.parametrize("said, to, context", [
    ("uh dr kapoor its about my dad his feet are really swollen since he started the new heart pills can we get a call back today",
     "Dr Kapoor", "swollen"),
    ("hello vikram beta um my eye drops are finished can you bring from the chemist on your way home tonight", "Vikram",
     "eye drops"),
])
def test_a_short_message_says_what_it_is_about(said: str, to: str, context: str) -> None:
    message = say(said, to=to, style="short")
    assert context in message and "?" in message, message


def test_a_short_ask_that_names_its_object_stays_alone() -> None:
    assert say("I have too many plants. Could you water the big plants on Sunday?", style="short") \
        == "Could you water the big plants on Sunday?"


def test_a_short_message_leaves_out_a_greeting_or_an_apology() -> None:
    message = say("Hi Steph, it is Laura. Any chance you could take the dog out Friday? I can do next week for you.",
                  to="Steph", style="short")
    # ("it is Laura" stays: reading 22 graded short messages that lost who is writing as wrong)
    assert not message.lower().startswith(("steph, hi", "hi")) and "take the dog out Friday" in message, message


@pytest.mark.parametrize("said, to, asked", [
    ("hey kev mate reckon you could give us a hand moving the shed saturday ill buy you a pint", "Kev",
     "reckon you could give us a hand moving the shed"),
    ("now then doris was it thursday or friday the optician comes i cant remember", "Doris",
     "was it Thursday or Friday the optician comes?"),
    ("raj bhai one thing is the bus to leeds leaving from stand two or stand five tomorrow", "Raj",
     "is the bus to leeds leaving from stand two or stand five tomorrow?"),
])
def test_questions_said_as_speech_are_asked(said: str, to: str, asked: str) -> None:
    message = say(said, to=to)
    assert asked.lower() in message.lower().replace("?", "?"), message
    assert "mate" not in message and "now then" not in message.lower() and "one thing" not in message, message
    assert "Could you help me with this" not in message, message


@pytest.mark.parametrize("said", [
    "Surgery – can you confirm my insulin dose was changed to 12 units? The box says 10. Thanks, J. Morley",
    "Dear reception, Is the gym open on Easter Monday, and if so until what time? Regards, K. Patel",
])
def test_a_typed_question_stays_whole(said: str) -> None:
    message = say(said)
    assert message.count("?") == 1, message
    assert message.endswith(("Thanks, J. Morley.", "Regards, K. Patel.")), message


def test_the_name_said_second_is_the_one_meant() -> None:
    message = say("grandma um no sorry grandad can you take me to the dentist on monday", to="Grandad")
    assert message.startswith("Grandad, ") and "grandma" not in message.lower() and "sorry" not in message.lower(), message


def test_asking_someone_else_said_to_the_helper_stays_a_request_to_ask_them() -> None:
    message = say("okay so uh nina the printer wont print anything it says offline could you fix it or ask tom to do it",
                  to="Nina")
    assert "the printer won't print anything" in message.lower(), message
    assert "ask Tom to do it" in message, message


def test_tell_someone_what_stays_one_request() -> None:
    message = say("Hi Sam, my son is ill. Could you tell the team I'll miss the 10am call? Sorry", to="Sam")
    assert "Could you tell the team I'll miss the 10am call?" in message, message


def test_me_for_my_and_a_calling_word_at_the_end() -> None:
    message = say("oi wazza could you take me to the match on saturday mate i still cant drive with me arm in this sling",
                  to="Wazza")
    assert "with me arm in this sling" in message and "Saturday?" in message and "mate" not in message, message


def test_a_name_after_auntie_is_a_name() -> None:
    assert "Auntie Jean" in say("can you show me the photos again before friday so i can send them to auntie jean")


@pytest.mark.parametrize("said, expected", [
    ("ahmed boxes in van heavy help lift please", "the boxes in the van are heavy. Could you help me lift them, please?"),
    ("lisa lonely today sit with me please", "I'm lonely today. Could you sit with me, please?"),
    ("kettle broken need new one bring tomorrow jim", "the kettle is broken. I need a new one. Could you bring it tomorrow?"),
    ("garden gate stuck cant open help", "The garden gate is stuck. I can't open it. Could you help me?"),
    ("tom thank you shopping good", "thank you. The shopping was good."),
])
def test_telegraphic_speech_is_made_sentences_with_every_word_kept(said: str, expected: str) -> None:
    assert expected in say(said)


@pytest.mark.parametrize("said", [
    "could you help me carry the bags please",
    "bin day tomorrow bins too heavy need help take out",
    "phone screen gone black cant call anyone help fix",
])
def test_speech_that_is_not_plainly_telegraphic_is_left_to_the_editor(said: str) -> None:
    from voice_helper.compose.telegraphic import expand

    assert expand(said) is None


def test_999_said_means_the_uk_numbers() -> None:
    message = say("dave theres smoke coming from next door i've called 999 can you come now")
    assert message.startswith("999 has been called."), message  # called already: not told to call again
    assert say("dave theres smoke coming from next door call 999").startswith("Call 999 now.")
    assert say("help i fell and cant get up").startswith("Call 911 now.")
