"""The switch-scanning state machine, driven by a fake clock (no terminal, no timers)."""

from __future__ import annotations

import pytest

from voice_helper.ui.scanning import ScanGroup, Scanner, clamp_interval


def groups() -> list[ScanGroup[str]]:
    return [ScanGroup("nav", ["compose", "phrases", "history"]),
            ScanGroup("speak", ["speak"]),
            ScanGroup("actions", ["read", "send", "keep"])]


def test_groups_then_items_and_restart_after_selection() -> None:
    seen: list[str] = []
    s = Scanner(groups(), interval_s=2.0, on_highlight=lambda name, item: seen.append(name))
    s.start(0.0)
    assert s.highlighted_name == "nav"
    assert not s.tick(1.9)  # not yet an interval
    assert s.tick(2.0) and s.highlighted_name == "speak"
    assert s.tick(4.0) and s.highlighted_name == "actions"
    assert s.press_select(4.5) is None and s.level == "items"  # enter the group
    assert s.item == "read"
    s.tick(6.5)
    assert s.item == "send"
    s.tick(8.5)
    assert s.press_select(9.0) == "keep"
    # restarts at the first group after a selection
    assert s.level == "groups" and s.highlighted_name == "nav" and s.running
    assert seen[:3] == ["nav", "speak", "actions"]


def test_single_item_group_selects_directly() -> None:
    s = Scanner(groups(), interval_s=1.0)
    s.start(0.0)
    s.tick(1.0)
    assert s.press_select(1.2) == "speak"


def test_stops_after_max_rounds_unanswered() -> None:
    s = Scanner(groups(), interval_s=1.0, max_rounds=3)
    s.start(0.0)
    s.tick(8.0)
    assert s.running  # 8 steps: two full rounds of 3 groups and a bit
    s.tick(9.0)
    assert not s.running  # the third round ended with no press
    assert not s.tick(100.0)
    # the select switch starts it again, at the first group
    assert s.press_select(101.0) is None and s.running and s.highlighted_name == "nav"


def test_unanswered_items_round_goes_back_to_groups() -> None:
    s = Scanner(groups(), interval_s=1.0, max_rounds=5)
    s.start(0.0)
    s.press_select(0.5)  # into nav items
    s.tick(3.5)  # compose -> phrases -> history -> (wrap) groups
    assert s.level == "groups" and s.unanswered_rounds == 1


def test_debounce_ignores_a_second_press() -> None:
    s = Scanner(groups(), interval_s=2.0, debounce_s=0.5)
    s.start(0.0)
    assert s.press_select(1.0) is None and s.level == "items"  # enter nav
    assert s.press_select(1.2) is None  # tremor: ignored, nothing chosen
    assert s.level == "items" and s.item == "compose"
    assert s.press_select(1.8) == "compose"


def test_two_switch_moves_only_on_the_move_switch() -> None:
    s = Scanner(groups(), mode="two-switch", debounce_s=0.0)
    s.start(0.0)
    assert not s.tick(60.0)  # nothing moves by itself
    assert s.highlighted_name == "nav"
    s.press_next(1.0)
    s.press_next(2.0)
    assert s.highlighted_name == "actions"
    s.press_select(3.0)
    s.press_next(4.0)
    assert s.press_select(5.0) == "send"
    # many rounds of moving never stop two-switch scanning
    for t in range(6, 60):
        s.press_next(float(t))
    assert s.running


def test_interval_is_clamped_to_half_a_second_to_five() -> None:
    assert clamp_interval(0.1) == 0.5
    assert clamp_interval(9) == 5.0
    assert Scanner(groups(), interval_s=0.2).interval_s == 0.5
    with pytest.raises(ValueError):
        Scanner(groups(), mode="three-switch")
