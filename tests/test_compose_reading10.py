"""What the tenth and eleventh blind readings found, fixed as general mechanisms and
checked on sentences written for these tests (not the graded ones): a false start said again
keeps only the second try (「三階に三階まで」「運ぶ運んで」), a letter's address line and closing word
stay what they are (「高橋様⏎」, 「敬具」), 〜の before a count or a time is not a sentence end, a
breath particle (「来週ね」「けどね」) does not cut a sentence, dialect endings are re-said in
です・ます or left whole (never 「もんです」「でまってです」), and 〜てて asks or tells as it should. In
English: a subject begun again ("I just I keep…") keeps the second start, a time ("at six ten"), a
comparison ("like we used to") and "anyone from the bank who could…" are not cut, a blessing ends
its sentence, and an offer without an opener ("I pay the pizza") is kept.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from voice_helper.compose import compose_text
from voice_helper.config import Settings

NOW = datetime(2026, 12, 7, 9, 30)


def say(text: str, *, politeness: str | None = None, style: str | None = None, to: str | None = None) -> str:
    r = compose_text(text, lang="ja", settings=Settings(), politeness=politeness, style=style, to=to, now=NOW)
    return r.message.replace("\n", " ")


@pytest.mark.parametrize("said, kept, gone", [
    ("佐藤 さん この 段ボール 三 階 に 三 階 まで 運ぶ 運ん で もらえ ます か", "三階まで運んで", ["三階に三階", "運ぶ運ん"]),
    ("受付 に 受付 の 電話 番号 教え て ください", "受付の電話番号", ["受付に受付"]),
    ("鍵 あの 鍵 玄関 の 鍵 ない 探し て", "玄関の鍵ない", ["鍵鍵", "鍵玄関"]),
    ("在留 カード の 住所 変える 変え たい です", "住所変えたい", ["変えます"]),
])
def test_a_false_start_keeps_only_the_second_try(said: str, kept: str, gone: list[str]) -> None:
    message = say(said)
    assert kept in message, message
    for g in gone:
        assert g not in message, message


@pytest.mark.parametrize("said", [
    "日に日に咳がひどくなっていて、病院に付き添ってほしい",
    "私は私のやり方でやりたいけど、少し手伝ってほしい",
])
def test_a_word_said_twice_on_purpose_stays(said: str) -> None:
    message = say(said)
    assert said.split("、")[0][:6] in message, message


def test_an_address_line_and_a_closing_word_stay_what_they_are() -> None:
    message = say("高橋様\n先日はお見舞いに来ていただき、ありがとうございました。\n敬具", to="高橋様")
    assert message.startswith("高橋様、先日は"), message
    assert "敬具です" not in message and message.count("高橋様") == 1, message


def test_a_letter_typed_with_spaces_keeps_its_sentences_and_register() -> None:
    message = say("けんたくんへ　スマホの字を大きくするにはどうしたらよいのでしょうか　教えてください　ばあばより",
                  to="けんたくん")
    assert message.startswith("けんたくん、スマホの字"), message
    assert "よいのでしょうか。" in message and "ばあばより。" in message, message
    assert "、へ" not in message and "よいのだ" not in message, message


def test_to_is_not_an_address_line() -> None:
    assert "お母さんへの誕生日カード" in say("お母さんへの誕生日カードを書くのを手伝ってほしい")


def test_a_casual_question_from_deshou_ka() -> None:
    assert say("どうしたらいいのでしょうか", politeness="casual", to="ゆうと").endswith("どうしたらいいの？")


@pytest.mark.parametrize("said, kept, gone", [
    ("塾おわるの20時すぎるから、誰か迎えに来てくれる人いない？", "塾おわるの20時すぎる", "おわります"),
    ("さっき 本棚 が 倒れ て き て けが は ない ん です けど ね 本 を 戻す の 誰 か 手伝っ て ほしい",
     "ないんですけど、本を戻すの", "戻します"),
    ("祖母 を 車 から 降ろす の 一 人 だ と 無理 な ん で 手 を 貸し て もらえ ませ ん か", "降ろすの一人だと", "降ろします"),
])
def test_no_before_a_count_or_a_time_goes_on(said: str, kept: str, gone: str) -> None:
    message = say(said)
    assert kept in message and gone not in message, message


def test_a_breath_particle_does_not_end_a_sentence() -> None:
    message = say("陽子 あの ね 来週 ね 歯医者 に 行か ない と いけ ない の 九 時 に 送っ て くれ ない")
    assert "来週ね" not in message and "来週歯医者に" in message, message


def test_te_yo_after_a_request_verb_still_asks() -> None:
    message = say("ねえ これ 見 て よ 後 で ジュース おごる から")
    assert "見ていただけませんか" in message and "おごります" in message, message


@pytest.mark.parametrize("said, politeness, kept, gone", [
    ("あの ね 雨戸 が 風 で 外れ で まって な 明日 直す の 手伝っ て けね べ か", "polite",
     ["外れてしまって", "いただけませんか"], ["まってです", "けね"]),
    ("ほんで 米 袋 重く て よ 車 まで 運ん で けねが", None, ["重くて、車まで運んで"], ["けね", "てよ"]),
    ("すんません 病院 まで 乗せ て っ て もらわ れ へん やろ か 腰 が 痛い もん で", "polite",
     ["すみません", "乗せていっていただけませんか", "腰が痛いもので"], ["もんです", "へんやろか"]),
    # typed in dialect, a note is sent as typed (reading 22: re-said in keigo, dialect and keigo mixed)
    ("なあ、日曜の草むしりやけど、手伝ってくれる人おらん？一時間だけでええねん。", "honorific",
     ["手伝ってくれる人おらん？", "一時間だけでええねん。"], ["いませんか", "いいんです"]),
    ("課長 じゃけえ その 来週 の 出張 なんじゃけど えー 親 が 入院 し て 行け ん かも しれ ん けえ 誰 か 代わっ て もらえ ん じゃろう か",
     None, ["出張なんですが", "行けないかもしれません"], ["じゃけえ", "しれん"]),
])
def test_dialect_is_said_politely_or_left_whole(said: str, politeness: str | None, kept: list[str],
                                                gone: list[str]) -> None:
    message = say(said, politeness=politeness, to="課長" if said.startswith("課長") else None)
    for k in kept:
        assert k in message, message
    for g in gone:
        assert g not in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("ごめん、道が混んでて30分くらい遅れそう。先に始めてて。", ["混んでいて", "先に始めていて"], ["始めています"]),
    ("バスが遅れてて。", ["バスが遅れているんです"], ["遅れてた"]),
    ("古い雑誌を捨ててほしい", ["捨てて"], ["捨ていて"]),
    ("明日の朝までに資料を見たくて", ["見たいんです"], ["たくた"]),
])
def test_tete_asks_or_tells(said: str, kept: list[str], gone: list[str]) -> None:
    message = say(said)
    for k in kept:
        assert k in message, message
    for g in gone:
        assert g not in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("ごめん、今日の会議の議事録お願いできる？", "すみません、今日の会議", "ごめん"),
    ("昨日のドラマ最高だった笑 録画してくれてありがと!", "ありがとうございます", "笑"),
    ("レポート明日までに3本書かなきゃいけなくて死ぬ…誰か資料探し手伝ってほしい", "いけなくて大変です", "死に"),
])
def test_casual_words_in_a_polite_message(said: str, kept: str, gone: str) -> None:
    message = say(said)
    assert kept in message and gone not in message, message


def test_an_apology_then_the_helpers_name_calls_them_once() -> None:
    message = say("すみません 管理人 さん えっと 廊下 の 電気 が つか ない です 見 て ください")
    assert message.startswith("管理人さん、すみません。"), message
    assert message.count("管理人さん") == 1 and "ないです。" in message, message


def test_a_causative_said_in_pieces_stays_whole() -> None:
    assert "ご馳走させてください" in say("今度 お 昼 ご馳走 さ せ て ください")


def test_the_short_style_keeps_the_thank_you() -> None:
    message = say("田中 さん この 間 は 引っ越し 手伝っ て くれ て 本当 に ありがとう ござい まし た 今度 ご飯 おごら せ て ください",
                  style="short", to="田中さん")
    assert "ありがとうございました" in message and "おごらせて" in message, message


def test_is_there_anyone_who_can_is_asked() -> None:
    message = say("えっと 明日 の 朝 駅 まで 送れる 人 いる 荷物 が 多い ん だ")
    assert "送れる人いますか。" in message, message


def test_a_first_person_pronoun_starts_a_sentence() -> None:
    message = say("店員 さん あの 棚 の 上 の 鍋 届か ない 私 背 が 低い から 取っ て ください")
    assert "届かない私" not in message and "私背が低いので" in message, message


def test_a_volitional_with_ka_is_not_cut() -> None:
    message = say("仕事を辞めようか本気で迷ってる。今度の休みに相談に乗ってくれない？")
    assert "辞めようか本気で" in message, message


# --- English: what the same readings found ---------------------------------------------------------


def say_en(text: str, *, style: str | None = None, to: str | None = None) -> str:
    r = compose_text(text, lang="en", settings=Settings(), style=style, to=to, now=NOW)
    return r.message.replace("\n", " ")


@pytest.mark.parametrize("said, kept, gone", [
    ("i just um i keep forgetting my pin number could you help me reset it", "I keep forgetting", "I just I"),
    ("i just need to i need to sit down for a minute can you watch the till", "I need to sit down", "just need to I"),
])
def test_a_subject_begun_again_keeps_the_second_start(said: str, kept: str, gone: str) -> None:
    message = say_en(said)
    assert kept in message and gone not in message, message


def test_a_sentence_inside_a_sentence_is_not_a_restart() -> None:
    assert "I think I can manage" in say_en("I think I can manage but could you check the stairs with me")


@pytest.mark.parametrize("said, kept", [
    ("i have had the worst week ever you fancy a coffee after work", "You fancy a coffee after work?"),
    ("can we go fishing on saturday like we used to", "on Saturday like we used to?"),
    ("the train gets in at seven twenty can you pick me up from the station", "at seven twenty."),
    ("femi my brother thank you for fixing my gate god bless you i will bring your tools back on friday",
     "Femi, thank you for fixing my gate. God bless you. I will bring"),
    ("is there anyone from the council who could come and look at the damp in the bedroom",
     "Is there anyone from the council who could come"),
    ("i am behind on the rota if anyone can cover my saturday shift i will buy them lunch",
     "I am behind on the rota. If you could cover my Saturday shift"),
    ("I would be very grateful if somebody could explain the new parking permit to me.",
     "I would be very grateful if somebody could explain"),
])
def test_speech_is_cut_where_a_sentence_ends(said: str, kept: str) -> None:
    message = say_en(said)
    assert kept in message, message


def test_an_offer_without_an_opener_stays_in_the_short_message() -> None:
    message = say_en("Can you help me carry the boxes on Friday? I pay the taxi.", style="short", to="Jo")
    assert message.endswith("I pay the taxi."), message


@pytest.mark.parametrize("said, starts, gone", [
    ("Awright Jamie, any chance ye could help us shift the wardrobe Saturday?", "Jamie, any chance", "wright"),
    ("hello mister patel i am sorry i will be late on monday my bus is cancelled", "Mr. Patel, I am sorry", "ister"),
])
def test_a_greeting_word_is_not_left_behind(said: str, starts: str, gone: str) -> None:
    message = say_en(said)
    assert message.startswith(starts) and gone not in message, message


@pytest.mark.parametrize("said, kept", [
    ("Could anyone tell me if the pool is open on Boxing Day? Lane swim I mean.", "Boxing Day? Lane swim."),
    ("hi love the telly has gone all fuzzy and i cannot get the news could you pop over when you have a sec",
     "fuzzy and I can't get the news. Could you pop over"),
])
def test_the_short_style_keeps_what_the_ask_needs(said: str, kept: str) -> None:
    assert kept in say_en(said, style="short"), say_en(said, style="short")


def test_the_short_style_does_not_keep_a_cut_off_piece() -> None:
    message = say_en("sam can you help me get the fridge through the door the delivery men just left it in the hall",
                     style="short", to="Sam")
    assert "through the door?" in message and "The delivery men." not in message, message


@pytest.mark.parametrize("said, kept", [
    ("jo could you bring your drill round sunday ill have the kettle on", "Sunday? I'll have the kettle on."),
    ("i passed my theory test first time i am so relieved", "I passed my theory test first time."),
    ("the mirror fell off the wall last night nobody was hurt just the frame could you help me put it back",
     "Nobody was hurt just the frame."),
    ("aye hello the boiler is making a banging noise again could you have a look", "The boiler is making"),
    ("you are picking me up at eight right", "You are picking me up at eight right?"),
])
def test_more_speech_read_as_said(said: str, kept: str) -> None:
    message = say_en(said)
    assert kept in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("あの 祖母 が その えっと 昨日 から 咳 が 止まら なく て 薬局 で 咳止め 買っ て き て もらえ ます か", "祖母が昨日から", "その"),
    ("あの 会議 室 の その プロジェクター が 映ら ない ん です けど 見 て もらえ ます か", "会議室のプロジェクター", "その"),
])
def test_a_spoken_sono_mid_sentence_is_a_filler(said: str, kept: str, gone: str) -> None:
    message = say(said)
    assert kept in message and gone not in message, message


@pytest.mark.parametrize("said, kept", [
    ("その 日 は 仕事 が ある ので 代わり に 行っ て ほしい", "その日は"),
    ("来週 出す ので その 前 に 見 て もらえ ます か", "その前に"),
])
def test_an_anaphoric_sono_stays(said: str, kept: str) -> None:
    assert kept in say(said)


def test_each_clause_that_runs_on_gets_a_comma() -> None:
    message = say("看護師 さん 母 が 昨日 から ご飯 を あんまり 食べ なく て 水分 も 少ない ん です けど 先生 に 伝え て もらえ ます か")
    assert "食べなくて、水分も少ないんですけど、先生に" in message, message


@pytest.mark.parametrize("said, ending", [
    ("お父さん あの 今日 ちょっと 嫌 な こと あっ て 夜 話 し て も いい", "話してもいい？"),
    ("お母さん あの 進路 の こと で 話し たい ん だ けど 今度 の 土曜 時間 ある", "時間ある？"),
    ("最近 眠れ なく て 週末 電話 でき たり する", "できたりしますか。"),
])
def test_a_spoken_yes_no_question_asks(said: str, ending: str) -> None:
    message = say(said)
    assert message.endswith(ending), message


def test_a_plain_taritari_tells() -> None:
    assert say("毎朝 犬 の 散歩 に 行っ たり する").endswith("行ったりします。")


def test_an_emoji_stays_with_its_own_sentence() -> None:
    message = say("プリンターが動かなくなった…😭 誰か直し方分かる人、見てもらえませんか?")
    assert "😭" not in message.split("。", 1)[-1][:3], message
    assert not say("明日の朝、駅まで送ってもらえる?電車だと間に合わなくて😢").endswith("😢。")


@pytest.mark.parametrize("said, to, starts", [
    ("Pls Femi, my whatsapp keeps logging me out. Can you look at it on Saturday?", "Femi", "Femi, my WhatsApp keeps"),
    ("Salaam Auntie, can you please show me how to pay the bill online?", "Auntie", "Auntie, could you please show"),
    ("thank you so much kuya ben for fixing the sink i will bring you lunch tomorrow", "Kuya Ben",
     "Kuya Ben, thank you so much for fixing the sink."),
    ("hello priya madam good morning kindly approve my leave for friday", "Priya madam", "Priya madam, kindly approve"),
    ("Hi Dr Shah, Mrs Green in room 4 is asking about her tablets. Could you pop by?", "Dr Shah", "Dr Shah, Mrs Green"),
])
def test_the_helper_is_called_once(said: str, to: str, starts: str) -> None:
    message = say_en(said, to=to)
    assert message.startswith(starts), message
    assert message.lower().count(to.lower().split()[-1]) == 1, message


@pytest.mark.parametrize("said, kept, gone", [
    ("can someone cover my break at 2? need the bank before it shuts. will cover yours on friday",
     "Will cover yours on Friday.", "Friday?"),
    ("can u check my cover letter tmrw idk if it sounds ok", "tomorrow? I don't know", "tmrw"),
    ("can u help me w my essay 2nite its due 2moro", "tonight", "2 nite"),
    ("Reception - late checkout tomorrow? Room 12", "Reception, late checkout", ", -"),
    ("everythings packed but the van is late", "Everything's packed", "everythings"),
])
def test_typed_shorthand_is_read_as_meant(said: str, kept: str, gone: str) -> None:
    message = say_en(said, to="Reception" if said.startswith("Reception") else None)
    assert kept in message and gone not in message, message


@pytest.mark.parametrize("said, kept", [
    ("my new iphone will not show my whatsapp photos", "iPhone"),
    ("my sister lives in leeds and i need a lift to the station", "in Leeds"),
])
def test_brands_and_places_are_written_as_they_write_themselves(said: str, kept: str) -> None:
    assert kept in say_en(said)


@pytest.mark.parametrize("said, politeness, kept, gone", [
    ("佐藤さん、足痛いけん今日の見回り、代わってもらえん？", "polite", "足痛いので、今日の見回り", "けん今日"),
    ("雪 で 車庫 の 戸 が 開か ねえ ん だ 誰 か 手伝っ て けろ", "polite", "開かないんです", "ねえ"),
    ("この 間 は 引っ越し 手伝う て もろ て ありがとう ござい まし た", "polite", "手伝ってもらって", "もろて"),
])
def test_more_dialect_in_a_polite_message(said: str, politeness: str, kept: str, gone: str) -> None:
    message = say(said, politeness=politeness, to="佐藤さん" if said.startswith("佐藤") else None)
    assert kept in message and gone not in message, message


def test_a_wave_between_two_sentences_ends_the_first() -> None:
    message = say("のど渇いた〜帰りにお茶買ってきて！")
    assert message.startswith("のど渇きました。") and "帰りにお茶" in message and "〜" not in message, message


@pytest.mark.parametrize("said, kept", [
    ("9時〜10時に来てほしい", "9時〜10時"),
    ("月曜〜水曜の夕方に手伝ってほしい", "月曜〜水曜"),
])
def test_a_range_keeps_its_wave(said: str, kept: str) -> None:
    assert kept in say(said)


# --- round 12 (blind reading 12, read after it was spent) -----------------------------------------


@pytest.mark.parametrize("said, to, kept, gone", [
    ("鈴木部長 お疲れ様です。経理の田中です。請求書の確認が遅れておりまして、明日までお待ちいただけますでしょうか。何卒よろしくお願いいたします。",
     "鈴木部長", "何卒よろしくお願いいたします。", "お願いできませんか"),
    ("中村先生 お世話になっております。3年の佐藤です。レポートを添付しましたので、ご確認いただけますと幸いです。よろしくお願いいたします。",
     "中村先生", "ご確認いただけますと幸いです。よろしくお願いいたします。", "手伝って"),
])
def test_a_letters_closing_formula_is_kept_as_written(said: str, to: str, kept: str, gone: str) -> None:
    message = say(said, to=to)
    assert kept in message and gone not in message, message


def test_a_closing_formula_said_alone_is_the_message() -> None:
    assert say("よろしくお願いします") == "よろしくお願いします。"


def test_set_phrases_stay_and_a_polite_letter_is_not_made_plain() -> None:
    # (reading 23: a letter typed in keigo made casual mixed 「お世話になっております」 with plain endings)
    message = say("中村先生 お世話になっております。レポートをご確認いただけますでしょうか。", politeness="casual", to="中村先生")
    assert "お世話になっております" in message and "確認してもらえないかな" not in message, message


@pytest.mark.parametrize("said, politeness, kept, gone", [
    ("プリントはこちらで準備いたします。資料の確認をお願いできますか。", "honorific", "準備いたします", "いたいた"),
    ("じいちゃん あの のう 畑 の 水 やり 今度 の 日曜 頼める か の", "polite", "畑の水やり", "のう"),
    ("もう 一杯 一杯 で 誰 か 手伝っ て", None, "一杯一杯", "もう一杯で"),
    ("誰か駐車場の雪かきしといて。やってくれたらお菓子あげる", None, "お菓子あげます", "やっていただけませんか"),
    ("今日 子犬 が 生まれ た と 三 匹 やっ た", None, "三匹でした", "やりました"),
    ("西田さん、会議って何時からやったっけ?", "polite", "何時からでしたか", "やりました"),
    ("町内会 の 集まり は 何 時 から じゃっ た かい のう", "polite", "何時からでしたか", "のう"),
])
def test_more_japanese_said_as_meant(said: str, politeness: str | None, kept: str, gone: str) -> None:
    message = say(said, politeness=politeness)
    assert kept in message and gone not in message, message


def test_the_first_word_of_a_spaced_note_calls_the_helper() -> None:
    message = say("ゆうた げんきですか ばあばです しゃしんのおくりかたをおしえてください", to="ゆうた")
    assert message.startswith("ゆうたさん、げんきですか。"), message


def test_no_before_a_feeling_goes_on() -> None:
    message = say("明日の検査、一人で行くの不安で。付き添ってもらえないかな")
    assert "一人で行くの不安です" in message and "行きます" not in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("dad can you pick me up from the station at half seven no eight the train is late", "at eight", "half seven"),
    ("is the meeting on tuesday no wednesday", "on Wednesday", "Tuesday"),
    ("the pain in my knee no my ankle is worse today", "my ankle", "my knee"),
    ("can you call me before the before lunch", "before lunch", "before the before"),
    ("jo the printer is jammed again n the toner is low", "again and the toner", " n "),
    ("can you make the chin chin for the party", "chin chin", "the chin for"),
    ("i had a horrible day and i just need someone to talk to could you ring me tonight", "Could you ring me tonight",
     "talk to could"),
    ("i can't see it move on the screen anymore", "see it move", "see. It"),
])
def test_english_corrections_and_run_ons(said: str, kept: str, gone: str) -> None:
    message = say_en(said)
    assert kept in message and gone not in message, message


@pytest.mark.parametrize("said, to, ends", [
    ("hi coach is the match still on if it rains? thanks, Leo's dad", "Coach", "Thanks, Leo's dad."),
    ("Hi Mrs Patel, could you water my tomatoes while I'm away? Thanks a lot, Maureen", "Mrs Patel", "Thanks a lot, Maureen."),
    ("Hi Sam, could you feed the cat on Friday? Sorry again, and thank you. Edith", "Sam", "Thank you. Edith."),
])
def test_a_sign_off_stays_last(said: str, to: str, ends: str) -> None:
    message = say_en(said, to=to)
    assert message.endswith(ends), message


def test_the_surname_and_sir_call_the_helper_once() -> None:
    message = say_en("good morning patel sir this is anil i am sick today can you kindly give my orders to ravi",
                     to="Mr Patel")
    assert message.lower().count("patel") == 1, message


def test_drowning_in_work_this_week_is_not_an_emergency() -> None:
    r = compose_text("I'm drowning this week, could someone take two of my calls?", lang="en", settings=Settings(), now=NOW)
    assert not r.crisis, r.message


# --- round 13 (blind reading 13, read after it was spent) -----------------------------------------


@pytest.mark.parametrize("said, to, kept", [
    ("hiya tom it is sandra um are you still okay to walk the dog on friday thanks bye now", "Tom",
     "Tom, it is Sandra. Are you still okay to walk the dog on Friday?"),
    ("hello maggie it is only me um thank you for the cake and i was wondering could you feed the cat tomorrow", "Maggie",
     "Maggie, it is only me. Thank you for the cake."),
    ("hello rita it is ken next door um i wondered could you take my bins out on thursday", "Rita",
     "I wondered, could you take my bins out on Thursday?"),
    ("hi priya this is omar um regarding the rota can you send it to me by friday", "Priya",
     "Regarding the rota, could you send it to me by Friday?"),
    ("hello uncle namaste um actually i wanted to ask can you please look at my car tomorrow", "Uncle",
     "I wanted to ask, can you please look at my car tomorrow?"),
])
def test_a_self_introduction_and_a_lead_are_said_apart(said: str, to: str, kept: str) -> None:
    message = say_en(said, to=to)
    assert kept in message.replace(" / ", " "), message


@pytest.mark.parametrize("said, kept, gone", [
    ("can you take me to the dentist at ten no wait half ten", "at half ten", "at ten?"),
    ("hi doctor sorry nurse kim can i book a blood test for monday", "can I book a blood test", "Doctor, sorry"),
    ("please send the report by noon otherwise we will miss the deadline", "Otherwise we will miss", "noon otherwise"),
    ("it's only ten minutes and i keep going over could you listen to my talk", "only ten minutes and I keep", "minutes."),
])
def test_more_english_read_as_said(said: str, kept: str, gone: str) -> None:
    message = say_en(said)
    assert kept in message and gone not in message, message


@pytest.mark.parametrize("text, lang", [
    ("hi it desk my excel keeps keeps crashing when i open the big file can someone remote in", "en"),
    ("can you help me lift the patient in bed four i do not want to hurt my back", "en"),
    ("hi it is sam your carer i am running late could you take your evening tablets with your tea", "en"),
])
def test_an_ordinary_request_is_not_an_emergency(text: str, lang: str) -> None:
    r = compose_text(text, lang=lang, settings=Settings(), now=NOW)
    assert not r.crisis, r.message


@pytest.mark.parametrize("said, politeness, kept, gone", [
    ("おとん とん ちょっと こっち 来い 重い 荷物 持っ て こい", "polite", "こっち来てください", "とんちょっと"),
    ("渋谷 あ いや 原宿 の 駅 まで 迎え に 来 て", "polite", "原宿の駅まで", "渋谷"),
    ("まじ助かった！今度ラーメンおごるわ", "polite", "本当に助かりました", "まじ"),
    ("約束を忘れていて本当にごめんなさい。明日もう一度時間をもらえますか", "polite", "ごめんなさい。", "なさって"),
])
def test_more_japanese_round_13(said: str, politeness: str, kept: str, gone: str) -> None:
    message = say(said, politeness=politeness)
    assert kept in message and gone not in message, message


# --- round 14 (blind reading 14, read after it was spent) -----------------------------------------


@pytest.mark.parametrize("said, kept, gone", [
    ("sorry to bother you it's mary from bed no from room six my drip is beeping", "Mary from room six", "from bed"),
    ("my member number is three three eight one two and i cannot book a class", "three three eight one two", "three. Eight"),
    ("i feel daft but since the divorce i've barely left the house could we get a coffee", "since the divorce I've", "divorce. I"),
    ("since yesterday i can't log in could you reset my password", "Since yesterday I can't log in", "yesterday. I"),
    ("Jo, @Jo are you free to help with the stall on Saturday?", "Jo, are you free", "@"),
])
def test_more_english_round_14(said: str, kept: str, gone: str) -> None:
    message = say_en(said, to="Jo" if said.startswith("Jo") else None)
    assert kept in message and gone not in message, message


@pytest.mark.parametrize("said, to, starts, gone", [
    ("株式会社ヒカリ\n総務部\n中島様\nいつもお世話になっております。請求書の件、ご確認をお願いできますでしょうか。",
     "中島様", "中島様、いつもお世話になっております。", "総務部"),
    ("翔太へ\nお元気ですか。今度帰ってきたとき、電球を替えてもらえると助かります。", "翔太", "翔太", "へお元気"),
    ("村田さーん、ちょっといいですか？コピー機の使い方を教えてもらえませんか", "村田さん", "村田さん、ちょっといいですか", "さーん"),
])
def test_a_letters_head_calls_the_helper_once(said: str, to: str, starts: str, gone: str) -> None:
    message = say(said, to=to)
    assert message.startswith(starts) and gone not in message, message


@pytest.mark.parametrize("said, kept, gone", [
    ("えー 先生 あの 報告 書 の 第 二 章 いや 第 三 章 を 見 て もらえ ます か", "第三章", "第二"),
    ("あの 母 の 薬 が あと 四 日 いや 三 日 分 しか ない", "三日分", "四"),
    ("あの 山田 さん えー この 資料 山田 さん 会議 の 前 に 見 て もらえ ます か", "この資料会議の前に", "資料山田"),
])
def test_more_japanese_round_14(said: str, kept: str, gone: str) -> None:
    message = say(said, to="山田さん" if "山田" in said else ("先生" if "先生" in said else None))
    assert kept in message and gone not in message, message
