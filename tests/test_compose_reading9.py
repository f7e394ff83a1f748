"""What the ninth blind reading found, fixed as general mechanisms and checked on sentences
written for these tests (not the graded ones): the speaker's own name ("it's Leo", "my name is
Ana") is never taken for the helper's, a word said after the helper's name ("Jamal bro", "Mei okay
so") goes with the greeting, a subject said twice ("and my husband he can't…") stays one sentence,
and in Japanese a statement is not turned into a question by 誰とも, どこにも or an embedded 何…か.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from voice_helper.compose import compose_text
from voice_helper.config import Settings

NOW = datetime(2026, 12, 7, 9, 30)


def compose(text: str, lang: str, politeness: str | None = None):  # noqa: ANN201 - a HelpRequest
    return compose_text(text, lang=lang, settings=Settings(), politeness=politeness, now=NOW)


def say(text: str, lang: str, politeness: str | None = None) -> str:
    return compose(text, lang, politeness).message.replace("\n", " ")


@pytest.mark.parametrize("said, starts, helper", [
    ("hi nan its priya um could you show me how to make your curry on sunday", "Nan, it's Priya.", "Nan"),
    ("hey dad its sam can you pick me up from training at seven", "Dad, it's Sam.", "Dad"),
])
def test_the_speakers_own_name_stays_with_it(said: str, starts: str, helper: str) -> None:
    r = compose(said, "en")
    assert r.message.startswith(starts), r.message
    assert r.slots.recipient == helper
    assert "'s." not in r.message and "it's." not in r.message


def test_a_name_after_my_name_is_is_the_speaker() -> None:
    r = compose("hello my name is tariq i am new on the night shift can someone show me the fire exits", "en")
    assert r.slots.recipient is None
    assert "My name is Tariq." in r.message, r.message


@pytest.mark.parametrize("said, opening", [
    ("kwame bro i am starving right now can you grab me a sandwich on your way in", "Kwame, I am starving"),
    ("Tom, mate, could you help me carry the sofa upstairs?", "Tom, could you help me carry"),
    ("mei okay so i just wanted to say thank you for the lift yesterday", "Mei, I just wanted"),
])
def test_a_word_said_after_the_name_goes_with_the_greeting(said: str, opening: str) -> None:
    assert say(said, "en").startswith(opening), say(said, "en")


def test_a_titled_name_then_a_sentence_greets() -> None:
    r = compose("um mr davies i wanted to ask if i could sit the test next week instead", "en")
    assert r.slots.recipient == "Mr. Davies"
    assert r.message.startswith("Mr. Davies, I wanted to ask"), r.message


@pytest.mark.parametrize("said, kept", [
    ("the heating in our flat is off since friday and my mother she feels the cold badly can someone come today",
     "my mother she feels"),
    ("i am trying to pay the gas bill online but the website it keeps logging me out can you help me tonight",
     "the website it keeps"),
])
def test_a_subject_said_twice_is_one_sentence(said: str, kept: str) -> None:
    out = say(said, "en")
    assert kept in out.lower(), out


def test_a_real_sentence_end_before_he_is_still_found() -> None:
    out = say("i live with my brother he cannot climb the stairs could you help us move the bed", "en")
    assert "brother. He can't" in out, out


@pytest.mark.parametrize("said, told", [
    ("甥の入学祝いに何をあげたらいいか分からないの。", "分からない"),
    ("最近 誰 とも 話し て ない の よ", "話して"),
    ("鍵 どこ に も 見つから ない の よ ね", "見つから"),
])
def test_a_japanese_statement_stays_a_statement(said: str, told: str) -> None:
    out = say(said, "ja", "polite")
    sentence = next(s for s in out.replace("？", "。").split("。") if told in s)
    assert not sentence.endswith("か"), out


def test_a_japanese_question_word_still_asks() -> None:
    assert "か" in say("明日は何時に集まるの", "ja", "polite")


def test_is_there_someone_is_asked_as_such() -> None:
    out = say("買い物 手伝っ て くれる 人 いない かしら", "ja", "polite")
    assert "人いませんか" in out, out


# --- unpunctuated speech: the sentence-end model trained on 4,200 more lines, commas, and a veto ---

def _words(text: str) -> list[str]:
    from voice_helper.text import en as te

    return [te.low(t) for t in te.clean_tokens(te.tokens(text)) if te.is_word(t)]


def test_a_comma_goes_where_a_writer_puts_one() -> None:
    out = say("sorry i know you're busy but could you look at my essay tonight", "en")
    assert out.startswith("Sorry, I know you're busy"), out


def test_no_comma_after_a_word_a_phrase_continues_from() -> None:
    from voice_helper.text.punctuate import find_commas

    words = _words("could you pick up the parcel from the post office on the high street for me tomorrow")
    assert not any(words[i - 1] in ("the", "from", "on", "for", "up") for i in find_commas(words, {}))


def test_a_comma_splice_becomes_two_sentences() -> None:
    out = say("i live with my mum she cannot get up the stairs any more could someone fit a rail", "en")
    assert "mum. She can't" in out, out


def test_a_short_lead_or_a_leading_clause_keeps_its_comma() -> None:
    from voice_helper.text.punctuate import _comma_splice

    words = _words("sorry i know it's late but could you ring me")
    assert not _comma_splice(words, 1, {})
    words = _words("if you get a minute i'd love a hand with the boxes")
    assert not _comma_splice(words, words.index("i'd"), {})


@pytest.mark.parametrize("said, bad", [
    ("he talked about you all evening and he actually remembered your name", "remembered. Your"),
    ("i don't want to take two buses with my knee the way it is", "the way. It"),
    ("the pharmacy gave me the wrong strength i think could you ring them", "strength. I think."),
])
def test_a_piece_of_a_sentence_is_not_cut_off_as_one(said: str, bad: str) -> None:
    assert bad not in say(said, "en")


def test_a_word_said_last_can_be_a_sentence() -> None:
    from voice_helper.text.punctuate import find_ends

    words = _words("could someone cover reception from twelve to one today anyone")
    assert len(words) - 1 in find_ends(words)


def test_the_model_vetoes_a_rule_cut_inside_a_clause() -> None:
    from voice_helper.compose.en import _split
    from voice_helper.text import en as te
    from voice_helper.text.punctuate import unlikely_ends

    toks = te.clean_tokens(te.tokens("outlook keeps freezing every time i open the calendar can someone from it look"))
    sentences = [" ".join(s) for s in _split(toks, unlikely_ends(toks))]
    assert not any(s.lower().startswith("i open") for s in sentences), sentences


def test_a_casual_speaker_stays_casual_with_a_friend_called_chan_or_kun() -> None:
    r = compose("ねえ、あやちゃん、英語のノート写真送ってくんない？明日テストなんだよね。", "ja")
    assert r.slots.recipient == "あやちゃん"
    assert "いただけ" not in r.message and "ます" not in r.message, r.message


def test_register_is_read_by_morpheme_not_by_substring() -> None:
    # 「くじいただけ」 holds the letters いただ but is casual speech
    r = compose("いや 大丈夫 な ん だ けど 足 くじい た だけ だ から 明日 の 買い物 行っ て くれ ない 真央", "ja")
    assert r.slots.recipient == "真央"
    assert "いただけま" not in r.message and "真央さん" not in r.message and "くれない" in r.message, r.message


def test_demo_read_as_de_mo_is_dropped_whole() -> None:
    out = say("焦がしただけだから心配しないでね。でも臭いが取れないから週末に掃除を手伝ってくれない？", "ja")
    assert "も臭い" not in out.replace("でも臭い", ""), out


def test_a_pastor_is_greeted_by_title() -> None:
    r = compose("pastor james i wanted to ask if someone could drive me to church on sunday", "en")
    assert r.slots.recipient == "Pastor James"
    assert r.message.startswith("Pastor James, I wanted to ask"), r.message


def test_a_name_after_sumimasen_is_the_helper_not_the_sender() -> None:
    r = compose("すみません、佐藤さん。この書類の書き方を教えてほしいです。", "ja")
    assert r.slots.recipient == "佐藤さん"
    assert "佐藤さんです" not in r.message and r.message.startswith("佐藤さん、すみません"), r.message


def test_a_name_after_choudai_is_the_helper() -> None:
    r = compose("あの ね テレビ の 録画 の やり方 教え て ちょうだい 由美", "ja")
    assert r.slots.recipient == "由美"
    assert "ちょうだい由美" not in r.message.replace("、", ""), r.message


@pytest.mark.parametrize("said", ["まじ ごめん 傘 貸し て くれ ない 明日 返す から",
                                  "ほんと ごめん な ん だ けど 明日 の 当番 代わっ て くれ ない か な"])
def test_a_slangy_apology_takes_the_register_of_the_ask(said: str) -> None:
    out = say(said, "ja", "polite")
    assert "まじ" not in out and "ほんとごめん" not in out, out
    assert "本当に" in out, out


# --- what the tenth blind reading found (sentences written anew for these tests) ---

@pytest.mark.parametrize("said, starts, helper", [
    ("nurse ben um sorry to ask my dads monitor is beeping again could you have a look", "Nurse Ben, ", "Nurse Ben"),
    ("mrs hughes thank you thank you for feeding the cat while i was away", "Mrs. Hughes, thank you", "Mrs. Hughes"),
    ("aunty grace thank you so much for the cake you brought the kids loved it", "Aunty Grace, thank you", "Aunty Grace"),
    ("father peter i um i lost my husband in may could someone from the church visit", "Father Peter, I lost", "Father Peter"),
])
def test_a_title_and_name_said_alone_first_greet_and_leave_no_stray_title(said: str, starts: str, helper: str) -> None:
    r = compose(said, "en")
    assert r.message.startswith(starts), r.message
    assert r.slots.recipient == helper
    title = helper.split()[0].rstrip(".")
    assert r.message.count(title) == 1, r.message


def test_my_father_stays_lower_case() -> None:
    assert "My father Sam" in say("my father sam is unwell could you visit him this week", "en")


def test_a_thing_then_who_made_it_is_one_sentence() -> None:
    out = say("can you read the poem i wrote for the wedding before saturday", "en")
    assert "poem I wrote for the wedding" in out, out
    assert "manager. I finished it" in say("i sent the report to the manager i finished it at six could you check", "en")


def test_a_question_about_which_one_is_kept_whole() -> None:
    out = say("sorry is the dentist appointment the one on tuesday or thursday i forgot", "en")
    assert "the one on Tuesday or Thursday?" in out, out


def test_the_short_style_keeps_the_offer() -> None:
    r = compose_text("kim can you take my shift on thursday morning ill do your sunday for you", lang="en",
                     style="short", settings=Settings(), now=NOW)
    assert "Thursday morning" in r.message and "Sunday" in r.message, r.message


@pytest.mark.parametrize("said, crisis", [
    ("can you help me put the shelf back up in the kitchen it fell down on tuesday i will bring cake", False),
    ("the wardrobe it fell on me and i cant get out from under it help", True),
])
def test_a_thing_that_fell_is_not_a_person_who_fell(said: str, crisis: bool) -> None:
    assert compose(said, "en").crisis is crisis


def test_the_time_of_day_and_the_way_it_is_stay_in_their_sentences() -> None:
    out = say("could you drive me to the dentist on friday morning ten ish my knee is bad the way it is", "en")
    assert "morning ten ish" in out.replace(",", "") and "the way it is" in out, out


@pytest.mark.parametrize("said, to, starts", [
    ("受付の方へ。明日の面会時間を教えていただけますか。", None, "受付の方、明日の面会時間"),
    ("管理人さんへ。廊下の電気が切れています。交換をお願いできますか。", "管理人さん", "管理人さん、廊下の電気"),
])
def test_a_japanese_letter_address_greets(said: str, to: str | None, starts: str) -> None:
    r = compose_text(said, lang="ja", to=to, settings=Settings(), now=NOW)
    assert r.message.startswith(starts), r.message
    assert "、へ" not in r.message and "さんさん" not in r.message and "方さん" not in r.message


@pytest.mark.parametrize("said, asked", [("本かして！", "貸して"), ("一緒 に 階段 下り て", "下りて")])
def test_a_bare_te_form_at_the_end_asks(said: str, asked: str) -> None:
    out = say(said, "ja", "polite")
    assert asked in out and "たんです" not in out, out


def test_sumimasen_stays_an_apology_in_the_casual_register() -> None:
    out = say("あの 先生 明日 の 面談 少し 遅れ ます すみ ませ ん", "ja", "casual")
    assert "すみません" in out and "すまない" not in out, out


def test_someone_in_an_earlier_clause_does_not_make_a_question() -> None:
    out = say("誰 か 駅 に 行く なら 切手 買っ て き て お 金 は あと で 払う から", "ja", "polite")
    assert "払いますか" not in out, out
    assert say("誰 か 分かる", "ja", "polite").endswith("か。")  # said last, it still asks


def test_a_big_thank_you_is_a_thank_you_with_no_ask_added() -> None:
    r = compose("Huge thanks to everyone from the choir who helped me move flat on Saturday. Pizza on me next week.", "en")
    assert "?" not in r.message, r.message


@pytest.mark.parametrize("said, kept", [
    ("our 5-a-side team needs one more player on tuesday can you play", "5-a-side"),
    ("the shop is open 9am - 5pm can you pick up my parcel", "9am-5pm"),
    ("I'm so tired - could you walk the dog tonight?", "tired"),
])
def test_hyphens_and_dashes_are_written_as_typed(said: str, kept: str) -> None:
    out = say(said, "en")
    assert kept in out and " -" not in out.replace(" - ", ""), out


def test_kindly_asks_and_a_sign_off_to_ma_stays_last() -> None:
    r = compose("Good morning ma. Kindly help me collect my uniform from the tailor on Friday. Thank you ma.", "en")
    assert "Kindly help me collect my uniform" in r.message, r.message
    assert r.message.rstrip().endswith("Thank you ma."), r.message
    assert "Could you give me a hand" not in r.message


def test_sono_before_a_verb_mid_sentence_is_a_filler() -> None:
    out = say("この 書類 の 半分 その 手伝っ て くれ ない", "ja", "polite")
    assert "その手伝" not in out and "半分手伝って" in out, out


def test_kansai_sentence_ends_are_said_politely_when_polite() -> None:
    out = say("この 表 の 入力 手伝っ て くれ へん か な 明日 まで な ん や", "ja", "polite")
    assert out.endswith("明日までなんです。"), out
    assert say("明日 病院 行く ん や", "ja", "casual").endswith("行くんや。")


def test_someone_to_talk_to_is_asked_as_talk_to_me() -> None:
    assert "Could you talk to me for a bit" in say("i just need someone to talk to for a bit tonight", "en")
    assert "sit with me" in say("i need somebody to sit with tonight", "en")


def test_what_a_person_is_told_stays_in_the_sentence() -> None:
    out = say("i just want someone to tell me im not being silly", "en")
    assert "tell me I'm not being silly" in out, out


def test_a_long_first_clause_after_hello_is_not_taken_for_a_name() -> None:
    r = compose("Hello, I cannot open the council website on my phone, it says error. Can someone help?", "en")
    assert "I can't open the council website" in r.message or "I cannot open the council website" in r.message, r.message


def test_grateful_if_someone_could_keeps_someone() -> None:
    out = say("Good morning, I would be grateful if someone from IT could reset my password today.", "en")
    assert "if someone from it could reset my password" in out.lower() and "you could someone" not in out, out


def test_not_what_it_was_is_one_sentence() -> None:
    assert "not what it was" in say("My hearing is not what it was. Could someone ring the surgery for me?", "en")


def test_the_short_style_keeps_what_it_refers_to() -> None:
    r = compose_text("the printer upstairs is broken again it keeps jamming could you look at it before ten", lang="en",
                     style="short", settings=Settings(), now=NOW)
    assert "printer" in r.message.lower(), r.message


@pytest.mark.parametrize("said", ["vikram bhai can you drop me at the station tomorrow",
                                  "sanjay hello can you check the fridge light"])
def test_bhai_and_hello_after_a_name_go_with_the_greeting(said: str) -> None:
    out = say(said, "en")
    assert out.split(",")[0] in ("Vikram", "Sanjay") and "bhai." not in out.lower() and "hello." not in out.lower(), out


# --- false emergencies the eleventh reading found, as general exceptions (sentences written anew) ---

@pytest.mark.parametrize("said, lang, crisis", [
    ("管理人さん、強風で飛んできたトタンがベランダに落ちてきました。けがはありません。重くて運べないので手伝ってもらえますか。", "ja", False),
    ("もう 締め切り に 殺さ れる 殺さ れ そう 誰 か この 資料 見 て くれ ない", "ja", False),
    ("ベランダ から 飛び降り たい もう 無理", "ja", True),
    ("祖母 が ベッド から 落ち て 起き上がれ ない", "ja", True),
    ("radio not working cannot hear news help fix", "en", False),
    ("my husband cannot breathe help", "en", True),
])
def test_things_that_fall_and_broken_things_are_not_emergencies(said: str, lang: str, crisis: bool) -> None:
    assert compose(said, lang).crisis is crisis


def test_good_morning_after_the_name_greets_and_the_short_style_keeps_the_order() -> None:
    said = "doctor patel good morning it is mr hughes i wanted to ask whether i should still take the iron tablets in the evening"
    r = compose_text(said, lang="en", style="short", settings=Settings(), now=NOW)
    assert r.slots.recipient == "Dr. Patel"
    assert r.message.index("Mr Hughes") < r.message.index("I wanted to ask"), r.message
    assert "good morning" not in r.message.lower().split(".", 1)[1], r.message
    assert "Tom, good news" in say("tom good news i got the job", "en")


def test_a_repeated_five_word_ask_is_said_once_and_i_was_wondering_leads_it() -> None:
    out = say("i was wondering would you be able to would you be able to post this letter for me", "en")
    assert "I was wondering, would you be able to post this letter for me?" in out, out
