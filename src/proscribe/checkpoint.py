"""Signed checkpoints of the journal and ledger heads, checks against them, and offline bundles.

A hash chain shows that nothing was changed *without recomputing the hashes after it*. Someone who
can write the database can recompute them, or cut the last acts and reset the head. A checkpoint
closes that gap: it signs (Ed25519) the sequence number and hash of both heads at one moment. Kept
outside the database (a file, a ticket, an e-mail), it lets ``verify --against`` prove that the
history up to that point is the history that was signed: a rewritten act changes the hash at the
checkpoint's position, a cut tail leaves the journal shorter than it.

The signing key is made on first use and kept in ``$PROSCRIBE_KEY_DIR`` or beside the SQLite
file, readable by its owner only. The key that signed a file is in the file; a check is only as
good as the public key it is pinned to (``--public-key``, or this install's own key).
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson
import sqlalchemy as sa

from proscribe import ledger
from proscribe.canonical import GENESIS_HASH, canonical_json, chain_hash
from proscribe.errors import InputError
from proscribe.integrity import verify_storage
from proscribe.journal import Journal
from proscribe.store import Database
from proscribe.store import tables as t

CHECKPOINT_FORMAT = "proscribe-checkpoint/1"
BUNDLE_FORMAT = "proscribe-bundle/1"
KEY_DIR_VARIABLE = "PROSCRIBE_KEY_DIR"
# What a checkpoint file holds: the signed text, its signature and the signer's public key.
_FILE_FIELDS = ("payload", "signature", "public_key")


# -- keys -----------------------------------------------------------------------------------------


def key_path(db: Database) -> Path:
    """Where the signing key of ``db`` lives: ``$PROSCRIBE_KEY_DIR``, else beside the SQLite file."""
    folder = os.environ.get(KEY_DIR_VARIABLE)
    database = db.engine.url.database if db.is_sqlite else None
    if folder:
        name = (
            f"{Path(database).name}.signing-key.pem"
            if database and database != ":memory:"
            else "proscribe.signing-key.pem"
        )
        return Path(folder) / name
    if not database or database == ":memory:":
        raise InputError(
            f"set {KEY_DIR_VARIABLE}: this database is not a SQLite file, so there is no folder beside it "
            "to keep the checkpoint signing key in",
            location=KEY_DIR_VARIABLE,
        )
    path = Path(database).resolve()
    return path.with_name(f"{path.name}.signing-key.pem")


def _private_key(db: Database, *, create: bool) -> Any:
    """The Ed25519 private key of ``db`` (made and saved with mode 0600 when ``create``), or None."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = key_path(db)
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise InputError(
                f"the signing key can be read by others (mode {mode:04o}); run chmod 600 on it",
                location=str(path),
            )
        try:
            return serialization.load_pem_private_key(path.read_bytes(), password=None)
        except ValueError:
            raise InputError("the signing key file is not a PEM private key", location=str(path)) from None
    if not create:
        return None
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: two first checkpoints at once must not each write a key and sign with different ones.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _private_key(db, create=False)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


def _raw_public(key: Any) -> bytes:
    """The 32 raw bytes of an Ed25519 public key (or of the public half of a private one)."""
    if hasattr(key, "private_bytes"):
        key = key.public_key()
    from cryptography.hazmat.primitives import serialization

    raw: bytes = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw


def public_key_pem(db: Database) -> str:
    """The public half of this install's signing key, as PEM (the key is made if there is none yet)."""
    from cryptography.hazmat.primitives import serialization

    key = _private_key(db, create=True)
    pem: bytes = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return pem.decode("ascii")


