"""Rewrite a .zip/.whl or .tar.gz so that its bytes depend only on the files inside.

Why: two builds of one commit must give the same SHA-256 (docs/INSTALL.md, "Checking a
build"). Archivers record what differs between builds and has nothing to do with the
program: file times, owners, permission bits from the builder's umask, the order the
file system listed the entries in, and the gzip header's own time. This puts entries in
name order, sets every time to SOURCE_DATE_EPOCH (the commit's time), owner root with no
names, modes 0644 (0755 for folders and for files that were executable), and a gzip
header with that same time and no file name. Contents are never changed, so a wheel's
RECORD (hashes of contents) stays right.

    python packaging/normalize.py FILE...      (in place; SOURCE_DATE_EPOCH required)
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import tarfile
import time
import zipfile
from pathlib import Path


def _epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        raise SystemExit("normalize: set SOURCE_DATE_EPOCH (git log -1 --format=%ct)")
    # ZIP times start in 1980; a commit is always later, but keep the archive valid anyway.
    return max(int(value), 315532800)


def _mode(executable: bool, folder: bool = False) -> int:
    return 0o755 if executable or folder else 0o644


def normalize_zip(path: Path, epoch: int) -> None:
    stamp = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        # A wheel's RECORD stays last, where installers expect it; everything else sorted.
        entries.sort(key=lambda e: (e[0].filename.endswith(".dist-info/RECORD"), e[0].filename))
        for info, data in entries:
            new = zipfile.ZipInfo(info.filename, date_time=stamp)
            folder = info.filename.endswith("/")
            executable = bool((info.external_attr >> 16) & 0o111)
            kind = 0o040000 if folder else 0o100000
            new.external_attr = (kind | _mode(executable, folder)) << 16
            new.compress_type = zipfile.ZIP_STORED if folder else zipfile.ZIP_DEFLATED
            new.create_system = 3  # Unix, whatever system built it
            out.writestr(new, data, compresslevel=9)
    path.write_bytes(buf.getvalue())


def normalize_tar_gz(path: Path, epoch: int) -> None:
    with tarfile.open(path, "r:gz") as src:
        members = sorted(src.getmembers(), key=lambda m: m.name)
        files = {m.name: src.extractfile(m).read() for m in members if m.isfile()}  # type: ignore[union-attr]
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as out:
        for m in members:
            m.mtime = epoch
            m.uid = m.gid = 0
            m.uname = m.gname = ""
            m.pax_headers = {}
            m.mode = _mode(bool(m.mode & 0o111), m.isdir())
            out.addfile(m, io.BytesIO(files[m.name]) if m.isfile() else None)
    gz = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=gz, mtime=epoch, compresslevel=9) as z:
        z.write(raw.getvalue())
    path.write_bytes(gz.getvalue())


def main(argv: list[str]) -> int:
    epoch = _epoch()
    for name in argv:
        path = Path(name)
        if path.suffix in (".whl", ".zip"):
            normalize_zip(path, epoch)
        elif name.endswith(".tar.gz"):
            normalize_tar_gz(path, epoch)
        else:
            raise SystemExit(f"normalize: not a .whl, .zip or .tar.gz: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
