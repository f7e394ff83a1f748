"""The composer: what the person said → a message they would be glad to send.

Edit, don't rebuild: ``en`` and ``ja`` edit the person's own sentences (fillers out, the helper
spoken to, one register); ``message`` places them by role into a style and adds a sentence from
``data/<lang>.yaml`` only for what was not said. ``compose_text`` parses with the intent engine
and applies settings; ``compose_request``/``rerender`` re-render an edited request.
"""

from __future__ import annotations

from ..config import POLITENESS as _POLITENESS
from ..config import STYLES as _STYLES
from .composer import compose_request, compose_text, rerender
from .politeness import RELATION_POLITENESS, choose_politeness
from .render import address_name, load_templates, render

STYLES: list[str] = list(_STYLES)
POLITENESS: list[str] = list(_POLITENESS)

__all__ = ["POLITENESS", "RELATION_POLITENESS", "STYLES", "address_name", "choose_politeness",
           "compose_request", "compose_text", "load_templates", "render", "rerender"]