def read_public_key(value: str) -> bytes:
    """A public key given by the user: a PEM file, PEM text, or the raw key in base64 (32 bytes)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    text = value
    if "-----BEGIN" not in value and Path(value).is_file():
        text = Path(value).read_text(encoding="ascii", errors="replace")
    if "-----BEGIN" in text:
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except ValueError:
            raise InputError("not a PEM public key", location=value) from None
        if not isinstance(key, Ed25519PublicKey):
            raise InputError("not an Ed25519 public key", location=value)
        return _raw_public(key)
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise InputError(
            "not an Ed25519 public key (PEM file, PEM text or 32 bytes in base64)", location=value
        )
    return raw


def key_id(raw_public: bytes) -> str:
    """A short name for a public key: the first 16 hex digits of its sha256."""
    return hashlib.sha256(raw_public).hexdigest()[:16]


# -- checkpoints ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """A signed pair of heads. ``payload`` is the exact signed text; the other fields are read from it."""

    payload: str
    signature: str
    public_key: str
    journal_seq: int = 0
    journal_hash: str = GENESIS_HASH
    ledger_seq: int = 0
    ledger_hash: str = GENESIS_HASH
    signed_at: str = ""

    @classmethod
    def from_signed(cls, payload: str, signature: str, public_key: str) -> Checkpoint:
        try:
            data = orjson.loads(payload)
            if data.get("format") != CHECKPOINT_FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, not {CHECKPOINT_FORMAT}")
            return cls(
                payload,
                signature,
                public_key,
                int(data["journal"]["seq"]),
                str(data["journal"]["hash"]),
                int(data["ledger"]["seq"]),
                str(data["ledger"]["hash"]),
                str(data["signed_at"]),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"not a proscribe checkpoint: {exc}") from None

    def to_json(self) -> dict[str, Any]:
        return {"payload": self.payload, "signature": self.signature, "public_key": self.public_key}

    @classmethod
    def from_json(cls, data: Any) -> Checkpoint:
        if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in _FILE_FIELDS):
            raise InputError("not a proscribe checkpoint (payload, signature and public_key expected)")
        return cls.from_signed(data["payload"], data["signature"], data["public_key"])

    def write(self, path: Path) -> None:
        path.write_bytes(orjson.dumps(self.to_json(), option=orjson.OPT_INDENT_2) + b"\n")

    @classmethod
    def read(cls, path: Path) -> Checkpoint:
        try:
            data = orjson.loads(path.read_bytes())
        except FileNotFoundError:
            raise InputError("no such checkpoint file", location=str(path)) from None
        except orjson.JSONDecodeError:
            raise InputError("the checkpoint file is not JSON", location=str(path)) from None
        try:
            return cls.from_json(data)
        except InputError as exc:
            raise InputError(exc.message, location=str(path)) from None

    def signature_problem(self, pinned: bytes | None) -> str | None:
        """Why the signature does not hold (None when it does), against ``pinned`` if given."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            raw = base64.b64decode(self.public_key, validate=True)
            signature = base64.b64decode(self.signature, validate=True)
            key = Ed25519PublicKey.from_public_bytes(raw)
        except ValueError:
            return "the public key or signature is not valid base64 Ed25519"
        if pinned is not None and raw != pinned:
            return f"signed by key {key_id(raw)}, not by the expected key {key_id(pinned)}"
        try:
            key.verify(signature, self.payload.encode("utf-8"))
        except InvalidSignature:
            return "the signature does not match the checkpoint (altered, or signed by another key)"
        return None


def _heads(conn: sa.Connection) -> tuple[int, str, int, str]:
    row = conn.execute(
        sa.select(t.journal_head.c.seq, t.journal_head.c.hash).where(t.journal_head.c.id == 1)
    ).first()
    journal_seq, journal_hash = (int(row.seq), str(row.hash)) if row else (0, GENESIS_HASH)
    ledger_seq, ledger_hash = ledger.head(conn)
    return journal_seq, journal_hash, ledger_seq, ledger_hash


def make_checkpoint(db: Database, *, now: dt.datetime | None = None) -> Checkpoint:
    """Verify everything, then sign the journal and ledger heads and store the signed checkpoint.

    Refuses (InputError) to sign a database that does not verify: a signature over a tampered
    state would vouch for it. The key is made on first use (see :func:`key_path`).
    """
    chain = Journal(db).verify()
    if not chain.ok:
        raise InputError(f"refusing to sign: the journal does not verify ({chain.broken})")
    storage = verify_storage(db)
    if not storage.ok:
        raise InputError(f"refusing to sign: {storage.problems[0]} (run proscribe verify)")
    key = _private_key(db, create=True)
    raw = _raw_public(key)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    with db.writing() as conn, conn.begin():
        journal_seq, journal_hash, ledger_seq, ledger_hash = _heads(conn)
        payload = canonical_json(
            {
                "format": CHECKPOINT_FORMAT,
                "journal": {"seq": journal_seq, "hash": journal_hash},
                "ledger": {"seq": ledger_seq, "hash": ledger_hash},
                "signed_at": stamp,
                "key_id": key_id(raw),
            }
        )
        signature = base64.b64encode(key.sign(payload.encode("utf-8"))).decode("ascii")
        checkpoint = Checkpoint.from_signed(payload, signature, base64.b64encode(raw).decode("ascii"))
        conn.execute(
            t.checkpoints.insert().values(
                journal_seq=journal_seq,
                journal_hash=journal_hash,
                ledger_seq=ledger_seq,
                ledger_hash=ledger_hash,
                signed_at=stamp,
                payload=payload,
                signature=checkpoint.signature,
                public_key=checkpoint.public_key,
            )
        )
    return checkpoint


