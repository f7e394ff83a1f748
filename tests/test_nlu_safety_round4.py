"""Emergencies, fourth round: a past time only makes its own clause a story, an emergency said
after an ordinary request still counts, a lone call for help is a crisis, things that are over
are not, and an emergency only the net found goes to the right number first.

Sentences are written for these mechanisms, not copied from the sets they were found on."""

from __future__ import annotations

import pytest

from voice_helper.nlu import safety

from .nlu_support import make_engine, spaced


@pytest.fixture(scope="module")
def engine():
    e = make_engine()
    e.warm()
    return e


def first_number(req) -> str:
    return req.resources[0].number if req.resources else ""


@pytest.mark.parametrize("text, lang", [
    # a history mentioned beside symptoms happening now
    ("My wife's chest is crushing her and she's gone clammy. She had bypass surgery back in 2019.", "en"),
    ("dad's chest really hurts and he's grey in the face he had a heart attack years ago", "en"),
    ("父が胸が締め付けられると言って冷や汗をかいています。去年カテーテルの手術をしました。", "ja"),
    # an emergency said after an ordinary request about a list
    ("Put bread on the shopping list. Oh god, I've sliced my hand on the bread knife and it's pouring.", "en"),
    ("add milk to the list um actually i can't get any air in my chest is so tight", "en"),
    ("買い物リストに牛乳を…あっ、包丁で手を切って血がすごい出てる", "ja"),
    # lying there since last night is happening now
    ("i've been on the bedroom floor since last night and i can't get up", "en"),
])
def test_a_past_time_belongs_to_its_own_clause(engine, text: str, lang: str) -> None:
    req = engine.parse(text, lang)
    assert req.crisis, (text, req.crisis_kind)


@pytest.mark.parametrize("text, lang", [
    ("I had chest pains last year but it was only a pulled muscle.", "en"),
    ("my grandad fell off a ladder years ago and broke his hip, can you remind me to ring him", "en"),
    ("去年、胸が痛くて入院したことがあるけど、今は元気です。", "ja"),
])
def test_a_past_time_near_the_danger_is_still_a_story(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang).crisis


@pytest.mark.parametrize("text, lang, number", [
    ("Ambulance!", "en", "911"),
    ("nine one one now", "en", "911"),
    ("cops, please", "en", "911"),
    ("救急車！", "ja", "119"),
    ("けいさつ よんで", "ja", "110"),
    (spaced("警察、今すぐ"), "ja", "110"),
])
def test_a_call_for_help_said_alone_is_a_crisis(engine, text: str, lang: str, number: str) -> None:
    req = engine.parse(text, lang)
    assert req.crisis and first_number(req) == number, (text, req.urgency, first_number(req))


@pytest.mark.parametrize("text, lang", [
    ("My daughter choked on a carrot at lunch but coughed it straight up and she's giggling now.", "en"),
    ("the gas engineer fixed the leak this morning can you remind me to pay him", "en"),
    ("The show was so funny I couldn't breathe.", "en"),
    ("my colleague stabbed me in the back in the meeting remind me to talk to my manager", "en"),
    ("I don't want to die or anything, I'm just worn out by all of it.", "en"),
    ("ガス漏れは修理済みです。点検の日をメモして。", "ja"),
    ("宿題忘れたのがバレたら先生に殺される", "ja"),
    ("一酸化炭素警報器を買い物リストに入れて", "ja"),
])
def test_what_is_over_or_said_in_jest_is_not_a_crisis(engine, text: str, lang: str) -> None:
    req = engine.parse(text, lang)
    assert not req.crisis, (text, req.crisis_kind)


@pytest.mark.parametrize("text, lang", [
    ("a man has been walking behind me since the station and he speeds up when i do", "en"),
    ("someone is rattling the back door handle and it's three in the morning", "en"),
    ("夜中に誰かが玄関のドアノブをガチャガチャ回してる。一人暮らしなの。", "ja"),
])
def test_being_followed_or_broken_in_on_calls_the_police_first(engine, text: str, lang: str) -> None:
    req = engine.parse(text, lang)
    assert req.crisis and first_number(req) in ("911", "110"), (text, req.crisis_kind)
    assert req.crisis_kind == "violence"


@pytest.mark.parametrize("text, lang, kind", [
    ("there is a man outside who keeps shouting that he will get me", "en", "violence"),
    ("i really don't see the point in carrying on with life any more", "en", "self_harm"),
    ("my neighbour is lying at the bottom of her stairs", "en", "medical"),
    ("知らない男にずっと後ろを歩かれていて怖い", "ja", "violence"),
    ("もう生きていく意味が分からなくなりました", "ja", "self_harm"),
])
def test_an_emergency_only_the_net_found_is_routed_by_what_it_is(engine, text: str, lang: str, kind: str) -> None:
    """The route model, trained on the kinds of the safety lines, picks the first number."""
    assert engine._route(engine._plain(text, lang), lang) == kind


def test_a_time_far_from_the_danger_does_not_make_it_a_story() -> None:
    far = "last year we went to spain for two weeks and it was lovely and now his chest is crushing him"
    hit = safety.check(far, "en")
    assert hit is not None and hit.kind == "chest_pain"
    assert safety.check("his chest was crushing him last year", "en") is None
    # Japanese: a sentence end stops the past time
    assert safety.check("胸が締め付けられて冷や汗が出ています。去年手術しました。", "ja") is not None
    assert safety.check("去年胸が締め付けられて冷や汗が出た", "ja") is None


