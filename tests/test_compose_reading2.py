"""What the second blind reading found, fixed as general rules and checked on sentences written
for these tests (not the graded ones): run-on questions split, one register per message, no
invented ask on news, the short style keeps what the ask is about, accidents get no suicide line.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from voice_helper.compose import compose_text
from voice_helper.config import Settings

NOW = datetime(2026, 12, 6, 9, 30)


def say(text: str, lang: str, style: str = "three-lines", to: str | None = None,
        politeness: str | None = None) -> str:
    return compose_text(text, lang=lang, style=style, to=to, politeness=politeness, settings=Settings(),
                        now=NOW).message


def request(text: str, lang: str):  # noqa: ANN201 - a HelpRequest
    return compose_text(text, lang=lang, settings=Settings(), now=NOW)


# --- English ----------------------------------------------------------------------------------


def test_a_bus_stop_is_not_someone_who_stopped_moving() -> None:
    r = request("I'm in a wheelchair and the bus stop moved to the other side of the park. "
                "Could someone push me there on Monday?", "en")
    assert not r.crisis
    assert "911" not in r.message
    assert request("my dad stopped moving and he's cold", "en").crisis


@pytest.mark.parametrize("text", [
    "Just letting you know the plumber is coming at noon, so I'll be out.",
    "the nurse said the blood test came back fine so there's no need to worry",
])
def test_news_gets_no_invented_ask(text: str) -> None:
    msg = say(text, "en")
    assert "?" not in msg
    assert "you know" in msg or "fine" in msg


def test_spoken_wh_question_and_is_that_are_their_own_sentences() -> None:
    msg = say("i lost the sheet for the maths test where do we meet on friday", "en")
    assert "test. Where do we meet on Friday?" in msg or "test.\nWhere do we meet on Friday?" in msg
    msg = say("someone called saying my bank card is blocked is that a scam could you check", "en")
    assert "Is that a scam?" in msg
    assert "saying my bank card is blocked" in msg  # "saying" holds its clause


def test_i_dont_know_what_stays_one_sentence() -> None:
    assert "I don't know what time the pharmacy opens" in say("i dont know what time the pharmacy opens", "en")


@pytest.mark.parametrize("text,needed", [
    ("My washing machine is leaking since this morning. Could someone take a look before six?", "washing machine"),
    ("I'm behind on the chemistry lab report because I was ill. Could I have until Thursday?", "lab report"),
    ("my mum has the flu and i work until eight could someone check on her at lunchtime", "mum"),
])
def test_short_keeps_what_a_leaning_ask_is_about(text: str, needed: str) -> None:
    assert needed in say(text, "en", style="short")


def test_short_ask_that_stands_alone_stays_one_sentence() -> None:
    msg = say("I have too many boxes. Could you carry the blue boxes to the car on Saturday?", "en", style="short")
    assert msg == "Could you carry the blue boxes to the car on Saturday?"


# --- Japanese ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text,ask,after", [
    ("あの 明日 の 面接 の 前 に 志望 動機 見 て くれ ない 書き 出し が なんか 弱く て", "見てくれない？", "書き出し"),
    ("洗濯 物 取り込ん で もらえ ない 鍵 は ポスト に 入れ とく", "取り込んでもらえない？", "鍵は"),
])
def test_spoken_ask_then_new_clause_is_split(text: str, ask: str, after: str) -> None:
    msg = say(text, "ja", politeness="casual")
    assert ask in msg
    assert msg.index(ask) < msg.index(after)


def test_spoken_dareka_question_stays_a_question() -> None:
    assert say("コピー 機 の トナー の 替え 方 誰 か 分かる", "ja").endswith("誰か分かりますか。")


def test_casual_invitation_becomes_masenka_not_reproach() -> None:
    msg = say("試験が終わって気が抜けた。今夜一緒にご飯食べない？", "ja", to="優子", politeness="polite")
    assert "食べませんか。" in msg
    assert "食べないんですか" not in msg


@pytest.mark.parametrize("politeness,apology", [("polite", "ごめんなさい"), ("honorific", "申し訳ありません")])
def test_gomen_fits_the_register(politeness: str, apology: str) -> None:
    msg = say("ごめん 3時 に 歯医者 入れ ちゃっ て 受付 代わり に やっ て もらえ ない", "ja", to="由美さん",
              politeness=politeness)
    assert apology in msg and "ごめんです" not in msg and "ごめん3時" not in msg


def test_casual_message_has_no_desu_inside() -> None:
    msg = say("息子 の 運動 会 が ある ので 2時 に 帰り たい ん です けど 残り の 発送 誰 か に お願い でき ます か", "ja",
              to="先輩", politeness="casual")
    assert "んだけど" in msg and "んですけど" not in msg
    assert "誰かに" in msg  # the helper is asked to find someone, not to do it personally


def test_words_said_whole_stay_whole() -> None:
    msg = say("仕事でいっぱいいっぱいです。その分、来週は早く来ます。金曜のシフトを代わっていただけませんか。", "ja")
    assert "いっぱいいっぱい" in msg and "その分" in msg


def test_statement_with_no_not_a_question() -> None:
    msg = say("来週ずっと出張でいないの。植木に水をあげてくれない？", "ja", to="まゆ", politeness="casual")
    assert "いないの。" in msg and "いないの？" not in msg


def test_thanks_with_nee_is_one_sentence() -> None:
    msg = say("煮物をありがとうねえ。とてもおいしかったですよ。", "ja")
    assert msg.startswith("煮物をありがとうございます。")
    assert "ねえ" not in msg


def test_casual_toku_and_hanging_te_are_said_politely() -> None:
    msg = say("膝を痛めちゃって。買い物袋を二階まで運んでくれない？", "ja", to="健太", politeness="polite")
    assert "痛めてしまったんです" in msg and "買い物袋" in msg
    msg = say("犬の散歩をお願いできませんか。リードは玄関に置いとく。", "ja")
    assert "置いておきます" in msg


def test_possessive_name_is_not_the_helper() -> None:
    msg = say("吉田さんちの庭の見積もり、合ってるか確認してくれへん？", "ja")
    assert not msg.startswith("吉田さん、")
    assert "吉田さんちの" in msg


def test_short_japanese_keeps_what_a_leaning_ask_is_about() -> None:
    msg = say("九十になると、缶詰のふたが開けられなくてねえ。土曜に来たとき、開けてもらえるかしら。", "ja", style="short")
    assert "缶詰" in msg and "開けられないんです" in msg


def test_accidental_swallowing_gets_the_emergency_number_only() -> None:
    for text, lang, lifeline in (("あの 孫 が ボタン 電池 を 飲み込ん じゃっ た", "ja", "いのちの電話"),
                                 ("my toddler swallowed a dishwasher pod", "en", "988")):
        r = request(text, lang)
        assert r.crisis
        assert lifeline not in r.message.splitlines()[0]
    r = request("I took all my sleeping pills", "en")
    assert "988" in r.message.splitlines()[0]


# --- who the message is for (sentences written for these tests) ------------------------------


@pytest.mark.parametrize("text,lang,helper", [
    ("About the rota, Priya, could you swap my Thursday shift?", "en", "Priya"),
    ("Could you water my tomatoes while I'm away, Sam?", "en", "Sam"),
    ("so the invoices for march um daniel could you send them today", "en", "Daniel"),
    ("I'd be so grateful if Kevin could drive me to the clinic on Monday.", "en", "Kevin"),
    ("I want to ask Fatima to check my cover letter before Friday.", "en", "Fatima"),
    ("Could my neighbor Frank take the bins out tonight?", "en", "Frank"),
    ("ねえ健太、明日の朝、駅まで送ってくれない？", "ja", "健太"),
    ("請求書の数字が合わなくて、小林さん、一緒に見てもらえますか", "ja", "小林さん"),
    ("この資料の誤字、チェックしてもらえませんか、山口さん", "ja", "山口さん"),
    ("店長 すみません えっと 明日 の シフト 代わっ て もらえ ます か", "ja", "店長"),
    ("看護師の佐藤さん、痛み止めをもう一度もらえますか", "ja", "看護師の佐藤さん"),
])
def test_the_helper_is_found_wherever_they_are_called(text: str, lang: str, helper: str) -> None:
    r = request(text, lang)
    assert r.slots.recipient == helper
    first = r.message.splitlines()[0]
    assert first.startswith(helper)
    if lang == "en":
        assert "you" in r.message.lower()


@pytest.mark.parametrize("text,lang,third", [
    ("Mrs Patel the client wants the revised quote by noon, can someone double-check the totals?", "en", "Patel"),
    ("Ask Daniel to help me move the desks before the client, Ms Rossi, arrives at 3.", "en", "Rossi"),
    ("山田さん、お客さんの森さんに電話してもらえる？", "ja", "森"),
    ("小池さん、取引先の青木さんへのお詫びメールを一緒に考えていただけませんか", "ja", "青木"),
    ("昨日、新井さんに頼まれたグラフの修正、どうやればいいか誰か教えて", "ja", "新井"),
])
def test_a_third_party_is_never_the_helper_and_keeps_their_place(text: str, lang: str, third: str) -> None:
    r = request(text, lang)
    assert third not in (r.slots.recipient or "")
    assert third in r.message
    assert "のの" not in r.message


def test_why_nande_is_not_because() -> None:
    msg = say("プリンターがなんで動かないか誰か見てくれない？", "ja")
    assert "なんで動かない" in msg and "なので" not in msg


@pytest.mark.parametrize("text,lang", [
    ("The queue at the bank isn't moving, what time do they close?", "en"),
    ("the picture fell off the wall what size nail do i need", "en"),
    ("I got fired today, can you help me with my CV?", "en"),
    ("I totally OD'd on chocolate at the party, suggest a light dinner.", "en"),
    ("uh the curtains fell down and i can't reach the rail could someone help", "en"),
    ("the new sofa arrived but i can't move it by myself could someone help", "en"),
    ("渋滞で全然動かない、遅れるって伝えて", "ja"),
    ("恋に溺れてるって友達に言われた", "ja"),
    ("胸 が いっぱい です", "ja"),
    ("大家 さん に 返事 を 書い た ん だ けど 失礼 じゃ ない か 見 て くれ ない", "ja"),
])
def test_danger_words_in_ordinary_sentences_raise_nothing(text: str, lang: str) -> None:
    r = request(text, lang)
    assert not r.crisis, r.message


@pytest.mark.parametrize("text,lang", [
    ("choking", "en"),
    ("my little boy is choking on a grape", "en"),
    ("there's someone in the river shouting for help", "en"),
    ("she's been fitting for five minutes and won't stop", "en"),
    ("I've written the letters and I won't be around after tonight", "en"),
    ("i'm cutting myself now", "en"),
    ("ころんだ たてない", "ja"),
    ("ちが とまらない", "ja"),
    ("子どもが池に落ちて浮いてこない", "ja"),
    ("屋上の柵を越えた", "ja"),
    ("父が けいれん してて 止まらない", "ja"),
])
def test_emergencies_said_in_other_words_are_caught(text: str, lang: str) -> None:
    assert request(text, lang).crisis


# --- after the third reading (sentences written for these tests) ------------------------------


@pytest.mark.parametrize("text,lang,needed", [
    ("I have a physio appointment next Tuesday at 9. Could I start at 11 and stay later on Thursday?", "en",
     "next Tuesday"),
    ("My passport photo got rejected again. Could you take a new one? The form is due on Friday.", "en", "Friday"),
    ("How. oven. clock?", "en", "Oven"),
    ("来週木曜10時に歯医者の予約があります。その日は11時からの出勤でもよろしいでしょうか。", "ja", "来週木曜10時"),
])
def test_short_keeps_the_day_and_the_what(text: str, lang: str, needed: str) -> None:
    assert needed in say(text, lang, style="short")


@pytest.mark.parametrize("text", [
    "倉庫の棚が高くて届かへんねん。上の箱を下ろしてくれへん？",
    "明日までに書類を出さなあかんのに、まだ半分もできてへん。誰か手伝ってもらえへん？",
    "めっちゃ荷物届いてて、段ボール三十箱あんねん。夕方までに開けるの手伝ってくれへん？",
])
def test_typed_dialect_is_sent_as_typed_in_every_register(text: str) -> None:
    # (was: re-said politely; blind readings 20–22 graded dialect beside keigo wrong, as typed better)
    for politeness in ("casual", "polite", "honorific"):
        assert say(text, "ja", politeness=politeness) == text


@pytest.mark.parametrize("text,wanted", [
    ("えーと 加湿器 の 掃除 って どう やる の 来週 お客さん 来る ん だ けど", "どうやりますか。"),
    ("保険証 って どう やっ て 再 発行 する の 月曜 に 病院 な ん だ", "どうやって再発行しますか。"),
    ("なんか 仕事 の こと で 落ち込ん で て 今夜 ちょっと 話せ ない", "話せませんか"),
    ("誰 と も 話し て なく て 週末 ちょっと 電話 くれ ない", "電話いただけませんか"),
])
def test_spoken_japanese_questions_stay_questions(text: str, wanted: str) -> None:
    msg = say(text, "ja", politeness="polite")
    assert wanted in msg, msg
    assert "ないんですか" not in msg


def test_telegraphic_words_get_no_mechanical_desu() -> None:
    msg = say("薬。袋。開けて。", "ja")
    assert "薬です" not in msg and "袋です" not in msg
    assert "開けていただけませんか" in msg


@pytest.mark.parametrize("text,helper,gone", [
    ("請求書の件、経理部の大野さんに確認してもらえないでしょうか。", "大野さん", "経理部の確認"),
    ("来月の旅行の写真、甥の翼に整理してもらえないかな。", "翼", "甥の整理"),
    ("あの 叔母 の 純子 おばさん に 留守番 お願い でき ない か な", "純子おばさん", "叔母の"),
])
def test_a_named_helper_is_addressed_and_leaves_no_debris(text: str, helper: str, gone: str) -> None:
    r = request(text, "ja")
    assert (r.slots.recipient or "").startswith(helper)
    assert gone not in r.message


@pytest.mark.parametrize("text,wanted", [
    ("so so the new timetable is confusing and i feel like im missing something could you explain it",
     "I feel like I'm missing"),
    ("could you look at why the printer won't print on my laptop", "look at why the printer"),
    ("i dont know which lead goes where can you set up the tv", "which lead goes where"),
    ("the quarter end is friday and im behind because half the team is off sick", "because half the team"),
])
def test_english_run_ons_split_only_where_a_sentence_ends(text: str, wanted: str) -> None:
    msg = say(text, "en")
    assert wanted in msg, msg
    assert not msg.lower().startswith("so")


def test_the_helper_spoken_of_as_kare_is_named() -> None:
    msg = say("健太に本棚を運ぶの手伝ってもらえないかな。彼の夕飯は私がおごるから。", "ja", politeness="polite")
    assert "健太さんの夕飯" in msg and "彼の" not in msg


def test_an_apology_for_asking_again_is_not_a_second_ask() -> None:
    msg = say("何度もお願いしてすみません。プリンターがまた止まりました。見ていただけますか。", "ja", politeness="honorific")
    assert msg.count("でしょうか") == 1 and "すみません" in msg


def test_kansai_u_onbin_and_honma_are_kept_as_typed() -> None:
    assert say("ほんまありがとう。重い荷物、手伝うてくれて助かったわ。", "ja", politeness="polite") \
        == "ほんまありがとう。重い荷物、手伝うてくれて助かったわ。"
    assert say("階段がしんどうて。上まで手伝うてくれへん？", "ja", politeness="polite") == "階段がしんどうて。上まで手伝うてくれへん？"


@pytest.mark.parametrize("text,wanted", [
    ("i just wanted to say thank you for driving grandma on tuesday it meant a lot to her",
     "Tuesday. It meant a lot"),
    ("i got into college yesterday i start next monday", "yesterday. I start next Monday"),
    ("i cant open the new pill bottle the lid says push and turn could you open it",
     "bottle. The lid says push and turn"),
    ("i got a text from the bank do i have to call them back", "bank. Do I have to call them back?"),
])
def test_spoken_run_ons_split_at_a_new_subject(text: str, wanted: str) -> None:
    assert wanted in say(text, "en").replace("\n", " ")


def test_a_family_word_used_as_a_name_is_capitalised() -> None:
    msg = say("could you sit with mum on sunday while my dad is at work", "en")
    assert "with Mum on Sunday" in msg and "my dad" in msg


@pytest.mark.parametrize("text,lang", [
    ("先週 ちょっと こけて 骨 は 折れとらん けど ふらふら する けん 泊まりに 来て くれんやろか", "ja"),
    ("車が動かなくなっちゃって、子どもを保育園に連れて行かなきゃいけないの。乗せてってくれない？", "ja"),
    ("やばい パソコン 落ちた レポート 保存 できてる か わかんない 助けて", "ja"),
    ("i'm caring for dad full time and i think i'm burning out could you have him for an afternoon", "en"),
])
def test_ordinary_trouble_is_not_an_emergency(text: str, lang: str) -> None:
    r = request(text, lang)
    assert not r.crisis, r.message


def test_a_younger_relative_named_in_the_ask_is_addressed_as_family() -> None:
    r = request("パソコンの調子が悪いです。孫の陸が日曜に来て見てくれないでしょうか。", "ja")
    assert r.slots.recipient == "陸"
    assert r.message.startswith("陸、")
    assert "いただけ" not in r.message  # no keigo to one's own grandchild


def test_the_persons_own_wish_word_is_kept() -> None:
    msg = say("孫の芽衣に日曜に顔を見せてもらえたら嬉しいのですが。", "ja")
    assert "嬉しい" in msg and "助かる" not in msg


@pytest.mark.parametrize("text,wanted", [
    ("来週 の 法事 で 新幹線 の 乗り換え が わがんねぇ 一緒 に 行って けねが", "一緒に行っていただけませんか"),
    ("雪 が 積もった から 玄関 の 雪かき 手伝って けろ", "手伝っていただけませんか"),
])
def test_tohoku_requests_are_asked_not_cut(text: str, wanted: str) -> None:
    assert wanted in say(text, "ja", politeness="polite")


@pytest.mark.parametrize("text,wanted", [
    ("洗濯機 の 糸くず フィルター って どう やって 外す の 説明書 が ない", "どうやって外しますか。"),
    ("この 書類 の 書き方 って どう すれば いい の 役所 に 出す ん だ けど", "どうすればいいですか。"),
])
def test_a_spoken_how_question_ends_before_the_next_clause(text: str, wanted: str) -> None:
    assert wanted in say(text, "ja", politeness="polite")


@pytest.mark.parametrize("text,wanted", [
    ("Thanks so much, the cake you made for Dad was perfect. It's the best birthday he's had in years.",
     "the cake you made for Dad was perfect"),
    ("My laptop wants a code I never got. Could my niece Ana have a look on Sunday?", "a code I never got"),
])
def test_a_relative_clause_is_not_split(text: str, wanted: str) -> None:
    assert wanted in say(text, "en").replace("\n", " ")


def test_the_helper_spoken_of_is_spoken_to_throughout() -> None:
    msg = say("The shed door is stuck again. Could Priya give me a hand with it on Saturday? She's good with tools.",
              "en")
    assert msg.startswith("Priya, ")
    assert "You're good with tools" in msg and "She's" not in msg


def test_and_may_is_a_month_not_a_helper() -> None:
    r = request("Any chance you could scan March while I reconcile April and May?", "en")
    assert r.slots.recipient is None and "April and May?" in r.message


def test_is_there_any_way_starts_a_question() -> None:
    msg = say("the order has to ship by six am is there any way you could stay an extra hour", "en")
    assert "Is there any way you could stay an extra hour?" in msg


def test_a_time_clause_before_the_ask_stays_with_it() -> None:
    msg = say("Before the inspection on Friday, could Leo check the fire doors? Mainly the back one.", "en")
    assert "before the inspection on Friday, could you check the fire doors?" in msg


def test_quick_question_is_a_question() -> None:
    r = request("Quick question: is the pharmacy open on Sunday, or only Saturday?", "en")
    assert "Could you help me" not in r.message


def test_until_is_how_long_not_a_deadline_at_risk() -> None:
    msg = say("I am alone in the kitchen today. Can you help me with the washing up until 5? Tomorrow I do the floors.",
              "en", style="workplace", to="Yusuf")
    assert "risk" not in msg.lower() and "until 5" in msg


def test_short_keeps_the_lead_when_the_ask_is_a_few_words() -> None:
    msg = say("my hearing aid is whistling and i cant find the number for the clinic can you help me call", "en",
              style="short")
    assert "hearing aid" in msg and "Could you help me call?" in msg


@pytest.mark.parametrize("text,banned,wanted", [
    ("マイナンバー の 手紙 が 来て 書いて あんだ けど わがんね どう すれば いいん だべ", ["わがんね", "だべ"],
     "どうすればいいんでしょうか"),
])
def test_more_dialects_in_a_polite_message(text: str, banned: list[str], wanted: str) -> None:
    msg = say(text, "ja", politeness="polite")
    assert not any(b in msg for b in banned), msg
    assert wanted in msg, msg


def test_a_spoken_meal_invitation_is_asked() -> None:
    msg = say("最近 ずっと 忙しくて 疲れた 土曜 休み だから ランチ 行かない", "ja", politeness="polite")
    assert "行きませんか" in msg and "行かないんです" not in msg


def test_a_kansai_request_keeps_its_question_mark_in_casual() -> None:
    assert say("倉庫 の 鍵 持って きて くれへん", "ja", politeness="casual").endswith("くれへん？")


@pytest.mark.parametrize("text,lang", [
    ("i've been really anxious about the exams and i can't focus could we maybe talk after dinner", "en"),
    ("Just had my wisdom teeth out. Can't talk much. Could you pick up soup and ice cream?", "en"),
    ("i get nervous on my own at night since the break in could you stay on the phone for a bit", "en"),
    ("i hurt my wrist at work on the packing line it's really swollen who do i tell", "en"),
    ("レジのバーコードリーダーが反応しません。誰か見ていただけませんか", "ja"),
    ("網戸が外れちゃった。直し方わかんないし、虫が入ってくる。今夜来れる？", "ja"),
    ("写真のアップロードがうまくいきません。週末手伝ってもらえないでしょうか", "ja"),
    ("救急車を呼ぶか迷ったときの相談窓口って何番？", "ja"),
])
def test_everyday_words_near_danger_words_raise_nothing(text: str, lang: str) -> None:
    assert not request(text, lang).crisis


@pytest.mark.parametrize("text,lang", [
    ("he hurt my arm and he's still in the house", "en"),
    ("someone is breaking in right now", "en"),
    ("息ができない", "ja"),
])
def test_the_same_words_in_danger_still_raise_a_crisis(text: str, lang: str) -> None:
    assert request(text, lang).crisis


@pytest.mark.parametrize("text,banned,wanted", [
    ("医療費の領収書どうしたらええの？3月15日までやんな", ["やんな", "やん。"], "どうしたらいいですか"),
    ("新しいメニュー表作ったでよ、値段間違っとらんか見たってちょう", ["ちょうさん"], "いただけませんか"),
])
def test_hiroshima_kansai_nagoya_asks(text: str, banned: list[str], wanted: str) -> None:
    msg = say(text, "ja", politeness="polite")
    assert not any(b in msg for b in banned), msg
    assert wanted in msg, msg


def test_own_family_and_titles_get_no_san() -> None:
    # A younger brother is called by his name, which 弟 does not give: no greeting rather than 「弟、」
    # (the eighth reading graded 「弟、」「娘、」「母、」 as wrong); a mother is called お母さん.
    msg = say("月に一度だけでも母の様子を見に来てもらえませんか", "ja", to="弟")
    assert not msg.startswith(("弟、", "弟さん"))
    assert say("週末に電話してもいい？", "ja", to="母").startswith("お母さん、")
    assert say("講習に行ってもいいですか", "ja", to="班長").startswith("班長、")
    assert say("経費精算の締め日を教えてください", "ja", to="経理部").startswith("経理部の皆さん、")


def test_a_question_about_permission_stays_a_question() -> None:
    msg = say("フォークリフトの免許って、会社で取らせてもらえるんですか？", "ja")
    assert "取らせてもらえるんですか" in msg and "いただけませんか" not in msg


def test_a_name_called_at_the_start_of_a_later_sentence_is_the_helper() -> None:
    r = request("ゲーム機のWi-Fi設定わかんない。兄ちゃん今日帰ったらやって", "ja")
    assert r.slots.recipient == "兄ちゃん" and r.message.startswith("兄ちゃん、")
    assert "いただけ" not in r.message


@pytest.mark.parametrize("text,wanted", [
    ("The rota has to go out by Friday and I haven't done the weekends. Could you fill in Saturday?",
     "I haven't done the weekends."),
    ("the recycling needs to go out tonight and i can't get it down the steps could someone do it",
     "get it down the steps."),
    ("Could my neighbour Mrs. Okafor water the plants on Tuesday?", "Mrs. Okafor, could you water"),
    ("The card reader on ward 3 keeps failing. Could someone from clinical IT come?", "from clinical IT come?"),
    ("Do you know how long I have to keep my payslips? The drawer is full.", "how long I have to keep"),
    ("Is there any chance of a lift to the station on Monday?", "Is there any chance of a lift"),
    ("Anyone know when the library opens on bank holidays?", "Anyone know when the library opens"),
    ("The shed roof is leaking. Could my son-in-law Ben bring his drill on Saturday?", "bring your drill"),
    ("i finished the report i'm so relieved could you check it", "report. I'm so relieved"),
    ("could you show me the room i'm staying in tonight", "the room I'm staying in tonight"),
])
def test_english_sentences_after_the_fifth_reading(text: str, wanted: str) -> None:
    assert wanted in say(text, "en").replace("\n", " ")


def test_short_keeps_the_problem_behind_a_brief_ask() -> None:
    msg = say("The ticket printer at the gate is printing blank tickets. We open at 9. Could IT look before then?",
              "en", style="short")
    assert "blank tickets" in msg and "before then" in msg


@pytest.mark.parametrize("text,wanted", [
    ("we're short on the ward tonight and i've got six obs due at ten could one of the bank nurses take bay two",
     "Could one of the bank nurses take bay two?"),
    ("my hearing aid fell behind the sofa and i can't reach down there could you come round",
     "can't reach down there.\nCould you come round?"),
    ("The boiler's making a noise again. Can the gas engineer come out today?", "Can the gas engineer come out today?"),
    ("Could the nurse on call look at Mr Davies before lunch?", "Could the nurse on call look at Mr Davies"),
    ("Could whoever has the van key leave it at reception?", "Could whoever has the van key"),
    ("Could somebody stronger move the bookcase?", "Could somebody stronger move the bookcase?"),
    ("We've had the baby! A little boy, both doing fine. Will call you tomorrow.", "Will call you tomorrow."),
    ("i don't know who else to tell can we talk after work", "who else to tell.\nCan we talk after work?"),
    ("i um i've lost my keys again could you check the car", "I've lost my keys again"),
])
def test_english_after_the_sixth_reading(text: str, wanted: str) -> None:
    assert wanted in say(text, "en")


def test_news_said_with_just_so_you_know_gets_no_ask() -> None:
    assert "?" not in say("Just so you know, I've been moved to the night shift from Monday.", "en")


def test_a_third_party_her_in_a_third_person_ask_stays_her() -> None:
    msg = say("the vet's coming at seven for the injections can Rhys hold the calves for her", "en")
    assert "for her" in msg


def test_a_routine_tablet_is_not_an_overdose() -> None:
    r = request("Migraine's getting worse. Could someone cover the desk for 20 minutes while I take tablets?", "en")
    assert not r.crisis


def test_short_keeps_every_fragment_and_the_hour() -> None:
    assert "Fridge door. Stuck." in say("Fridge door. Stuck. Can't pull. Help.", "en", style="short")
    msg = say("Could someone walk with me to the new clinic on Tuesday? Appointment's at 10:40 and I don't know the way.",
              "en", style="short")
    assert "10:40" in msg


def test_nde_su_is_not_a_negation() -> None:
    r = request("えっと 子ども が 咳 が ひどく て 小児科 に 連れ て いき たい ん です けど 下 の 子 を 見 て て もらえ ます か", "ja")
    assert not r.crisis


@pytest.mark.parametrize("text,wanted,banned", [
    ("棚卸し が 今日 中 に 終わらん け 誰か 一時間 だけ 手伝って くれん", "いただけませんか", ""),
    ("この前は手伝ってくれて、にふぇーでーびる。", "にふぇーでーびる", "にふぇでー"),
    ("最近気持ちが沈んでるから、今度お茶っこでも付き合ってけねすか", "付き合っていただけませんか", "すかです"),
    ("来週の同窓会、場所が変わったって。みんなに回しといて", "回しといていただけませんか", "回しといたんです"),
    ("一人じゃ網がほどけん。明日の朝港へ来てくれんかえ", "ほどけん", "ほどので"),
    ("あのな 明日 の 夕方 店番 代わっ て くれ へん", "明日の夕方店番", "な明日"),
])
def test_japanese_after_the_sixth_reading(text: str, wanted: str, banned: str) -> None:
    msg = say(text, "ja", politeness="polite")
    assert wanted in msg, msg
    assert not banned or banned not in msg, msg


def test_an_older_brother_called_mid_sentence_is_asked_as_family() -> None:
    r = request("ゲーム機がネットにつながらない。今夜約束してるんだけど、お兄ちゃん見てくれない？", "ja")
    assert r.slots.recipient == "お兄ちゃん" and "いただけ" not in r.message


@pytest.mark.parametrize("text,lang", [
    ("the label printer on the ward keeps printing blank labels and we cant send bloods without them", "en"),
    ("I've got a dentist emergency, a cracked tooth. Could someone cover my 2:30?", "en"),
    ("teams keeps kicking me out every few minutes could someone from IT look", "en"),
    ("I cannot move my photos from my old phone. Could you help?", "en"),
    ("Could someone help me with the duvet cover? It beats me every time.", "en"),
    ("My migraine's kicked in. Can someone tell Marcus I'll miss the 3 o'clock?", "en"),
    ("右手がまだ動かないので、ゴミ袋を持っていくのができません。水曜の朝だけお願いできませんか。", "ja"),
])
def test_ordinary_requests_from_the_seventh_reading_raise_nothing(text: str, lang: str) -> None:
    assert not request(text, lang).crisis


@pytest.mark.parametrize("text,lang", [
    ("he beats me when he drinks and he's home now", "en"),
    ("my husband keeps kicking me", "en"),
    ("急に右手が動かない", "ja"),
])
def test_and_the_same_words_in_danger_still_raise_one(text: str, lang: str) -> None:
    assert request(text, lang).crisis


@pytest.mark.parametrize("text,wanted", [
    ("since my flatmate moved out ive been struggling with the rent could we talk", "with the rent. Could we talk?"),
    ("since mum and dad split up ive been struggling to sleep", "Since Mum and Dad split up, I've been struggling"),
    ("if anyone has the old rota could you send it to me", "If anyone has the old rota, could you send it to me?"),
    ("could miss okafor check my form before friday", "Miss Okafor"),
    ("i saw doctor shah about my knee could you drive me next week", "Doctor Shah"),
    ("i miss my mum so much could we talk tonight", "I miss my mum"),
])
def test_unpunctuated_speech_after_the_seventh_reading(text: str, wanted: str) -> None:
    assert wanted in say(text, "en").replace("\n", " ")
