"""The referral state machine: table-driven and with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkwijzer.care import workflow
from werkwijzer.care.workflow import Action, Actor, State, TransitionError, next_state

PRO = Actor.PROFESSIONAL
PERSON = Actor.PERSON

ALLOWED = [
    (State.REQUESTED, Action.ACCEPT, PRO, State.ACCEPTED),
    (State.REQUESTED, Action.DECLINE, PRO, State.DECLINED),
    (State.ACCEPTED, Action.PLAN_INTAKE, PRO, State.INTAKE_PLANNED),
    (State.INTAKE_PLANNED, Action.PLAN_INTAKE, PRO, State.INTAKE_PLANNED),
    (State.INTAKE_PLANNED, Action.START_CONSULTATIONS, PRO, State.CONSULTATIONS),
    (State.CONSULTATIONS, Action.GIVE_ADVICE, PRO, State.ADVICE_GIVEN),
    (State.ADVICE_GIVEN, Action.CLOSE, PRO, State.CLOSED),
    (State.REQUESTED, Action.WITHDRAW, PERSON, State.WITHDRAWN),
    (State.ACCEPTED, Action.WITHDRAW, PERSON, State.WITHDRAWN),
    (State.INTAKE_PLANNED, Action.WITHDRAW, PERSON, State.WITHDRAWN),
    (State.CONSULTATIONS, Action.WITHDRAW, PERSON, State.WITHDRAWN),
    (State.ADVICE_GIVEN, Action.WITHDRAW, PERSON, State.WITHDRAWN),
]

REFUSED = [
    # wrong role
    (State.REQUESTED, Action.ACCEPT, PERSON, "not-allowed"),
    (State.REQUESTED, Action.DECLINE, PERSON, "not-allowed"),
    (State.CONSULTATIONS, Action.GIVE_ADVICE, PERSON, "not-allowed"),
    (State.ACCEPTED, Action.WITHDRAW, PRO, "not-allowed"),
    # wrong state
    (State.ACCEPTED, Action.ACCEPT, PRO, "not-possible"),
    (State.REQUESTED, Action.PLAN_INTAKE, PRO, "not-possible"),
    (State.REQUESTED, Action.CLOSE, PRO, "not-possible"),
    (State.CLOSED, Action.WITHDRAW, PERSON, "not-possible"),
    (State.DECLINED, Action.WITHDRAW, PERSON, "not-possible"),
    (State.WITHDRAWN, Action.WITHDRAW, PERSON, "not-possible"),
    (State.DECLINED, Action.ACCEPT, PRO, "not-possible"),
    # unknown names
    ("lost", Action.ACCEPT, PRO, "unknown"),
    (State.REQUESTED, "fly", PRO, "unknown"),
    (State.REQUESTED, Action.ACCEPT, "employer", "unknown"),
]


@pytest.mark.parametrize(("state", "action", "actor", "target"), ALLOWED)
def test_allowed_transitions(state, action, actor, target):
    assert next_state(state, action, actor) == target
    assert action in workflow.available_actions(state, actor)


@pytest.mark.parametrize(("state", "action", "actor", "code"), REFUSED)
def test_refused_transitions(state, action, actor, code):
    with pytest.raises(TransitionError) as caught:
        next_state(state, action, actor)
    assert caught.value.code == code


def test_table_covers_every_defined_transition():
    assert {(s, a) for s, a, _actor, _t in ALLOWED} == set(workflow.TRANSITIONS)


def test_final_states_have_no_actions():
    for state in workflow.FINAL_STATES:
        for actor in Actor:
            assert workflow.available_actions(state, actor) == []
        assert workflow.is_final(state)


def test_every_state_entered_has_a_timestamp_field():
    targets = set(workflow.TRANSITIONS.values())
    assert targets == set(workflow.ENTERED_AT)


@settings(max_examples=300, derandomize=True)
@given(
    st.lists(st.tuples(st.sampled_from(list(Action)), st.sampled_from(list(Actor))), max_size=30)
)
def test_no_path_reaches_an_undefined_state(steps):
    state = State.REQUESTED
    for action, actor in steps:
        was_final = workflow.is_final(state)
        try:
            new = next_state(state, action, actor)
        except TransitionError:
            continue
        assert not was_final, "a final state was left"
        assert new in set(State)
        state = new
    assert state in set(State)


@settings(max_examples=200, derandomize=True)
@given(
    st.sampled_from(sorted(workflow.FINAL_STATES)),
    st.sampled_from(list(Action)),
    st.sampled_from(list(Actor)),
)
def test_final_states_are_final(state, action, actor):
    with pytest.raises(TransitionError):
        next_state(state, action, actor)


@settings(max_examples=200, derandomize=True)
@given(st.sampled_from(sorted(workflow.OPEN_STATES)))
def test_person_can_withdraw_from_every_open_state(state):
    assert next_state(state, Action.WITHDRAW, Actor.PERSON) == State.WITHDRAWN


def test_workflow_module_has_no_django_import():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(workflow.__file__).read_text())
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("django") for name in names)


# What the employer who asked sees (issue 18), for every state, before and after the
# person agreed. Unconfirmed referrals only ever stay requested or are withdrawn (the
# pool never sees them), but the function answers for every state all the same.
REQUESTER_STATUS = {
    (State.REQUESTED, False): workflow.RequestStatus.WAITING,
    (State.WITHDRAWN, False): workflow.RequestStatus.NOT_AGREED,
    (State.DECLINED, False): workflow.RequestStatus.NOT_AGREED,
    (State.CLOSED, False): workflow.RequestStatus.NOT_AGREED,
    (State.ACCEPTED, False): workflow.RequestStatus.WAITING,
    (State.INTAKE_PLANNED, False): workflow.RequestStatus.WAITING,
    (State.CONSULTATIONS, False): workflow.RequestStatus.WAITING,
    (State.ADVICE_GIVEN, False): workflow.RequestStatus.WAITING,
    (State.REQUESTED, True): workflow.RequestStatus.AGREED,
    (State.ACCEPTED, True): workflow.RequestStatus.AGREED,
    (State.INTAKE_PLANNED, True): workflow.RequestStatus.AGREED,
    (State.CONSULTATIONS, True): workflow.RequestStatus.AGREED,
    (State.ADVICE_GIVEN, True): workflow.RequestStatus.AGREED,
    (State.CLOSED, True): workflow.RequestStatus.ENDED,
    (State.DECLINED, True): workflow.RequestStatus.ENDED,
    (State.WITHDRAWN, True): workflow.RequestStatus.ENDED,
}


def test_requester_status_table_covers_every_state():
    assert set(REQUESTER_STATUS) == {(s, c) for s in State for c in (False, True)}


@pytest.mark.parametrize(("key", "expected"), REQUESTER_STATUS.items(), ids=str)
def test_status_for_requester(key, expected):
    state, confirmed = key
    assert workflow.status_for_requester(state.value, confirmed) is expected


def test_requester_never_learns_a_care_step():
    """Accepted, intake, consultations and advice all read the same to the employer."""
    seen = {workflow.status_for_requester(s, True) for s in workflow.OPEN_STATES}
    assert seen == {workflow.RequestStatus.AGREED}


def test_status_for_requester_refuses_an_unknown_state():
    with pytest.raises(ValueError):
        workflow.status_for_requester("lost", True)
