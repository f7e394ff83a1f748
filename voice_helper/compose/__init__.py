"""The composer: a HelpRequest → a message a person would be glad to send.

``render`` is pure (templates are data in ``templates/<lang>.yaml``); ``compose_text`` parses
with the intent engine and applies settings; ``compose_request``/``rerender`` re-render an
edited request.
"""

from __future__ import annotations

from ..config import POLITENESS as _POLITENESS
from ..config import STYLES as _STYLES
from .composer import compose_request, compose_text, rerender
from .politeness import RELATION_POLITENESS, choose_politeness
from .render import load_templates, render

STYLES: list[str] = list(_STYLES)
POLITENESS: list[str] = list(_POLITENESS)

__all__ = ["POLITENESS", "RELATION_POLITENESS", "STYLES", "choose_politeness", "compose_request",
           "compose_text", "load_templates", "render", "rerender"]
