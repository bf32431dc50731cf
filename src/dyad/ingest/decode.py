"""Bytes to text for every reader: tells binary files from text, honours byte-order marks
and a forced encoding, decodes UTF-8 strictly, normalises line breaks to "\\n" and turns
away text that decodes but is junk. Every refusal is an InputError with a reason a user can
act on. It does not guess legacy encodings silently (it names one in the error instead),
does not change the text otherwise (no Unicode normalisation) and knows no file format
beyond the magic bytes it uses to name a binary file.
"""

from __future__ import annotations

import codecs
import re

from dyad.errors import InputError

# (magic bytes at offset 0, what the file is). ZIP, RIFF, MP4 and bzip2 need more than a
# prefix and are told apart in `binary_kind`.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"(\xb5/\xfd", "a zstd-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office (OLE2: .doc/.xls/.ppt) file"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xca\xfe\xba\xbe", "a Java class or macOS executable"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"PAR1", "a Parquet file"),
    (b"ARROW1", "an Arrow file"),
    (b"\x93NUMPY", "a NumPy array file"),
    (b"\x80\x04\x95", "a Python pickle"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00\x01\x00\x00\x00", "a font file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (        # UTF-32 before UTF-16: FF FE is a prefix
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

SAMPLE = 64 * 1024                   # bytes looked at to tell binary from text
MAX_CONTROL_SHARE = 0.10             # control bytes in the sample above this: binary
MAX_JUNK_SHARE = 0.30                # replacement/control characters in decoded text
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
# Characters Python's str.splitlines() breaks on besides "\n": made "\n" so that every
# stage counts lines the same way.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_JUNK = re.compile("[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LETTER = re.compile(r"[^\W\d_]")
_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060\u00ad")


def binary_kind(data: bytes) -> str | None:
    """What a binary file is, by its magic bytes ("a PDF document"), "" when it is binary
    of an unnamed kind, None when the bytes look like text."""
    head = data[:SAMPLE]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(head)
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file",
                b"AVI ": "an AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "an MP4/QuickTime video or HEIC image"
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return "a bzip2-compressed file"
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None                  # a Unicode text (UTF-16/32 has NUL bytes by nature)
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if _utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return ""
    if head and sum(head.count(bytes([b])) for b in _CONTROL_BYTES) / len(head) > MAX_CONTROL_SHARE:
        return ""
    return None


def _zip_kind(head: bytes) -> str:
    for marker, kind in ((b"word/", "a Word document (.docx)"),
                         (b"xl/", "an Excel workbook (.xlsx)"),
                         (b"ppt/", "a PowerPoint file (.pptx)"),
                         (b"application/epub+zip", "an EPUB e-book"),
                         (b"application/vnd.oasis.opendocument", "an OpenDocument file")):
        if marker in head:
            return kind
    return "a ZIP archive"


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes are plainly UTF-16 text of a Latin-script
    language saved without a byte-order mark (every other byte NUL), else None."""
    n = len(head) - len(head) % 2
    if n < 16:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    half = n // 2
    if odd.count(0) >= 0.9 * half and even.count(0) <= 0.02 * half:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) <= 0.02 * half:
        return "utf-16-be"
    return None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `data` declares, if any."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def normalise_newlines(text: str) -> str:
    """CR LF, lone CR and the other Unicode line separators as "\\n"."""
    return _LINE_BREAKS.sub("\n", text)


def check_binary(path: str, data: bytes) -> None:
    """Raise InputError when `data` is empty or a binary file."""
    if not data:
        raise InputError(path, "empty file (0 bytes)")
    kind = binary_kind(data)
    if kind:
        raise InputError(path, f"not a text file: it is {kind}")
    if kind is not None:
        raise InputError(path, "not a text file: it holds binary data (NUL or control bytes)")


def decode(path: str, data: bytes, encoding: str | None, *, lenient: bool = False) -> str:
    """The text of a file. A byte-order mark decides the encoding; otherwise `encoding` when
    given (the user's --encoding, or a charset a page declares), else strict UTF-8.
    `lenient` replaces undecodable bytes instead of refusing the file (for pages whose
    declared charset has a few stray bytes); the junk check still applies."""
    check_binary(path, data)
    errors = "replace" if lenient else "strict"
    enc = bom_encoding(data)
    if enc is not None:
        body = data[len(_bom_of(enc)):]
        text = _decode_with(path, body, enc, errors)
    elif encoding:
        text = _decode_with(path, data, encoding, errors)
    elif (le_be := _utf16_without_bom(data[:SAMPLE])) is not None:
        text = _decode_with(path, data, le_be, "replace")
    else:
        try:
            text = data.decode("utf-8", errors=errors)
        except UnicodeDecodeError as e:
            raise InputError(path, not_utf8_reason(data, e)) from None
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    check_text(path, text)
    return text


def _bom_of(enc: str) -> bytes:
    return next(bom for bom, e in _BOMS if e == enc)


def _decode_with(path: str, data: bytes, encoding: str, errors: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    try:
        return data.decode(encoding, errors=errors)
    except UnicodeDecodeError as e:
        raise InputError(path, f"cannot be decoded as {encoding} (invalid byte "
                               f"0x{data[e.start]:02X} at offset {e.start})") from None


def not_utf8_reason(data: bytes, e: UnicodeDecodeError) -> str:
    return (f"not valid UTF-8 (invalid byte 0x{data[e.start]:02X} at offset {e.start}); "
            f"re-encode it as UTF-8 or run with --encoding {guess_legacy_encoding(data)}")


def guess_legacy_encoding(data: bytes) -> str:
    """A likely single-byte encoding to suggest for text that is not UTF-8: cp1251 when
    most letters are high bytes (Cyrillic), else cp1252 (Western European). A hint for the
    user, never applied silently."""
    sample = data[:SAMPLE]
    high = sum(1 for b in sample if b >= 0xC0)
    ascii_letters = sum(1 for b in sample if 65 <= b <= 90 or 97 <= b <= 122)
    return "cp1251" if high > ascii_letters else "cp1252"


def check_text(path: str, text: str) -> None:
    """Raise InputError when decoded text is blank, or junk rather than writing."""
    visible = "".join(text.translate(_INVISIBLE).split())
    if not visible:
        raise InputError(path, "the file holds only whitespace" if text else "empty file")
    if not _LETTER.search(visible):
        raise InputError(path, "does not look like text: it has no letters at all")
    junk = len(_JUNK.findall(visible))
    if junk > MAX_JUNK_SHARE * len(visible):
        raise InputError(path, f"does not look like text: {100 * junk // len(visible)}% of "
                               "its characters are control or undecodable characters")
