"""The SQL that keeps the tables derived from `signers` (migrations 10 and 11).

Kept in the same transaction as the signers change: by triggers on updates and deletes,
and for inserts by intake per chunk (`derived`). The text of a released migration must
not change, so these builders are only ever extended.
"""

from __future__ import annotations

#: Between a ZIP and the district chosen for it in the key of a 'zip' tally.
ZIP_SEP = "|"


def dims(who: str) -> str:
    """The (dimension, key) rows one signer is counted under in `signer_tally`.

    'zip' is the ZIP with the district the organizer chose ("94110|CA-11"): districts are
    resolved when read, against the table loaded then. 'consent': one row per extra
    consent agreed to.
    """
    return f"""
        SELECT 'all' AS d, '' AS k UNION ALL SELECT 'event_name', {who}.event_name
        UNION ALL SELECT 'device', {who}.device UNION ALL SELECT 'day', {who}.day
        UNION ALL SELECT 'country', {who}.country UNION ALL SELECT 'state', {who}.state
        UNION ALL SELECT 'display', {who}.display
        UNION ALL SELECT 'zip', {who}.zip || '{ZIP_SEP}' || coalesce({who}.district, '')
                  WHERE {who}.zip IS NOT NULL
        UNION ALL SELECT 'consent', value FROM json_each({who}.consents)
                  WHERE {who}.consents IS NOT NULL"""


def tally(who: str, sign: str) -> str:
    """One signer's part in `signer_tally` (`who`: new or old), times `sign`."""
    return f"""
        INSERT INTO signer_tally(dim, key, received, uniq, duplicates, voided)
        SELECT d, k, {sign}, {sign} * ({who}.voided_by IS NULL AND {who}.dup_of IS NULL),
               {sign} * ({who}.voided_by IS NULL AND {who}.dup_of IS NOT NULL),
               {sign} * ({who}.voided_by IS NOT NULL)
        FROM ({dims(who)}) WHERE 1
        ON CONFLICT(dim, key) DO UPDATE SET received = received + excluded.received,
            uniq = uniq + excluded.uniq, duplicates = duplicates + excluded.duplicates,
            voided = voided + excluded.voided;"""


def prune_tally(who: str) -> str:
    """Drop the counts that fell to nothing under one signer's keys: a key can name a
    signer (a ZIP+4 here, a name and city in `match_groups`), and a removed or erased
    signer must leave nothing of theirs behind."""
    return f"""
        DELETE FROM signer_tally WHERE received <= 0
            AND (dim, key) IN (SELECT d, k FROM ({dims(who)}));"""


def prune_groups(who: str) -> str:
    """As `_prune_tally`, for `match_groups`."""
    return f"""
        DELETE FROM match_groups WHERE live <= 0
            AND key IN ('n' || {who}.name_city, 't' || {who}.translit);"""


def live(who: str) -> str:
    """A signer counted in `match_groups`: a live original not marked distinct."""
    return (
        f"({who}.voided_by IS NULL AND {who}.dup_of IS NULL "
        f"AND coalesce({who}.review, '') != 'distinct')"
    )


def join(who: str) -> str:
    return f"""
        INSERT INTO match_groups(key, live)
        SELECT k, 1 FROM (SELECT 'n' || {who}.name_city AS k
                          UNION ALL SELECT 't' || {who}.translit)
        WHERE k IS NOT NULL AND {live(who)}
        ON CONFLICT(key) DO UPDATE SET live = live + 1;"""


def leave(who: str) -> str:
    return f"""
        UPDATE match_groups SET live = live - 1
        WHERE {live(who)} AND key IN ('n' || {who}.name_city, 't' || {who}.translit);"""


FTS_COLUMNS = "name, fields, email, phone, event_name"


def fts(who: str, delete: bool) -> str:
    values = ", ".join(f"{who}.{c}" for c in FTS_COLUMNS.split(", "))
    if delete:
        return f"""
        INSERT INTO signers_fts(signers_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', {who}.rowid, {values});"""
    return f"""
        INSERT INTO signers_fts(rowid, {FTS_COLUMNS}) VALUES ({who}.rowid, {values});"""


def derived(where: str) -> list[str]:
    """What the signers `s` matching `where` add to the derived tables of migration 10.

    Run per chunk of inserted signers (`DERIVED_SINCE`) rather than by INSERT triggers:
    a trigger runs a sub-program per row, whose allocations SQLCipher's memory security
    makes costly (2.5 ms per signer measured, against 0.2 ms for three statements per
    chunk of 256). The tables only add up: the state a signer is counted in and later
    changes to it (UPDATE and DELETE triggers) may come in either order.
    """
    alive = live("s")
    state = "s.voided_by, s.dup_of"
    return [
        f"""INSERT INTO signer_tally(dim, key, received, uniq, duplicates, voided)
        SELECT d, k, count(*), sum(voided_by IS NULL AND dup_of IS NULL),
               sum(voided_by IS NULL AND dup_of IS NOT NULL), sum(voided_by IS NOT NULL)
        FROM (SELECT 'all' AS d, '' AS k, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'event_name', s.event_name, {state} FROM signers s
                        WHERE {where}
              UNION ALL SELECT 'device', s.device, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'day', s.day, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'country', s.country, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'state', s.state, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'display', s.display, {state} FROM signers s WHERE {where}
              UNION ALL SELECT 'zip', s.zip || '{ZIP_SEP}' || coalesce(s.district, ''),
                        {state} FROM signers s WHERE {where} AND s.zip IS NOT NULL
              UNION ALL SELECT 'consent', j.value, {state}
                        FROM signers s, json_each(s.consents) AS j
                        WHERE {where} AND s.consents IS NOT NULL)
        GROUP BY d, k
        ON CONFLICT(dim, key) DO UPDATE SET received = received + excluded.received,
            uniq = uniq + excluded.uniq, duplicates = duplicates + excluded.duplicates,
            voided = voided + excluded.voided""",
        f"""INSERT INTO match_groups(key, live)
        SELECT k, count(*) FROM (
            SELECT 'n' || s.name_city AS k FROM signers s WHERE {where} AND {alive}
            UNION ALL SELECT 't' || s.translit FROM signers s WHERE {where} AND {alive})
        WHERE k IS NOT NULL GROUP BY k
        ON CONFLICT(key) DO UPDATE SET live = live + excluded.live""",
        f"""INSERT INTO signers_fts(rowid, {FTS_COLUMNS})
        SELECT s.rowid, {", ".join("s." + c for c in FTS_COLUMNS.split(", "))}
        FROM signers s WHERE {where}""",
    ]


