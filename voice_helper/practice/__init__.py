"""Practice: rehearse asking for help by voice alone, with kind feedback (issue 15).

``data`` loads the scenarios (``data/practice_<lang>.yaml``); ``feedback`` reads an attempt with
the composer; ``session`` is the pure state machine one run follows; ``loop`` drives it with
real devices; ``progress`` and ``plan`` read the help log; ``routes`` lists where to turn when
there is no one to ask.
"""

from .data import ELEMENTS, Scenario, scenario, scenarios
from .feedback import Assessment, DefaultComposer, assess
from .session import PracticeSession, plan_run

__all__ = ["ELEMENTS", "Assessment", "DefaultComposer", "PracticeSession", "Scenario", "assess",
           "plan_run", "scenario", "scenarios"]
