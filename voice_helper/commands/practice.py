"""`voice-helper practice`: rehearse asking for help, by voice alone.

Works like ``listen``: on the microphone by default; ``--input FILE...`` feeds recorded turns
(one file per turn) through the same recognizer, endpointer and command spotter, and
``--text`` types the turns (as arguments, or one per line on stdin). Every prompt is spoken
(``--tts-dir``: written as numbered WAVs instead) and shown. Each rehearsal is kept in the help
log's practice table; nothing is ever sent to anyone.

``--stats`` shows progress over the last 12 weeks, ``--plan`` the 90-day plan (``--done`` /
``--undo`` mark a step), ``--routes`` where to turn when there is no one to ask, ``--list`` the
scenarios.
"""

from __future__ import annotations

import argparse
import sys

HELP = "Practise asking for help with guided scenarios, by voice, with kind feedback."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("en", "ja"), default=None,
                        help="language of the practice (default: from settings, else en)")
    parser.add_argument("--scenario", metavar="ID", default=None,
                        help="start with this scenario (see --list); default: the first one not yet "
                             "asked well")
    parser.add_argument("--count", type=int, default=None, metavar="N",
                        help="how many scenarios in this run (default: 1 with --scenario, else from "
                             "settings)")
    turns = parser.add_mutually_exclusive_group()
    turns.add_argument("--input", nargs="+", metavar="WAV", default=None,
                       help="recorded turns (WAV), one file per turn, instead of the microphone")
    turns.add_argument("--text", nargs="*", metavar="TURN", default=None,
                       help="typed turns instead of speech (none given: one per line from stdin)")
    parser.add_argument("--engine", choices=("auto", "vosk", "pocketsphinx"), default="auto",
                        help="speech recognizer")
    parser.add_argument("--tts-dir", metavar="DIR", default=None,
                        help="write the spoken prompts here as numbered WAV files (with --input or --text)")
    views = parser.add_mutually_exclusive_group()
    views.add_argument("--stats", action="store_true",
                       help="progress: the last 12 weeks of practice and real asks")
    views.add_argument("--plan", action="store_true", help="the 90-day plan (starts it the first time)")
    views.add_argument("--routes", action="store_true", help="where to turn when there is no one to ask")
    views.add_argument("--list", action="store_true", help="the scenarios, from tiny to hard")
    parser.add_argument("--done", metavar="STEP", default=None, help="with --plan: mark a step done")
    parser.add_argument("--undo", metavar="STEP", default=None, help="with --plan: mark a step not done")
    parser.add_argument("--json", action="store_true", help="with --stats: the figures as JSON")


def run(args: argparse.Namespace) -> int:
    from ..config import load_settings
    from ..errors import UsageError
    from ..textsafe import strip_controls

    settings = load_settings()
    lang = args.lang or (settings.language if settings.language in ("en", "ja") else "en")
    if (args.done or args.undo) and not args.plan:
        raise UsageError("--done and --undo go with --plan")
    if args.json and not args.stats:
        raise UsageError("--json goes with --stats")

    def echo(text: str) -> None:  # recognizer words included: cleaned before the terminal sees them
        print(strip_controls(text, keep_newlines=True), flush=True)

    if args.list:
        return _list(lang, echo)
    if args.routes:
        return _routes(settings, lang, echo)
    from ..store import HelpLog

    with HelpLog.open() as log:
        if args.stats:
            return _stats(log, lang, args.json, echo)
        if args.plan:
            return _plan(log, settings, lang, args.done, args.undo, echo)
        return _practise(args, log, settings, lang, echo)


def _list(lang: str, echo) -> int:  # type: ignore[no-untyped-def]
    from ..practice.data import scenarios

    for s in scenarios(lang):
        extra = " (the helper says no: plan B)" if s.declines else ""
        echo(f"{s.level}  {s.id:<20} {s.title}{extra}")
    return 0


def _routes(settings, lang: str, echo) -> int:  # type: ignore[no-untyped-def]
    from ..practice.routes import region_for, routes_for

    routes, problem = routes_for(region_for(settings, lang))
    if problem:
        print(f"voice-helper practice: {problem}", file=sys.stderr)
    for r in routes:
        echo(r.line())
        if r.source:
            echo(f"    {r.source}")
    return 0


def _stats(log, lang: str, as_json: bool, echo) -> int:  # type: ignore[no-untyped-def]
    from ..practice.progress import progress, stats_lines

    p = progress(log, lang)
    if as_json:
        import json

        print(json.dumps(p.to_dict(), ensure_ascii=False))
        return 0
    for line in stats_lines(p, lang):
        echo(line)
    return 0


