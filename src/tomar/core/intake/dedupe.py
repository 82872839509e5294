"""Duplicates: grouping, regrouping, review marks and manual merges.

Signers sharing a normalized email or E.164 phone are one signer (groups are the connected
components, so the result does not depend on import order). Signers whose name and city
match, also across Persian and Latin script, are flagged for review and never merged
silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from ..db import Connection
from ..errors import E, TomarError
from ..vault import Vault
from .audit import audit
from .opening import Contact

REVIEW_DECISIONS = ("keep", "merge", "distinct")


def dedupe(conn: Connection, contacts: Sequence[Contact]) -> None:
    """Join newly stored signers to the groups of everyone sharing an email or phone.

    One query for a whole chunk of signers rather than one each. Groups are connected
    components, so regrouping the touched groups together with the new signers gives
    the same result as adding the signers one by one.
    """
    if not contacts:
        return
    emails = sorted({e for _, e, _ in contacts if e})
    phones = sorted({p for _, _, p in contacts if p})
    rows = conn.execute(
        "SELECT record_id, coalesce(dup_of, record_id), email, phone FROM signers "
        "WHERE voided_by IS NULL AND (email IN (SELECT value FROM json_each(?)) "
        "OR phone IN (SELECT value FROM json_each(?)))",
        (json.dumps(emails), json.dumps(phones)),
    ).fetchall()
    by_key: dict[str, list[tuple[str, str]]] = {}
    for rid, canonical, email, phone in rows:
        for key in (f"e:{email}" if email else "", f"p:{phone}" if phone else ""):
            if key:
                by_key.setdefault(key, []).append((rid, canonical))
    members: set[str] = set()
    canonicals: set[str] = set()
    for rid, email, phone in contacts:
        found = (by_key.get(f"e:{email}", []) if email else []) + (
            by_key.get(f"p:{phone}", []) if phone else []
        )
        others = {canonical for other, canonical in found if other != rid}
        if others:
            members.add(rid)
            canonicals |= others
    if not members:
        return
    for canonical in canonicals:
        members |= group_of(conn, canonical)
    regroup(conn, members)


def group_of(conn: Connection, record_id: str) -> set[str]:
    row = conn.execute(
        "SELECT coalesce(dup_of, record_id) FROM signers WHERE record_id = ?", (record_id,)
    ).fetchone()
    canonical = record_id if row is None else row[0]
    rows = conn.execute(
        "SELECT record_id FROM signers WHERE record_id = ? OR dup_of = ?",
        (canonical, canonical),
    )
    return {r[0] for r in rows} | {record_id}


def regroup(conn: Connection, members: Iterable[str]) -> None:
    """Connected components by email, phone and the organizer's manual merges; the
    earliest signer is the original."""
    rows = conn.execute(
        "SELECT record_id, time, email, phone, voided_by, merged_with FROM signers "
        "WHERE record_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(members)),),
    ).fetchall()
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    live = [row for row in rows if row[4] is None]
    live_ids = {row[0] for row in live}
    for rid, _, email, phone, _, merged_with in live:
        find(rid)
        for key in (f"e:{email}" if email else None, f"p:{phone}" if phone else None):
            if key is not None:
                parent[find(rid)] = find(key)
        if merged_with in live_ids:  # a merge with a signer since voided lapses
            parent[find(rid)] = find(merged_with)
    groups: dict[str, list[tuple[str, str]]] = {}
    for rid, time, *_ in live:
        groups.setdefault(find(rid), []).append((time, rid))
    updates: list[tuple[str | None, str]] = [(None, row[0]) for row in rows if row[4] is not None]
    for group in groups.values():
        group.sort()
        original = group[0][1]
        updates += [(None if rid == original else original, rid) for _, rid in group]
    conn.executemany("UPDATE signers SET dup_of = ? WHERE record_id = ?", updates)


def mark_review(vault: Vault, record_id: str, decision: str, other: str | None = None) -> None:
    """A person's decision on a possible duplicate, audited in the same transaction.

    keep: this signer is the original to count: off the review list, while its
    look-alikes stay on it (to be merged into it or marked distinct); merge: the signer
    becomes a duplicate of `other` (of its original); distinct: a different person, off
    the list and no longer flagging its look-alikes.
    """
    if decision not in REVIEW_DECISIONS:
        raise TomarError(E.INTAKE_UNKNOWN_REVIEW_DECISION)
    with vault.transaction() as conn:
        if (
            conn.execute("SELECT 1 FROM signers WHERE record_id = ?", (record_id,)).fetchone()
            is None
        ):
            raise TomarError(E.INTAKE_NO_SIGNER_WITH_THAT_ID)
        detail = record_id
        if decision == "merge":
            detail = _merge(conn, record_id, other)
        else:
            conn.execute("UPDATE signers SET review = ? WHERE record_id = ?", (decision, record_id))
        audit(conn, f"review {decision}", detail)


def _merge(conn: Connection, record_id: str, other: str | None) -> str:
    """Make a signer (and its group) duplicates of `other`'s original; the audit detail."""
    row = (
        None
        if other is None
        else conn.execute(
            "SELECT coalesce(dup_of, record_id) FROM signers "
            "WHERE record_id = ? AND voided_by IS NULL",
            (other,),
        ).fetchone()
    )
    if row is None or row[0] == record_id:
        raise TomarError(E.INTAKE_CHOOSE_ANOTHER_SIGNER_MERGE)
    conn.execute(
        "UPDATE signers SET dup_of = ?, review = 'merged' WHERE record_id = ? OR dup_of = ?",
        (row[0], record_id, record_id),
    )
    conn.execute("UPDATE signers SET merged_with = ? WHERE record_id = ?", (other, record_id))
    return f"{record_id} -> {row[0]}"


