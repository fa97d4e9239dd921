"""The referral workflow as a pure state machine (no Django import).

requested -> accepted | declined (with reason) -> intake-planned -> consultations
-> advice-given -> closed; the person can withdraw from any open state.
closed, declined and withdrawn are final: nothing leaves them.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    INTAKE_PLANNED = "intake-planned"
    CONSULTATIONS = "consultations"
    ADVICE_GIVEN = "advice-given"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    PLAN_INTAKE = "plan-intake"
    START_CONSULTATIONS = "start-consultations"
    GIVE_ADVICE = "give-advice"
    CLOSE = "close"
    WITHDRAW = "withdraw"


class Actor(StrEnum):
    """Who acts on a referral: the person it is about, or a professional of its provider."""

    PERSON = "person"
    PROFESSIONAL = "professional"


FINAL_STATES = frozenset({State.CLOSED, State.DECLINED, State.WITHDRAWN})
OPEN_STATES = frozenset(State) - FINAL_STATES

# (from state, action) -> to state. Withdraw is added below for every open state.
TRANSITIONS: dict[tuple[State, Action], State] = {
    (State.REQUESTED, Action.ACCEPT): State.ACCEPTED,
    (State.REQUESTED, Action.DECLINE): State.DECLINED,
    (State.ACCEPTED, Action.PLAN_INTAKE): State.INTAKE_PLANNED,
    # A new date for the intake keeps the referral where it is.
    (State.INTAKE_PLANNED, Action.PLAN_INTAKE): State.INTAKE_PLANNED,
    (State.INTAKE_PLANNED, Action.START_CONSULTATIONS): State.CONSULTATIONS,
    (State.CONSULTATIONS, Action.GIVE_ADVICE): State.ADVICE_GIVEN,
    (State.ADVICE_GIVEN, Action.CLOSE): State.CLOSED,
}
TRANSITIONS.update({(state, Action.WITHDRAW): State.WITHDRAWN for state in OPEN_STATES})

ALLOWED_ACTORS: dict[Action, frozenset[Actor]] = {
    Action.ACCEPT: frozenset({Actor.PROFESSIONAL}),
    Action.DECLINE: frozenset({Actor.PROFESSIONAL}),
    Action.PLAN_INTAKE: frozenset({Actor.PROFESSIONAL}),
    Action.START_CONSULTATIONS: frozenset({Actor.PROFESSIONAL}),
    Action.GIVE_ADVICE: frozenset({Actor.PROFESSIONAL}),
    Action.CLOSE: frozenset({Actor.PROFESSIONAL}),
    Action.WITHDRAW: frozenset({Actor.PERSON}),
}

# The timestamp field a model keeps for the moment a state was entered.
ENTERED_AT = {
    State.ACCEPTED: "accepted_at",
    State.DECLINED: "declined_at",
    State.INTAKE_PLANNED: "intake_planned_at",
    State.CONSULTATIONS: "consultations_at",
    State.ADVICE_GIVEN: "advice_given_at",
    State.CLOSED: "closed_at",
    State.WITHDRAWN: "withdrawn_at",
}


class TransitionError(Exception):
    """A transition that the state machine does not allow.

    `code` is "unknown" (not a state or action), "not-possible" (not from this state)
    or "not-allowed" (not for this actor)."""

    def __init__(self, code: str, state: str, action: str, actor: str) -> None:
        super().__init__(f"{code}: {action!r} by {actor!r} from {state!r}")
        self.code = code
        self.state = state
        self.action = action
        self.actor = actor


def next_state(state: str, action: str, actor: str) -> State:
    """The state after `actor` does `action` in `state`; raises TransitionError otherwise."""
    try:
        current, act, who = State(state), Action(action), Actor(actor)
    except ValueError as error:
        raise TransitionError("unknown", str(state), str(action), str(actor)) from error
    target = TRANSITIONS.get((current, act))
    if target is None:
        raise TransitionError("not-possible", current, act, who)
    if who not in ALLOWED_ACTORS[act]:
        raise TransitionError("not-allowed", current, act, who)
    return target


def available_actions(state: str, actor: str) -> list[Action]:
    """The actions `actor` may take in `state`, in the order of the Action enum."""
    return [
        action
        for action in Action
        if (State(state), action) in TRANSITIONS and Actor(actor) in ALLOWED_ACTORS[action]
    ]


def is_final(state: str) -> bool:
    return State(state) in FINAL_STATES


class RequestStatus(StrEnum):
    """All an employer learns of a BACO/KAG request they made for an employee."""

    WAITING = "waiting-for-employee"
    AGREED = "agreed"
    NOT_AGREED = "not-agreed"
    ENDED = "ended"


def status_for_requester(state: str, confirmed: bool) -> RequestStatus:
    """The employer's view of their request: waiting for the employee's agreement, agreed
    (the BACO/KAG has it), not agreed (the employee declined), or ended. No more: not
    whether the BACO/KAG accepted, planned or advised anything."""
    current = State(state)
    if not confirmed:
        return RequestStatus.NOT_AGREED if current in FINAL_STATES else RequestStatus.WAITING
    return RequestStatus.ENDED if current in FINAL_STATES else RequestStatus.AGREED