def stored_checkpoints(db: Database) -> list[Checkpoint]:
    """The checkpoints this database has signed, oldest first."""
    query = sa.select(t.checkpoints.c.payload, t.checkpoints.c.signature, t.checkpoints.c.public_key)
    with db.reading() as conn:
        rows = conn.execute(query.order_by(t.checkpoints.c.id)).all()
    return [Checkpoint.from_signed(row.payload, row.signature, row.public_key) for row in rows]


# -- checking a database against a checkpoint ----------------------------------------------------


@dataclass
class AgainstReport:
    """The outcome of :func:`verify_against`."""

    checkpoint: Checkpoint
    key_checked: str  # "pinned", "this install's key" or "the key in the file only"
    problems: list[str] = field(default_factory=list)
    acts_since: int = 0
    ledger_since: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checkpoint": {
                "journal_seq": self.checkpoint.journal_seq,
                "journal_hash": self.checkpoint.journal_hash,
                "ledger_seq": self.checkpoint.ledger_seq,
                "ledger_hash": self.checkpoint.ledger_hash,
                "signed_at": self.checkpoint.signed_at,
            },
            "key_checked": self.key_checked,
            "problems": list(self.problems),
            "acts_since": self.acts_since,
            "ledger_since": dict(self.ledger_since),
        }


def _local_public(db: Database) -> bytes | None:
    try:
        key = _private_key(db, create=False)
    except InputError:
        return None
    return _raw_public(key) if key is not None else None


def _prefix_problem(name: str, conn: sa.Connection, table: sa.Table, seq: int, want: str) -> str | None:
    """Does ``table`` (acts or ledger) still hold, at ``seq``, the row hash the checkpoint signed?"""
    if seq == 0:
        return None
    count = int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
    if count < seq:
        return f"the {name} has {count} rows but the checkpoint signed {seq}: its tail was cut"
    have = conn.execute(sa.select(table.c.hash).where(table.c.seq == seq)).scalar_one_or_none()
    if have != want:
        return f"the {name} row #{seq} has hash {str(have)[:12]}, the checkpoint signed {want[:12]}: history was rewritten"
    return None


def verify_against(db: Database, checkpoint: Checkpoint, public_key: bytes | None = None) -> AgainstReport:
    """Check that the database still holds the history ``checkpoint`` signed, plus what came after.

    The signature is checked against ``public_key`` when given, else against this install's key
    when there is one, else only against the key inside the checkpoint (which proves integrity of
    the file, not who signed it). Then the journal and ledger chains are recomputed end to end and
    each must still have the signed hash at the signed position.
    """
    local = _local_public(db) if public_key is None else None
    pinned = public_key or local
    how = "pinned" if public_key else "this install's key" if local else "the key in the file only"
    report = AgainstReport(checkpoint, how)
    problem = checkpoint.signature_problem(pinned)
    if problem:
        report.problems.append(problem)
    chain = Journal(db).verify()
    if not chain.ok:
        report.problems.append(f"the journal does not verify: {chain.broken}")
    storage = verify_storage(db)
    report.problems.extend(f"storage: {p}" for p in storage.problems)
    with db.reading() as conn:
        for name, table, seq, want in (
            ("journal", t.acts, checkpoint.journal_seq, checkpoint.journal_hash),
            ("ledger", t.ledger, checkpoint.ledger_seq, checkpoint.ledger_hash),
        ):
            found = _prefix_problem(name, conn, table, seq, want)
            if found:
                report.problems.append(found)
        journal_seq, _, _, _ = _heads(conn)
        report.acts_since = max(0, journal_seq - checkpoint.journal_seq)
        since = (
            sa.select(t.ledger.c.kind, sa.func.count())
            .where(t.ledger.c.seq > checkpoint.ledger_seq)
            .group_by(t.ledger.c.kind)
        )
        report.ledger_since = {str(kind): int(n) for kind, n in conn.execute(since)}
    return report


