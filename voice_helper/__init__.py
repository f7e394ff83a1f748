"""voice_helper: say what is hard, once; get a clear, kind help request to read, speak or send."""

__version__ = "0.1.0"