def reopen_review(vault: Vault, record_id: str) -> str:
    """Undo a person's decision on a signer (a mistaken Merge, Keep or Not a duplicate),
    audited in the same transaction like the decision; returns the decision undone.

    keep and distinct just lose their mark, so the signer and its look-alikes are
    flagged again. A merge loses its edge (`merged_with`) and the group it joined is
    regrouped from emails, phones and the other merges, so the signer and the members
    it brought are counted on their own again; their "merged" marks go. On a member that
    came with a merged group, the merge that brought it is undone when there is one.
    """
    with vault.transaction() as conn:
        row = conn.execute(
            "SELECT review, merged_with FROM signers WHERE record_id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise TomarError(E.INTAKE_NO_SIGNER_WITH_THAT_ID)
        review, merged_with = row
        if review is None:
            raise TomarError(E.INTAKE_NO_DECISION_TO_UNDO)
        target = record_id
        if review == "merged" and merged_with is None:
            target = _merge_that_brought(conn, record_id)
        if review == "merged":
            members = group_of(conn, target)
            conn.execute(
                "UPDATE signers SET merged_with = NULL, review = NULL WHERE record_id = ?",
                (target,),
            )
            regroup(conn, members)
            # Members marked "merged" only because they came with this merge's group.
            conn.execute(
                "UPDATE signers SET review = NULL WHERE review = 'merged' "
                "AND merged_with IS NULL AND coalesce(dup_of, record_id) = "
                "(SELECT coalesce(dup_of, record_id) FROM signers WHERE record_id = ?)",
                (target,),
            )
        else:
            conn.execute("UPDATE signers SET review = NULL WHERE record_id = ?", (record_id,))
        audit(conn, "review reopen", f"{target} ({review})")
    return str(review)


def _merge_that_brought(conn: Connection, record_id: str) -> str:
    """The signer whose merge brought `record_id` along, when one merge can have."""
    holders = [
        r[0]
        for r in conn.execute(
            "SELECT record_id FROM signers WHERE merged_with IS NOT NULL "
            "AND review = 'merged' AND record_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(group_of(conn, record_id))),),
        )
    ]
    if len(holders) != 1:
        raise TomarError(E.INTAKE_UNDO_MERGE_ON_ITS_SIGNER)
    return str(holders[0])