def stored_checkpoint_problems(db: Database) -> list[str]:
    """Stored checkpoints whose signature fails or whose signed heads the chains no longer hold.

    A weak check (whoever can edit the rows can re-sign with a key of their own); the strong one is
    :func:`verify_against` with a checkpoint kept elsewhere and a pinned key.
    """
    problems: list[str] = []
    with db.reading() as conn:
        rows = conn.execute(sa.select(t.checkpoints).order_by(t.checkpoints.c.id)).mappings().all()
        for row in rows:
            label = f"checkpoint #{row['id']}"
            try:
                checkpoint = Checkpoint.from_signed(row["payload"], row["signature"], row["public_key"])
            except InputError as exc:
                problems.append(f"{label}: {exc.message}")
                continue
            columns = (
                row["journal_seq"],
                row["journal_hash"],
                row["ledger_seq"],
                row["ledger_hash"],
                row["signed_at"],
            )
            signed = (
                checkpoint.journal_seq,
                checkpoint.journal_hash,
                checkpoint.ledger_seq,
                checkpoint.ledger_hash,
                checkpoint.signed_at,
            )
            if tuple(columns) != signed:
                problems.append(f"{label}: its columns disagree with its signed payload")
            found = checkpoint.signature_problem(None)
            if found:
                problems.append(f"{label}: {found}")
            for name, table, seq, want in (
                ("journal", t.acts, checkpoint.journal_seq, checkpoint.journal_hash),
                ("ledger", t.ledger, checkpoint.ledger_seq, checkpoint.ledger_hash),
            ):
                found = _prefix_problem(name, conn, table, seq, want)
                if found:
                    problems.append(f"{label}: {found}")
    return problems


# -- bundles --------------------------------------------------------------------------------------


@contextmanager
def _open(path: Path, mode: str, *, gzipped: bool | None = None) -> Iterator[IO[bytes]]:
    """A bundle file, gzip-compressed when its name ends in .gz (or when ``gzipped`` says so)."""
    if gzipped if gzipped is not None else path.suffix == ".gz":
        with gzip.open(path, mode + "b") as handle:
            yield handle  # type: ignore[misc]
    else:
        with path.open(mode + "b") as handle:
            yield handle


@dataclass(frozen=True)
class BundleSummary:
    path: Path
    acts: int
    ledger_rows: int
    checkpoint: Checkpoint


def export_bundle(db: Database, path: Path) -> BundleSummary:
    """Sign a fresh checkpoint and write it with every act and ledger row up to it (JSON lines).

    Line 1 is the header (format, checkpoint with its public key, counts); then one line per act
    ``{"act": [seq, body, prev_hash, hash]}`` and one per ledger row
    ``{"ledger": [seq, kind, ref, digest, prev_hash, hash]}``, in order. ``.gz`` names are gzipped.
    """
    checkpoint = make_checkpoint(db)
    acts = sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash).where(
        t.acts.c.seq <= checkpoint.journal_seq
    )
    rows = sa.select(
        t.ledger.c.seq,
        t.ledger.c.kind,
        t.ledger.c.ref,
        t.ledger.c.digest,
        t.ledger.c.prev_hash,
        t.ledger.c.hash,
    ).where(t.ledger.c.seq <= checkpoint.ledger_seq)
    header = {
        "format": BUNDLE_FORMAT,
        "checkpoint": checkpoint.to_json(),
        "acts": checkpoint.journal_seq,
        "ledger": checkpoint.ledger_seq,
    }
    temporary = path.with_name(path.name + ".part")
    with _open(temporary, "w", gzipped=path.suffix == ".gz") as out, db.engine.connect() as conn:
        out.write(orjson.dumps(header) + b"\n")
        streaming = conn.execution_options(stream_results=True, yield_per=10_000)
        for row in streaming.execute(acts.order_by(t.acts.c.seq)):
            out.write(orjson.dumps({"act": [int(row.seq), row.body, row.prev_hash, row.hash]}) + b"\n")
        for entry in streaming.execute(rows.order_by(t.ledger.c.seq)):
            item = [int(entry.seq), entry.kind, entry.ref, entry.digest, entry.prev_hash, entry.hash]
            out.write(orjson.dumps({"ledger": item}) + b"\n")
    temporary.replace(path)
    return BundleSummary(path, checkpoint.journal_seq, checkpoint.ledger_seq, checkpoint)


