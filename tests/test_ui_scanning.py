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


def test_pauses_after_max_rounds_and_resumes_where_it_stopped() -> None:
    pauses: list[bool] = []
    seen: list[str] = []
    s = Scanner(groups(), interval_s=1.0, max_rounds=3, on_pause=pauses.append,
                on_highlight=lambda name, item: seen.append(name))
    s.start(0.0)
    s.tick(8.0)
    assert s.running  # 8 steps: two full rounds of 3 groups and a bit
    s.tick(9.0)
    assert not s.running and s.paused and pauses == [True]  # the third round ended: paused
    assert s.highlighted_name == "nav" and seen[-1] == "nav"  # the highlight shows where it waits
    assert not s.tick(100.0)
    # a press resumes at the same place and selects nothing
    assert s.press_select(101.0) is None
    assert s.running and not s.paused and s.highlighted_name == "nav" and s.level == "groups"
    assert pauses == [True, False]
    assert s.tick(102.0) and s.highlighted_name == "speak"


def test_pause_inside_a_group_resumes_in_that_group() -> None:
    s = Scanner(groups(), interval_s=1.0, max_rounds=1, item_rounds=1)
    s.start(0.0)
    s.tick(2.0)  # actions
    s.press_select(2.5)  # into its items
    s.tick(5.5)  # read, send, keep: one unanswered round of items -> back to the group, paused
    assert s.paused and s.level == "groups" and s.highlighted_name == "actions"
    s.press_next(6.0)
    assert s.running and s.highlighted_name == "actions"


def test_items_are_offered_for_item_rounds_then_back_to_groups() -> None:
    s = Scanner(groups(), interval_s=1.0, max_rounds=5, item_rounds=2)
    s.start(0.0)
    s.press_select(0.5)  # into nav items
    s.tick(3.5)  # compose -> phrases -> history -> (wrap) compose: a second round
    assert s.level == "items" and s.item == "compose" and s.unanswered_rounds == 0
    s.tick(6.5)  # the second round ends
    assert s.level == "groups" and s.highlighted_name == "nav" and s.unanswered_rounds == 1


def test_pause_first_keeps_the_first_place_twice_as_long() -> None:
    s = Scanner(groups(), interval_s=1.0, pause_first=True)
    s.start(0.0)
    assert not s.tick(1.5)  # the first group stays for two intervals
    assert s.tick(2.0) and s.highlighted_name == "speak"
    assert s.tick(3.0) and s.highlighted_name == "actions"  # then one interval each
    s.press_select(3.2)
    assert s.item == "read"
    assert not s.tick(4.9)  # the first item of a group: two intervals again
    assert s.tick(5.2) and s.item == "send"


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


def test_interval_is_clamped_to_half_a_second_to_ten() -> None:
    assert clamp_interval(0.1) == 0.5
    assert clamp_interval(9) == 9.0
    assert clamp_interval(30) == 10.0
    assert Scanner(groups(), interval_s=0.2).interval_s == 0.5
    with pytest.raises(ValueError):
        Scanner(groups(), mode="three-switch")