# --- the review queue (migration 11) ---------------------------------------------------


def to_review(who: str) -> str:
    """A signer to review: a live original no person has decided on ("keep": this one is
    the original to count, takes it off the list but still flags its look-alikes;
    "distinct": a different person, takes it off and flags nobody)."""
    return f"({live(who)} AND coalesce({who}.review, '') != 'keep')"


def flagged(who: str) -> str:
    """`who` is to review and in a group of two or more live originals not marked distinct
    with the same name and city, or the same consonant skeleton (`match_groups`, which
    counts the signer itself)."""
    return (
        f"({to_review(who)} AND EXISTS (SELECT 1 FROM match_groups g "
        f"WHERE g.key IN ('n' || {who}.name_city, 't' || {who}.translit) AND g.live > 1))"
    )


#: Rowids of the signers to review, from the groups of two or more (a partial index):
#: how migration 11 fills `review_queue` once.
FLAGGED_ROWIDS = f"""
    SELECT s.rowid FROM match_groups g INDEXED BY match_groups_many
    JOIN signers s INDEXED BY signers_name_city ON s.name_city = substr(g.key, 2)
    WHERE g.live > 1 AND g.key >= 'n' AND g.key < 'o' AND {to_review("s")}
    UNION
    SELECT s.rowid FROM match_groups g INDEXED BY match_groups_many
    JOIN signers s INDEXED BY signers_translit ON s.translit = substr(g.key, 2)
    WHERE g.live > 1 AND g.key >= 't' AND g.key < 'u' AND {to_review("s")}
"""


def _small_keys(whos: tuple[str, ...], prefix: str, column: str) -> str:
    """The keys of `whos` whose group has at most two live members now: one signer's change
    moves a group's count by one, so only such a group can have crossed from one to two
    or back, changing whether its other members are to review. Chosen before any member
    is read, so a large group is never walked."""
    keys = " UNION ".join(f"SELECT {w}.{column} AS k" for w in whos)
    return (
        f"SELECT k FROM ({keys}) WHERE coalesce((SELECT g.live FROM match_groups g "
        f"WHERE g.key = '{prefix}' || k), 0) <= 2"
    )


def requeue(*whos: str) -> str:
    """After one signer changed (`whos`: old, new) or left (old): that signer, and the live
    members of its groups that may have crossed the line, listed again: index lookups,
    whatever the size of its groups (`bench/review_flood.py`)."""
    members = f"""SELECT t.rowid FROM signers t INDEXED BY signers_name_city
        WHERE t.name_city IN ({_small_keys(whos, "n", "name_city")})
        AND t.voided_by IS NULL AND t.dup_of IS NULL
        UNION SELECT t.rowid FROM signers t INDEXED BY signers_translit
        WHERE t.translit IN ({_small_keys(whos, "t", "translit")})
        AND t.voided_by IS NULL AND t.dup_of IS NULL"""
    me = whos[-1]
    return f"""
        DELETE FROM review_queue WHERE rowid = {me}.rowid;
        DELETE FROM review_queue WHERE rowid IN ({members});
        INSERT OR IGNORE INTO review_queue SELECT t.rowid FROM signers t
            WHERE t.rowid IN ({members}) AND {flagged("t")};
        INSERT OR IGNORE INTO review_queue SELECT t.rowid FROM signers t
            WHERE t.rowid = {me}.rowid AND {flagged("t")};"""


def queue_since(where: str) -> str:
    """What the signers `s` matching `where` (just inserted, counted in `match_groups`)
    add to the review queue: those of them to review, and the one earlier member of each
    group they brought from one live member to more (the earlier members of a group that
    had two or more are listed already)."""
    new_live = f"FROM signers s WHERE {where} AND {live('s')}"
    lone = " UNION ALL ".join(
        f"""SELECT t.rowid FROM (SELECT s.{column} AS k, count(*) AS c {new_live}
                AND s.{column} IS NOT NULL GROUP BY 1) AS n
            JOIN match_groups g ON g.key = '{prefix}' || n.k AND g.live = n.c + 1
            JOIN signers t INDEXED BY signers_{column}
                ON t.{column} = n.k AND t.voided_by IS NULL AND t.dup_of IS NULL
            WHERE {flagged("t")}"""
        for prefix, column in (("n", "name_city"), ("t", "translit"))
    )
    return f"""INSERT OR IGNORE INTO review_queue
        SELECT s.rowid FROM signers s WHERE {where} AND {flagged("s")}
        UNION ALL {lone}"""
