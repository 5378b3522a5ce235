"""The domain model, stated once: entities, names, listings, acts.

Everything proscribe knows is an :class:`Act` in the journal. Entities carry
the names (in any script) by which acts and lists refer to an organisation or
person, and the links (predecessor, successor, alias of) that let a query for
"Hayat Tahrir al-Sham" find acts recorded against "Al-Nusrah Front".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from proscribe.dates import PartialDate
from proscribe.jurisdictions import normalise_jurisdiction

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _parse_partial_date(value: Any) -> Any:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date | str | int):
        return PartialDate.parse(value)
    raise ValueError(f"'{value}' is not a date")


def _parse_day(value: Any) -> Any:
    if isinstance(value, str):
        parsed = PartialDate.parse(value)
        if not parsed.is_day:
            raise ValueError(f"'{value}' is not a full date (use YYYY-MM-DD)")
        return parsed.earliest
    return value


LegalDate = Annotated[
    PartialDate,
    BeforeValidator(_parse_partial_date),
    PlainSerializer(str, return_type=str),
]
Day = Annotated[dt.date, BeforeValidator(_parse_day)]


class Action(StrEnum):
    """What an act does. The first six change a listing's status; the rest are procedural steps."""

    DESIGNATED = "designated"
    AMENDED = "amended"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"
    DELISTED = "delisted"
    ANNULLED = "annulled"
    RETRACTED = "retracted"
    PETITION_FILED = "petition_filed"
    HEARING_SCHEDULED = "hearing_scheduled"
    HEARING = "hearing"
    RULING = "ruling"
    BILL_INTRODUCED = "bill_introduced"
    BILL_PASSED_FIRST_READING = "bill_passed_first_reading"
    BILL_PASSED = "bill_passed"
    BILL_APPROVED_UPPER_HOUSE = "bill_approved_upper_house"
    LAW_SIGNED = "law_signed"
    LAW_IN_FORCE = "law_in_force"
    REVIEW_DUE = "review_due"


STATUS_ACTIONS = frozenset(
    {Action.DESIGNATED, Action.AMENDED, Action.SUSPENDED, Action.REINSTATED, Action.DELISTED, Action.ANNULLED}
)


class DelistReason(StrEnum):
    REVOKED = "revoked"
    EXPIRED = "expired"
    ANNULLED_BY_COURT = "annulled_by_court"
    CEASED = "ceased"
    UNSPECIFIED = "unspecified"


class Confidence(StrEnum):
    CONFIRMED = "confirmed"
    PROBABLE = "probable"
    DISPUTED = "disputed"


class NameType(StrEnum):
    PRIMARY = "primary"
    AKA = "aka"
    FKA = "fka"
    WEAK = "weak"


class EntityKind(StrEnum):
    ORGANISATION = "organisation"
    PERSON = "person"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"


class LinkType(StrEnum):
    SUCCESSOR_OF = "successor_of"
    PREDECESSOR_OF = "predecessor_of"
    ALIAS_OF = "alias_of"


_SCRIPT_PREFIXES = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "HEBREW": "Hebr",
    "GREEK": "Grek",
    "DEVANAGARI": "Deva",
    "CJK": "Hani",
    "HIRAGANA": "Hira",
    "KATAKANA": "Kana",
    "HANGUL": "Hang",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
    "THAI": "Thai",
    "TAMIL": "Taml",
    "BENGALI": "Beng",
}