def _plan(log, settings, lang: str, done: str | None, undo: str | None,  # type: ignore[no-untyped-def]
          echo) -> int:
    from ..errors import UsageError
    from ..practice import plan
    from ..practice.data import load

    fresh = "started" not in log.plan_marks()
    plan.start(log)
    st = plan.status(log, settings, lang)
    texts = load(lang)["plan"]
    for step_id, verb in ((done, "marked"), (undo, "unmarked")):
        if not step_id:
            continue
        step = st.step(step_id)
        if step is None:
            known = ", ".join(s.id for s in st.steps)
            raise UsageError(f"no plan step {step_id!r} (choose one of: {known})")
        if verb == "marked":
            log.set_plan_mark(step.id)
        else:
            log.clear_plan_mark(step.id)
        echo(texts[verb].format(step=step.text))
        st = plan.status(log, settings, lang)
    for line in plan.plan_lines(st, lang, just_started=fresh):
        echo(line)
    return 0


def _practise(args, log, settings, lang: str, echo) -> int:  # type: ignore[no-untyped-def]
    import shutil
    import tempfile
    from pathlib import Path

    from ..errors import UsageError
    from ..practice import plan
    from ..practice.data import scenario
    from ..practice.feedback import DefaultComposer
    from ..practice.loop import PracticeLoop, TextHearing
    from ..practice.routes import region_for, routes_for
    from ..practice.session import PracticeSession, plan_run
    from ..speech.tts import Speaker
    from .recorded import notice_once, recorded_turns

    if args.scenario:
        scenario(lang, args.scenario)  # an unknown id is a usage error, before anything loads
    if args.count is not None and args.count < 1:
        raise UsageError("--count must be 1 or more")
    count = args.count or (1 if args.scenario else max(1, settings.practice.scenarios_per_run))
    if args.tts_dir and not args.input and args.text is None:
        raise UsageError("--tts-dir goes with --input or --text (on the microphone, prompts are played)")
    files = recorded_turns(args.input)

    good = {a.scenario for a in log.practice_attempts() if a.kind == "ask" and a.next_step is None}
    run = plan_run(lang, good, args.scenario, count)
    composer = DefaultComposer(settings)
    region = region_for(settings, lang)

    def crisis(lang_: str) -> list:
        from .. import nlu

        return list(nlu.crisis_resources(region, settings))

    session = PracticeSession(composer, run, lang=lang, routes=lambda: routes_for(region)[0],
                              crisis_resources=crisis)
    if args.text is not None:
        hearing = TextHearing(args.text if args.text else None, None if args.text else sys.stdin)
    else:
        hearing = _speech_hearing(args, settings, lang, files, echo)
    tts_dir = Path(args.tts_dir) if args.tts_dir else None
    tmp = None
    if files and tts_dir is None:
        tts_dir = tmp = Path(tempfile.mkdtemp(prefix="vh-practice-"))
    unspoken = notice_once(echo)

    if settings.practice.reminders:
        st = plan.status(log, settings, lang)
        note = plan.reminder(st, lang)
        if note:
            echo(note)
    speaker = Speaker(settings, out_dir=tts_dir, on_unspoken=unspoken)
    try:
        composer.warm_up()
        loop = PracticeLoop(session, speaker, hearing, settings=settings, log=log, echo=echo, max_steps=500)
        result = loop.run()
    finally:
        speaker.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    echo(f"outcome: {result.outcome} ({session.attempts} practised, {len(result.heard)} turns)")
    return 0


def _speech_hearing(args, settings, lang: str, files, echo):  # type: ignore[no-untyped-def]
    """The hands-free loop's own hearing, built as ``listen`` builds it (the same recognizer with
    the help-request model, endpointer and command spotter)."""
    from ..speech.endpoint import EndpointConfig, Endpointer
    from ..speech.recognizers import open_recognizer
    from ..speech.spotter import spotter_for
    from ..textsafe import strip_controls
    from ..voice_loop import FileHearing, MicHearing

    recognizer = open_recognizer(lang, args.engine, settings=settings, domain=True)
    endpointer = Endpointer(EndpointConfig.from_settings(settings))
    spotter = spotter_for(recognizer)
    if files:
        return FileHearing(files, recognizer, endpointer, spotter=spotter)
    from ..speech.audio import MicrophoneSource

    source = MicrophoneSource(settings.speech.input_device or None)
    return MicHearing(source, recognizer, endpointer,
                      on_partial=lambda t: print(f"\r… {strip_controls(t)}", end="", flush=True),
                      spotter=spotter)
