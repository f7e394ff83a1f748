"""Who decides how polite a message is: the person first, then what we know about the recipient.

Order: an explicit choice > the contact's own politeness setting > the contact's relation >
the relation a role word implies when there is no contact ("my manager", 部長: honorific) >
``settings.compose.politeness`` (polite by default). Japanese needs this most (casual to a
friend, keigo to a manager), but English uses the same levels for softer or plainer wording.
"""

from __future__ import annotations

import re

from ..config import POLITENESS, Contact, Settings
from ..errors import UsageError

#: The level a relation usually calls for; a contact's own ``politeness`` overrides it.
RELATION_POLITENESS: dict[str, str] = {
    "friend": "casual",
    "family": "casual",
    "colleague": "polite",
    "carer": "polite",
    "professional": "polite",
    "manager": "honorific",
}


def role_relation(recipient: str | None, lang: str) -> str | None:
    """The relation a role word implies ("my manager", 「部長」), from the language's data."""
    if not recipient:
        return None
    from .render import load_templates

    roles = load_templates(lang if lang in ("en", "ja") else "en").get("role_relations", {})
    key = re.sub(r"^(?:my|the|our|a)\s+", "", recipient.strip(), flags=re.IGNORECASE)
    key = re.sub(r"(?<=.)(?:には|に|へ)$", "", key.replace(" ", "") if lang == "ja" else key)
    return roles.get(key.casefold()) or roles.get(key)


def choose_politeness(explicit: str | None, contact: Contact | None, settings: Settings,
                      relation: str | None = None) -> str:
    """``relation`` is used when there is no contact (a role word like 部長 said aloud)."""
    if explicit:
        if explicit not in POLITENESS:
            raise UsageError(f"unknown politeness {explicit!r} (choose {', '.join(POLITENESS)})")
        return explicit
    if contact is not None:
        if contact.politeness in POLITENESS:
            return contact.politeness
        if contact.relation in RELATION_POLITENESS:
            return RELATION_POLITENESS[contact.relation]
    elif relation in RELATION_POLITENESS:
        return RELATION_POLITENESS[relation]
    level = settings.compose.politeness
    return level if level in POLITENESS else "polite"