@pytest.mark.parametrize("text, lang", [
    # a pivot between the ordinary talk and the danger: now
    ("put the news on please oh no my chest is crushing and my arm's gone numb", "en"),
    ("I was watching a film about the war and, hang on, I can't breathe, my throat is closing", "en"),
    ("ドラマの続きを…それより、胸が締め付けられて冷や汗が止まらない", "ja"),
])
def test_a_pivot_before_the_danger_makes_it_now(engine, text: str, lang: str) -> None:
    assert engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text, lang", [
    # the pivot comes after the danger: still a story that is over
    ("My uncle had a heart attack years ago and now he's running half marathons, find him a watch", "en"),
    ("the chip pan caught fire but i put it out and it's all fine now add a fire blanket to the list", "en"),
    ("祖母が餅を詰まらせたけど、背中を叩いたら出てきて、今はお茶を飲んでます。", "ja"),
    ("ガス臭いと思ったら、玉ねぎが腐ってただけだった。", "ja"),
])
def test_what_is_over_stays_over_after_a_pivot(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text, lang", [
    ("my chest feels a bit tight from this cold", "en"),
    ("slightly short of breath after the stairs", "en"),
    ("胸が軽く痛む感じがする", "ja"),
])
def test_a_symptom_said_mildly_is_asked_about_not_called_in(engine, text: str, lang: str) -> None:
    req = engine.parse(text, lang)
    assert not req.crisis and req.urgency.value == "check", (text, req.urgency)


def test_the_japanese_safety_net_reads_morphemes_too(engine) -> None:
    """The Japanese safety and route models carry word features; the intent model does not."""
    assert engine.model("ja", "safety").words and engine.model("ja", "route").words
    assert not engine.model("ja").words and not engine.model("en", "safety").words
    assert any(f.startswith("w:") for f in engine.model("ja", "safety").weights)


@pytest.mark.parametrize("text, lang", [
    # a story marker said as another word form must not hide the danger
    ("He fell off the scaffolding. His leg's broken, the bone is showing.", "en"),
    ("かたほうの手と足がしびれて、うまく歩けないです。さっきからです。", "ja"),
    # a recognizer's katakana run merged into one morpheme
    ("夜中 に 玄関 の ドアノブ ガチャガチャ されて 怖い", "ja"),
])
def test_markers_and_terms_are_found_as_said(engine, text: str, lang: str) -> None:
    assert engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text, lang", [
    ("I used to think about ending my life at uni, but therapy really helped and I'm doing great now.", "en"),
    ("i'm going to kill my flatmate, he ate my cheese again", "en"),
    ("I think I'm going to end it with my girlfriend, how do I say it kindly?", "en"),
    ("高校の頃は毎日死にたいと思ってた。今は仕事も楽しい。", "ja"),
    ("月曜 死にたい(笑) 仕事行きたくない", "ja"),
    ("動画のサブスク、もう終わらせたい。解約方法を教えて。", "ja"),
    ("Our car's blocking the neighbour's drive and I can't get out, can somebody help?", "en"),
])
def test_a_past_a_joke_or_an_ordinary_request_is_not_a_crisis(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text, lang, number", [
    ("Could you read me the weather? Not that it matters, I'm not planning on being around for it.", "en", "988"),
    ("i keep looking up how high the multi storey car park is", "en", "116 123"),  # "car park": the UK's line
    ("薬をためてあります。まだ飲んではいないけど。", "ja", "0570-783-556"),
])
def test_thoughts_of_suicide_in_other_words_reach_the_crisis_line_first(engine, text: str, lang: str, number: str) -> None:
    req = engine.parse(text, lang)
    assert req.crisis and first_number(req) == number, (text, req.urgency, first_number(req))


@pytest.mark.parametrize("text, urgency", [
    # what pocketsphinx heard for "he is hitting me and i'm scared" (Festival kal, clean / 10 dB)
    ("is hitting me and i'm scared", "critical"),
    ("he is a refund i'm scared", "check"),
])
def test_being_hurt_or_afraid_with_words_misheard(engine, text: str, urgency: str) -> None:
    assert engine.parse(text, "en").urgency.value == urgency


def test_afraid_of_something_ordinary_is_not_asked_about(engine) -> None:
    assert engine.parse("i'm scared of my driving test tomorrow can you help me revise", "en").urgency.value != "check"


def test_a_weak_rule_sign_with_the_net_sure_is_a_crisis(engine) -> None:
    """A lone "emergency" is only a weak rule sign; the net is sure, so it is a crisis, not a
    question (both detectors point the same way)."""
    hit, net = engine.danger("help emergency help", "en")
    assert hit is not None and not hit.sure and net == "crisis"
    assert engine.parse("help emergency help", "en").crisis


@pytest.mark.parametrize("text, lang", [
    ("Resident's trach is blocked and he's struggling.", "en"),
    ("Angina. Used the spray three times. Getting worse.", "en"),
    ("my toddler rolled off the bed onto the floor and now he's really sleepy and quiet", "en"),
    ("The landing smoke alarm is going and there's a burning smell from the kids' room.", "en"),
    ("A lad with a knife is chasing me down the road.", "en"),
    ("厨房のダクトから火が出た！消火器が足りない", "ja"),
    ("車に目張りして排ガスを入れた", "ja"),
])
def test_round_six_concepts(engine, text: str, lang: str) -> None:
    assert engine.parse(text, lang).crisis, text


@pytest.mark.parametrize("text, lang", [
    ("buy a new smoke alarm, the old one's battery is dead", "en"),
    ("No break in months, I'm so tired. Is there respite care near me?", "en"),
    ("My physio is trying to kill me, ha. When's my next appointment?", "en"),
    ("おととい救急車を呼んだけど、じいちゃんはもう退院したよ。", "ja"),
])
def test_round_six_near_misses(engine, text: str, lang: str) -> None:
    assert not engine.parse(text, lang).crisis, text
