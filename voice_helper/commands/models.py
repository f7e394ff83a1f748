"""`voice-helper models`: list, download, remove and locate speech models."""

from __future__ import annotations

import argparse
import sys

HELP = "List, download, remove and locate speech models."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    p = sub.add_parser("list", help="installed models and where they are")
    p.add_argument("--available", action="store_true", help="also fetch the list of downloadable models")
    p.add_argument("--lang", help="only this language (en, ja, ko...)")
    p = sub.add_parser("download", help="download, verify and install a Vosk model")
    p.add_argument("lang", help="language code: en, ja, ko...")
    p.add_argument("--size", choices=("small", "large"), default="small",
                   help="small (fast, ~50 MB) or large (more accurate, GBs)")
    p = sub.add_parser("remove", help="delete a model from the models folder")
    p.add_argument("name", help="the model's folder name (see: models list)")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask")
    p = sub.add_parser("path", help="print the folder of the model used for a language")
    p.add_argument("lang", nargs="?", help="language code; without it, the models folder")


def run(args: argparse.Namespace) -> int:
    from ..config import get_paths
    from ..errors import UsageError
    from ..speech import models as m

    action = args.action or "list"
    if action == "list":
        found = m.find_models(getattr(args, "lang", None))
        if not found:
            print("no Vosk models installed")
        for info in found:
            print(f"{info.name}\t{info.lang or '?'}\t{info.source}\t{info.path}")
        from ..speech.recognizers import pocketsphinx_available

        if pocketsphinx_available() and getattr(args, "lang", None) in (None, "en"):
            import pocketsphinx

            print(f"pocketsphinx-en-us\ten\tbuilt-in\t{pocketsphinx.get_model_path()}/en-us")
        if getattr(args, "available", False):
            listed = [r for r in m.fetch_model_list() if not r.obsolete
                      and (not args.lang or m._lang_matches(r.lang, args.lang))]
            print("\navailable to download:")
            for r in listed:
                if not r.problem:
                    print(f"{r.name}\t{r.lang}\t{r.type}\t{r.size / 1e6:.0f} MB")
            refused = [r for r in listed if r.problem]
            if refused:
                print(f"voice-helper models: {len(refused)} list entries refused (e.g. {refused[0].name}: "
                      f"{refused[0].problem})", file=sys.stderr)
        return 0
    if action == "download":
        progress = m.TextProgress(f"downloading {args.lang} model")
        info = m.download_model(args.lang, args.size, progress=progress)
        print(f"installed {info.name} [{info.lang}] at {info.path}")
        return 0
    if action == "remove":
        dest = get_paths().models_dir
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError(f"remove {args.name}: add --yes to confirm (no terminal to ask)")
            answer = input(f"delete {dest / args.name}? [y/N] ").strip().lower()
            if answer not in ("y", "yes"):
                print("kept")
                return 1
        path = m.remove_model(args.name, dest)
        print(f"removed {path}")
        return 0
    if action == "path":
        if not args.lang:
            print(get_paths().models_dir)
            return 0
        found = m.find_models(args.lang)
        if found:
            print(found[0].path)
            return 0
        if args.lang == "en":
            from ..speech.recognizers import pocketsphinx_available

            if pocketsphinx_available():
                import pocketsphinx

                print(f"{pocketsphinx.get_model_path()}/en-us")
                return 0
        from ..speech.recognizers import ModelMissingError

        raise ModelMissingError(f"no model for {args.lang!r}; run: voice-helper models download {args.lang}")
    raise UsageError(f"unknown action {action!r}")
