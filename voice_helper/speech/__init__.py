"""Speech in and out: audio sources, endpointing, recognizers, the model manager and TTS.

Kept light on purpose: nothing heavy (numpy, soxr, vosk, pocketsphinx, sounddevice) is imported
here, so ``import voice_helper.speech.models`` stays fast and the CLI starts quickly. Import the
submodule you need (``voice_helper.speech.audio``, ``.recognizers``, ``.endpoint``, ``.models``).
"""