@dataclass
class BundleReport:
    """The outcome of :func:`verify_bundle`."""

    checkpoint: Checkpoint | None
    key_checked: str
    acts: int = 0
    ledger_rows: int = 0
    head_hash: str = GENESIS_HASH
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.checkpoint is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "acts": self.acts,
            "ledger_rows": self.ledger_rows,
            "head_hash": self.head_hash,
            "key_checked": self.key_checked,
            "signed_at": self.checkpoint.signed_at if self.checkpoint else None,
            "problems": list(self.problems),
        }


class _ChainCheck:
    """Recomputes one chain row by row, keeping the first problem."""

    def __init__(self, name: str) -> None:
        self.name, self.count, self.prev, self.problem = name, 0, GENESIS_HASH, ""

    def add(self, seq: int, body: str, prev_hash: str, digest: str) -> None:
        if self.problem:
            return
        self.count += 1
        if seq != self.count:
            self.problem = f"{self.name} row #{seq}: expected #{self.count}"
        elif prev_hash != self.prev:
            self.problem = f"{self.name} row #{seq}: previous-hash link does not match the row before it"
        elif chain_hash(self.prev, body) != digest:
            self.problem = f"{self.name} row #{seq}: content does not match its hash"
        self.prev = digest

    def against(self, seq: int, want: str) -> str | None:
        if self.problem:
            return self.problem
        if self.count != seq or self.prev != want:
            return f"the bundle's {self.name} has {self.count} rows ending in {self.prev[:12]}; the checkpoint signed {seq} ending in {want[:12]}"
        return None


def verify_bundle(path: Path, public_key: bytes | None = None) -> BundleReport:
    """Check a bundle offline: its checkpoint's signature, and both chains recomputed up to it.

    Without ``public_key`` the signature is checked only against the key inside the bundle: that
    shows the bundle is whole, not who made it. Needs no database.
    """
    how = "pinned" if public_key else "the key in the bundle only"
    report = BundleReport(None, how)
    acts, rows = _ChainCheck("journal"), _ChainCheck("ledger")
    try:
        with _open(path, "r") as handle:
            lines = iter(handle)
            header = orjson.loads(next(lines, b"{}"))
            if not isinstance(header, dict) or header.get("format") != BUNDLE_FORMAT:
                raise InputError(
                    f"not a proscribe bundle (format {BUNDLE_FORMAT} expected)", location=str(path)
                )
            report.checkpoint = Checkpoint.from_json(header.get("checkpoint"))
            for number, line in enumerate(lines, start=2):
                record = orjson.loads(line)
                if "act" in record:
                    seq, body, prev_hash, digest = record["act"]
                    acts.add(int(seq), str(body), str(prev_hash), str(digest))
                    if not acts.problem and orjson.loads(body).get("seq") != seq:
                        acts.problem = (
                            f"journal row #{seq}: the body says it is act #{orjson.loads(body).get('seq')}"
                        )
                elif "ledger" in record:
                    seq, kind, ref, digest_of, prev_hash, digest = record["ledger"]
                    body = ledger.row_body(int(seq), ledger.LedgerItem(str(kind), str(ref), str(digest_of)))
                    rows.add(int(seq), body, str(prev_hash), str(digest))
                else:
                    raise InputError(f"line {number} is neither an act nor a ledger row", location=str(path))
    except FileNotFoundError:
        raise InputError("no such bundle file", location=str(path)) from None
    except (orjson.JSONDecodeError, ValueError, TypeError, OSError, EOFError) as exc:
        report.problems.append(f"the bundle cannot be read: {exc}")
        return report
    checkpoint = report.checkpoint
    problem = checkpoint.signature_problem(public_key)
    if problem:
        report.problems.append(problem)
    for check, seq, want in (
        (acts, checkpoint.journal_seq, checkpoint.journal_hash),
        (rows, checkpoint.ledger_seq, checkpoint.ledger_hash),
    ):
        found = check.against(seq, want)
        if found:
            report.problems.append(found)
    report.acts, report.ledger_rows, report.head_hash = acts.count, rows.count, acts.prev
    return report
