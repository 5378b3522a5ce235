"""Reading record files: YAML with ``entities:`` and ``acts:``, validated with exact locations.

Every problem becomes one :class:`~proscribe.errors.InputError` naming the
file and the field (``taliban.yaml:acts[0].effective``), raised before
anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from proscribe.dates import check_plausible
from proscribe.errors import InputError
from proscribe.model import Act, Entity
from proscribe.nesting import check_yaml_depth

# Record files are written by people; anything larger is a mistake or an attack.
MAX_RECORD_FILE_BYTES = 20 * 1024 * 1024


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that also refuses YAML anchors and aliases.

    Aliases let a tiny file expand into billions of nodes ("billion laughs");
    record files have no use for them.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.constructor.ConstructorError(
                None, None, "YAML aliases (*name) are not allowed in record files", event.start_mark
            )
        return super().compose_node(parent, index)


@dataclass
class RecordFile:
    path: str
    entities: list[Entity] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)


def _location(prefix: str, loc: tuple[int | str, ...]) -> str:
    text = prefix
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def validation_problem(exc: ValidationError) -> tuple[tuple[int | str, ...], str]:
    """The first problem in a pydantic error, as (field path, readable message)."""
    first = exc.errors()[0]
    message = str(first["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if first["type"] == "extra_forbidden":
        message = "unknown field"
    elif first["type"] == "missing":
        message = "required field is missing"
    elif first["type"] == "too_short" and first["loc"] and first["loc"][-1] == "sources":
        message = "at least one source is required (url or document_hash, and retrieved)"
    elif first["type"] == "enum":
        message = f"'{first.get('input')}' is not allowed: {message.lower()}"
    return tuple(first["loc"]), message


def parse_yaml(text: str, path: str) -> Any:
    # The composer recurses once per level: a deeply nested file would end in a RecursionError.
    check_yaml_depth(text, path)
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise InputError(f"malformed YAML: {exc.problem or exc.context}", location=where) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", location=path) from None


def read_text_file(path: Path, limit: int = MAX_RECORD_FILE_BYTES) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    if path.is_dir():
        raise InputError("expected a YAML file, got a folder", location=str(path))
    if size > limit:
        raise InputError(f"file is {size:,} bytes; the limit is {limit:,}", location=str(path))
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", location=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", location=str(path)) from None


def parse_records(data: Any, path: str) -> RecordFile:
    """Validate parsed YAML: a mapping with ``entities`` and/or ``acts``, or a bare list of acts."""
    if isinstance(data, list):
        data = {"acts": data}
    if not isinstance(data, dict):
        raise InputError("expected a mapping with 'entities:' and/or 'acts:'", location=path)
    unknown = set(data) - {"entities", "acts"}
    if unknown:
        raise InputError(f"unknown section '{sorted(unknown)[0]}' (expected entities, acts)", location=path)
    result = RecordFile(path=path)
    for section, model in (("entities", Entity), ("acts", Act)):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise InputError(f"'{section}' must be a list", location=f"{path}:{section}")
        for index, item in enumerate(items):
            where = f"{path}:{section}[{index}]"
            if not isinstance(item, dict):
                raise InputError("expected a mapping", location=where)
            if section == "acts" and "recorded_at" in item:
                raise InputError(
                    "recorded_at is set by the journal, not by record files", location=f"{where}.recorded_at"
                )
            try:
                parsed = model.model_validate(item)
            except ValidationError as exc:
                loc, message = validation_problem(exc)
                ident = item.get("id")
                label = f"{path}:{section}[{index}]" + (f"({ident})" if isinstance(ident, str) else "")
                raise InputError(message, location=_location(label, loc)) from None
            if isinstance(parsed, Entity):
                result.entities.append(parsed)
            else:
                label = f"{path}:{section}[{index}]" + (f"({parsed.id})" if parsed.id else "")
                check_act_dates(parsed, label)
                result.acts.append(parsed)
    if not result.entities and not result.acts:
        raise InputError("the file records nothing (no entities, no acts)", location=path)
    return result


def check_act_dates(act: Act, where: str) -> None:
    """Refuse an act whose dates cannot be real (before 1945, or more than a year from today).

    ``0001-01-01`` and ``9999-12-31`` are typing slips or probes, and a far-future date would
    make the act look in force (or not) for centuries; :func:`proscribe.dates.check_plausible`.
    """
    dated = {
        "decided": act.decided.earliest if act.decided and act.decided.is_known else None,
        "effective": act.effective.earliest if act.effective and act.effective.is_known else None,
        "published": act.published.earliest if act.published and act.published.is_known else None,
        "observed_after": act.observed_after,
        "observed_by": act.observed_by,
    }
    for index, source in enumerate(act.sources):
        dated[f"sources[{index}].retrieved"] = source.retrieved
    for field_name, day in dated.items():
        if day is None:
            continue
        try:
            check_plausible(day)
        except ValueError as exc:
            raise InputError(str(exc), location=f"{where}.{field_name}") from None


def read_record_file(path: Path) -> RecordFile:
    return parse_records(parse_yaml(read_text_file(path), str(path)), str(path))
