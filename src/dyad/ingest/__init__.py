"""Reading a corpus: finding its files, their manifest entries, and turning each file's
bytes into Documents (with their posts, for channels). It does not clean, deduplicate or
judge metadata: that is the later stages' work.

    discover(inputs)            -> Discovery (sources in path order, problems)
    load(source, config)        -> Loaded (bytes, fingerprint)       raises InputError
    parse(source, data, config) -> Parsed (documents, problems)      raises InputError

Formats: `.txt`/`.md` (plain text, or a pasted Telegram channel dump, told apart by its
content), `.html`/`.htm`, Telegram Desktop exports (`.json` with a `messages` list), and
`.jsonl`/`.ndjson` (one document a line). `manifest.jsonl` files are metadata, not documents.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest.manifest import MANIFEST_NAME, read_manifest
from dyad.records import Document, FileError, Given

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
STREAM_BYTES = 4 * 2**20        # a JSON Lines file larger than this is read as a stream


@dataclass(frozen=True)
class SourceFile:
    """A file of the corpus: its path relative to the corpus folder (the identity used in
    the output), where it is on disk, and what the manifest says of it."""

    path: str
    abspath: Path
    root: Path
    given: Given | None = None


@dataclass
class Discovery:
    sources: list[SourceFile] = field(default_factory=list)
    problems: list[FileError] = field(default_factory=list)


@dataclass(frozen=True)
class Loaded:
    data: bytes
    fingerprint: str


@dataclass
class Parsed:
    documents: list[Document] = field(default_factory=list)
    problems: list[FileError] = field(default_factory=list)
    fmt: str | None = None


def discover(inputs: list[Path]) -> Discovery:
    """Every supported file under the given folders (recursively) and files, with the
    manifest entry of each. Hidden files and folders are passed over; files of another
    type are reported as problems."""
    out = Discovery()
    seen: set[str] = set()
    for inp in inputs:
        if not inp.exists():
            out.problems.append(FileError(str(inp), "no such file or folder"))
            continue
        root = inp if inp.is_dir() else inp.parent
        files = sorted(_walk(inp)) if inp.is_dir() else [inp]
        manifests: dict[Path, dict[str, Given]] = {}
        listed = [p for p in files if p.name == MANIFEST_NAME]
        if inp.is_file() and (inp.parent / MANIFEST_NAME).is_file():
            listed.append(inp.parent / MANIFEST_NAME)
        for mf in sorted(set(listed)):
            entries, problems = read_manifest(mf)
            manifests[mf.parent] = entries
            out.problems += [FileError(_rel(mf, root), p) for p in problems]
        for f in files:
            if f.name == MANIFEST_NAME:
                continue
            rel = _rel(f, root)
            if f.suffix.lower() not in SUPPORTED:
                out.problems.append(FileError(rel, f"unsupported file type {f.suffix or '(none)'!r}"
                                              " (dyad reads .txt, .md, .html, .htm, .json, .jsonl)"))
                continue
            if rel in seen:
                continue
            seen.add(rel)
            given = _manifest_entry(manifests, f)
            out.sources.append(SourceFile(path=rel, abspath=f, root=root, given=given))
    out.sources.sort(key=lambda s: s.path)
    return out


def _manifest_entry(manifests: dict[Path, dict[str, Given]], f: Path) -> Given | None:
    """The entry for `f` in the nearest manifest above it, keyed by the path relative to
    that manifest's folder."""
    for folder in (f.parent, *f.parent.parents):
        entries = manifests.get(folder)
        if entries is not None:
            entry = entries.get(f.relative_to(folder).as_posix())
            if entry is not None:
                return entry
    return None


def _walk(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / n for n in filenames if not n.startswith(".")]
    return found


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def load(source: SourceFile, config: Config) -> Loaded:
    """The file's bytes and a fingerprint of them and of its manifest entry."""
    _check_size(source, config)
    try:
        data = source.abspath.read_bytes()
    except OSError as e:
        raise InputError(source.path, f"cannot read the file: {e.strerror or e}") from e
    h = hashlib.sha256(data)
    if source.given is not None:
        h.update(json.dumps(source.given.__dict__, sort_keys=True).encode())
    return Loaded(data=data, fingerprint=h.hexdigest())


def _check_size(source: SourceFile, config: Config) -> int:
    suffix = source.abspath.suffix.lower()
    limit = config.max_export_bytes if suffix in JSON_SUFFIXES | JSONL_SUFFIXES \
        else config.max_text_bytes
    try:
        size = source.abspath.stat().st_size
    except OSError as e:
        raise InputError(source.path, f"cannot read the file: {e.strerror or e}") from e
    if size > limit:
        raise InputError(source.path, f"file is {_size(size)}, over the {_size(limit)} "
                                      f"limit for {suffix} files")
    return size


def streamed(source: SourceFile) -> bool:
    """Whether the file is read as a stream (`stream`) rather than whole (`load`, `parse`):
    a JSON Lines file over STREAM_BYTES."""
    if source.abspath.suffix.lower() not in JSONL_SUFFIXES:
        return False
    try:
        return source.abspath.stat().st_size > STREAM_BYTES
    except OSError:
        return False           # `load` says why it cannot be read


def fingerprint(source: SourceFile, config: Config) -> tuple[str, int]:
    """(fingerprint, size) of a file as `load` gives them, read in blocks (not held whole)."""
    size = _check_size(source, config)
    h = hashlib.sha256()
    try:
        with source.abspath.open("rb") as f:
            while block := f.read(2**20):
                h.update(block)
    except OSError as e:
        raise InputError(source.path, f"cannot read the file: {e.strerror or e}") from e
    if source.given is not None:
        h.update(json.dumps(source.given.__dict__, sort_keys=True).encode())
    return h.hexdigest(), size


def stream(source: SourceFile, problems: list[FileError]) -> Iterator[Document]:
    """The documents of a streamed file (`streamed`), read as they are asked for; problems
    with single lines go to `problems`. Raises InputError (when iterated) when the file
    gives no document."""
    from dyad.ingest import jsonl

    return jsonl.stream(source.path, source.abspath, source.given or Given(), problems)


def _size(n: int) -> str:
    """A byte count for a message: "50 MiB", "1.5 KiB", "900 bytes"."""
    for unit, scale in (("MiB", 2**20), ("KiB", 2**10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def parse(source: SourceFile, data: bytes, config: Config) -> Parsed:
    """The documents in one file. Raises InputError when nothing can be read from it."""
    from dyad.ingest import html, jsonl, telegram, text  # the format readers

    suffix = source.abspath.suffix.lower()
    given = source.given or Given()
    if suffix in HTML_SUFFIXES:
        return html.parse(source.path, data, given, config)
    if suffix in JSONL_SUFFIXES:
        return jsonl.parse(source.path, data, given, config)
    if suffix in JSON_SUFFIXES:
        return telegram.parse_export(source.path, data, given, config)
    return text.parse(source.path, data, given, config)
