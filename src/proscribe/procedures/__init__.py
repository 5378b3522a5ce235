"""Procedures: the legal machinery that changes lists, as declarative rules and a step engine.

``rules`` loads and validates the rule files (one per procedure and period of
validity), ``durations`` does ISO 8601 date arithmetic, ``engine`` is the pure
state machine, ``cases`` stores cases and appends the acts their steps emit,
``simulate`` enumerates timelines, ``calendar`` writes iCalendar.
"""
