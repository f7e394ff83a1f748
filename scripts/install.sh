#!/usr/bin/env bash
# Install voice_helper on a Debian/Ubuntu machine: system packages (only the missing ones),
# then a virtual environment in .venv with the package in it.
#   bash scripts/install.sh          # to use it
#   bash scripts/install.sh --test   # also what the tests need (Festival voices, tmux, pytest...)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Runtime: TTS engine and player, PortAudio for the microphone, sox, Open JTalk for Japanese speech,
# sphinxtrain + sphinxbase-utils + pocketsphinx's tools for learning a voice (voice-helper voice learn).
apt_pkgs=(python3-venv espeak-ng alsa-utils libportaudio2 sox libsndfile1 open-jtalk open-jtalk-mecab-naist-jdic
          sphinxtrain sphinxbase-utils pocketsphinx)
# Tests: Festival makes the test speech; tmux drives the UI as a person would; pocketsphinx-testdata
# has the LibriVox clips scripts/bench_stt.py measures.
[ "$want_test" = 1 ] && apt_pkgs+=(festival festvox-kallpc16k festvox-us-slt-hts tmux sqlite3 pocketsphinx-testdata)

if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for p in "${apt_pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "Not a Debian/Ubuntu system: install espeak-ng, PortAudio and sox with your package manager." >&2
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
# Train and cache the language models now (owner-only, in the user's cache folder), so the first
# request is answered at once instead of after ~20 s of training.
echo "Preparing the language models (English and Japanese, about 20 seconds)..."
.venv/bin/python -c "from voice_helper.nlu.engine import IntentEngine; IntentEngine().warm()" \
  || echo "Could not prepare the language models now; they will be prepared on first use." >&2
echo "Installed. Try: .venv/bin/voice-helper doctor"
