"""The "learn my voice" conversation: show and say each sentence, hear it, keep its audio.

Hands-free like the help dialog: every prompt is shown and spoken, pauses are the person's own
(the same endpointing and "take your time" settings), nothing is timed out, and at every sentence
skip, go back, repeat and stop work by voice (the command spotter, with rejection: a sentence
that contains "stop" is not "stop"). The audio goes to ``speech.adaptation.learn`` and is never
written anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .dialog import DATA_DIR, Listen, UtteranceHeard, commands_for, grammar_phrases, match_command
from .speech.speakable import speakable

#: Two failed tries at one sentence (silence, or far too few words): go on to the next (the
#: person may not be able to say it). Nothing is timed: a try ends only when a turn does.
TRIES_BEFORE_NEXT = 2
#: A recording with fewer heard words than this share of the sentence's is something else (a
#: cough, "sorry", "what?"), not the sentence: learning from it would teach the wrong sounds.
MIN_WORD_SHARE = 0.4


@dataclass
class LearningResult:
    recordings: list[tuple[bytes, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    stopped: bool = False  # the person said stop
    input_ended: bool = False  # the recorded turns ran out (--input)


class VoiceLearning:
    def __init__(self, speaker: Any, hearing: Any, echo: Callable[[str], None] = print,
                 lang: str = "en") -> None:
        self.speaker = speaker
        self.hearing = hearing
        self.hearing.record = True
        self.echo = echo
        self.lang = lang
        import yaml

        path = DATA_DIR / f"voice_learning_{lang}.yaml"
        self.prompts: dict[str, str] = yaml.safe_load(path.read_text(encoding="utf-8"))["prompts"]
        self.names = commands_for(lang, "learn")
        self.listen = Listen("free", grammar_phrases(lang, self.names))

    def tell(self, key: str, **values: Any) -> None:
        """Shown and spoken: every prompt is both."""
        text = self.prompts[key].format(**values)
        self.echo(text)
        self.speaker.say(speakable(text, self.lang), self.lang)

    def run(self, sentences: list[str]) -> LearningResult:
        result = LearningResult()
        kept: dict[int, tuple[bytes, str]] = {}
        self.tell("learn_intro", count=len(sentences))
        i = 0
        failed = ""  # why the last try at this sentence was not kept: "", "silence", "partial"
        tries = 0
        while i < len(sentences):
            sentence = sentences[i]
            self.echo(f"[{i + 1}/{len(sentences)}] {sentence}")
            self.tell({"": "learn_sentence", "silence": "learn_again", "partial": "learn_partial"}[failed],
                      sentence=sentence)
            self.speaker.wait_idle()  # never listen while speaking
            event = self.hearing.hear(self.listen)
            if event is None:
                result.input_ended = True
                break
            command = None
            if isinstance(event, UtteranceHeard):
                # the dialog's rule: the spotter's phrase, else the words exactly a phrase
                command = (match_command(event.command, self.lang, self.names) if event.command else None) \
                    or match_command(event.text, self.lang, self.names)
                self.echo(f"(heard: {event.text}{f' → {command}' if command else ''})")
                failed = "" if command or self._whole(event.text, sentence) else "partial"
            else:
                self.echo("(heard nothing)")
                failed = "silence"
            if failed:
                tries += 1
                if tries >= TRIES_BEFORE_NEXT:
                    result.skipped.append(sentence)
                    i, tries, failed = i + 1, 0, ""
                continue
            tries = 0
            if command == "stop":
                result.stopped = True
                break
            if command == "skip":
                result.skipped.append(sentence)
                i += 1
            elif command == "go_back":
                i = max(0, i - 1)
                kept.pop(i, None)
            elif command == "repeat":
                continue
            else:
                kept[i] = (self.hearing.last_audio, sentence)
                i += 1
        result.recordings = [kept[k] for k in sorted(kept)]
        return result

    @staticmethod
    def _whole(heard: str, sentence: str) -> bool:
        """Enough words heard to be this sentence, however badly recognised."""
        return len(heard.split()) >= MIN_WORD_SHARE * len(sentence.split())
