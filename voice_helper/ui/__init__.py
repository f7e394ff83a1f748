"""The accessible Textual UI (``voice-helper`` with no arguments): see ``app.VoiceHelperApp``.

Nothing is imported here, so ``import voice_helper.ui.scanning`` stays free of Textual.
"""