def detect_script(text: str) -> str | None:
    """ISO 15924 code of the first letter's script (``Cyrl`` for "Талибан")."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            for prefix, code in _SCRIPT_PREFIXES.items():
                if name.startswith(prefix):
                    return code
            return None
    return None


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, serialize_by_alias=True)


class Source(Model):
    """Where a fact comes from: a URL or a document (list version) hash, and when it was retrieved."""

    url: str | None = None
    document_hash: str | None = None
    title: str | None = None
    retrieved: Day
    note: str | None = None

    @model_validator(mode="after")
    def _needs_locator(self) -> Source:
        if not self.url and not self.document_hash:
            raise ValueError("a source needs a url or a document_hash")
        return self


class Name(Model):
    """One name of an entity, in its own script, with its language and alias type."""

    value: str = Field(min_length=1)
    type: NameType = NameType.AKA
    lang: str | None = None
    script: str | None = None
    # Set when the name was added from another source (e.g. "un QDe.137"): such names help
    # screening but yield to an entity's own names when a lookup is ambiguous.
    acquired_from: str | None = None
    # Where this name is attested: the url (or document_hash) of one of the entity's sources.
    # Curated names in many scripts come from different sources (an official list, an encyclopaedia).
    source: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _fill_script(self) -> Name:
        if self.script is None:
            object.__setattr__(self, "script", detect_script(self.value))
        return self


class Identifier(Model):
    """A reference number or code a list gives the entity: ("un", "QDe.137"), ("ofac", "16937")."""

    scheme: str = Field(min_length=1)
    value: str = Field(min_length=1)


class EntityLink(Model):
    """A relation between entities: HTS is the successor of Jabhat al-Nusra.

    ``jurisdictions`` limits the link to where it holds legally (in the UK,
    HTS was treated as another name for Al-Qa'ida); empty means everywhere.
    """

    type: LinkType
    target: str
    jurisdictions: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("jurisdictions")
    @classmethod
    def _check_jurisdictions(cls, value: list[str]) -> list[str]:
        return [normalise_jurisdiction(code) for code in value]


class Entity(Model):
    """An organisation or person that acts are about."""

    id: str
    kind: EntityKind = EntityKind.ORGANISATION
    names: list[Name] = Field(min_length=1)
    identifiers: list[Identifier] = Field(default_factory=list)
    links: list[EntityLink] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"'{value}' is not a valid id (lowercase letters, digits, '.', '_', '-')")
        return value

    @model_validator(mode="after")
    def _name_sources_are_entity_sources(self) -> Entity:
        cited = {s.url for s in self.sources if s.url} | {
            s.document_hash for s in self.sources if s.document_hash
        }
        for index, name in enumerate(self.names):
            if name.source is not None and name.source not in cited:
                raise ValueError(
                    f"names[{index}].source '{name.source}' is not the url or document_hash of one of the entity's sources"
                )
        return self

    @property
    def caption(self) -> str:
        for name in self.names:
            if name.type is NameType.PRIMARY:
                return name.value
        return self.names[0].value


class Listing(Model):
    """An entity on one list of one jurisdiction: (Taliban, RU, ru-federal-terrorist-list)."""

    entity: str
    jurisdiction: str
    list_id: str = Field(alias="list")


class Act(Model):
    """One legal step: a designation, a delisting, a court ruling, a bill passed.

    ``decided``/``effective``/``published`` are the legal dates (valid time);
    ``recorded_at`` is when this registry learnt of the act (transaction
    time), set by the journal. ``observed_after``/``observed_by`` bound an
    act seen only as a difference between two versions of a list: it took
    effect after the earlier version's data date and by the later one's. ``supersedes`` names acts this one corrects
    (or, with action ``retracted``, withdraws); ``conflicts_with`` names
    competing readings of the same event that sources disagree on.
    """

    id: str
    jurisdiction: str
    action: Action
    entities: list[str] = Field(default_factory=list)
    list_id: str | None = Field(default=None, alias="list")
    reason: DelistReason | None = None
    effects_maintained: bool | None = None
    decided: LegalDate | None = None
    effective: LegalDate | None = None
    published: LegalDate | None = None
    observed_after: Day | None = None
    observed_by: Day | None = None
    recorded_at: dt.datetime | None = None
    authority: str = Field(min_length=1)
    legal_basis: str | None = None
    instrument: str | None = None
    names: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
    confidence: Confidence = Confidence.CONFIRMED
    supersedes: list[str] = Field(default_factory=list)
    conflicts_with: list[str] = Field(default_factory=list)
    procedure: str | None = None
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"'{value}' is not a valid act id (lowercase letters, digits, '.', '_', '-')")
        return value

    @field_validator("jurisdiction")
    @classmethod
    def _check_jurisdiction(cls, value: str) -> str:
        return normalise_jurisdiction(value)

    @field_validator("entities", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check_consistency(self) -> Act:
        # A status act about unnamed subjects (a batch of individuals) is kept as a record
        # with no listing effect; one that names entities must say which list it changes.
        if self.action in STATUS_ACTIONS and self.entities and not self.list_id:
            raise ValueError(f"a '{self.action.value}' act must name its list")
        if self.list_id and not self.entities:
            raise ValueError("an act with a list must name the entities it concerns")
        if self.action is Action.RETRACTED and not self.supersedes:
            raise ValueError("a 'retracted' act must name the act it retracts in 'supersedes'")
        if self.reason is not None and self.action is not Action.DELISTED:
            raise ValueError("'reason' applies only to 'delisted' acts")
        # Undated acts are allowed (sources sometimes give none), but they must say so with 'unknown'.
        if all(d is None for d in (self.decided, self.effective, self.published, self.observed_by)):
            raise ValueError("an act needs at least one of decided, effective, published (use 'unknown')")
        if self.observed_after and self.observed_by and self.observed_after > self.observed_by:
            raise ValueError("observed_after is later than observed_by")
        if self.id in self.supersedes:
            raise ValueError("an act cannot supersede itself")
        return self

    def listings(self) -> list[Listing]:
        if not self.list_id:
            return []
        return [
            Listing(entity=e, jurisdiction=self.jurisdiction, list_id=self.list_id) for e in self.entities
        ]


class RecordedAct(Model):
    """An act as stored in the journal: its sequence number and place in the hash chain."""

    seq: int
    act: Act
    prev_hash: str
    hash: str
