"""Which members of two builds' archives differ (by content, then by metadata).

    python packaging/archive_diff.py DIST_A DIST_B
"""

from __future__ import annotations

import hashlib
import sys
import tarfile
import zipfile
from pathlib import Path


def members(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (content digest, metadata) for every member."""
    out: dict[str, tuple[str, str]] = {}
    if path.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(path) as z:
            for i in z.infolist():
                meta = f"{i.date_time} {i.external_attr:o} {i.compress_type}"
                out[i.filename] = (hashlib.sha256(z.read(i)).hexdigest(), meta)
    else:
        with tarfile.open(path) as t:
            for m in t.getmembers():
                f = t.extractfile(m) if m.isfile() else None
                digest = hashlib.sha256(f.read()).hexdigest() if f else m.linkname
                meta = f"{m.mtime} {m.uid}:{m.gid} {m.uname}:{m.gname} {m.mode:o}"
                out[m.name] = (digest, meta)
    return out


def main(a: Path, b: Path) -> int:
    for left in sorted(a.glob("tomar-*")):
        right = b / left.name
        if not right.exists() or left.read_bytes() == right.read_bytes():
            continue
        print(f"{left.name}:")
        ma, mb = members(left), members(right)
        for name in sorted(set(ma) | set(mb)):
            x, y = ma.get(name), mb.get(name)
            if x is None or y is None:
                print(f"  only in one build: {name}")
            elif x[0] != y[0]:
                print(f"  content differs: {name}")
            elif x[1] != y[1]:
                print(f"  metadata differs: {name} ({x[1]} / {y[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
