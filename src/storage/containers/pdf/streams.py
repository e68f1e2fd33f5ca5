"""A ceiling on what one PDF stream may inflate to (limits.MAX_PDF_STREAM_BYTES), for pdfminer.

pdfminer inflates a flate stream whole with zlib.decompress: a stream of a few MB inflating to 1 GB costs 2 GB
before anything is found (PLATFORM.md, round 3). pdfminer.pdftypes is given a zlib of its own whose decompress
stops at the ceiling and raises StreamTooLarge; `tripped` remembers it, in case pdfminer swallows the error
somewhere (then the content is not silently left out: table refuses the file all the same).
"""

from __future__ import annotations

import zlib

from ...infra.limits import MAX_PDF_STREAM_BYTES


class StreamTooLarge(Exception):
    """A PDF stream inflates past limits.MAX_PDF_STREAM_BYTES."""


class _Ceiling:
    tripped = False

    def trip(self) -> StreamTooLarge:
        self.tripped = True
        return StreamTooLarge(f"a stream inflates past {MAX_PDF_STREAM_BYTES} bytes")


ceiling = _Ceiling()


class _CappedInflater:
    """zlib.decompressobj() that raises StreamTooLarge once it has given more than the ceiling."""

    def __init__(self, *arguments):
        self._inner = zlib.decompressobj(*arguments)
        self._given = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = MAX_PDF_STREAM_BYTES - self._given + 1
        out = self._inner.decompress(data, room if not max_length else min(max_length, room))
        self._given += len(out)
        if self._given > MAX_PDF_STREAM_BYTES:
            raise ceiling.trip()
        return out

    def flush(self, *arguments) -> bytes:
        out = self._inner.flush(*arguments)
        self._given += len(out)
        if self._given > MAX_PDF_STREAM_BYTES:
            raise ceiling.trip()
        return out

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _CappedZlib:
    """What pdfminer.pdftypes uses of zlib, with the ceiling."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *arguments) -> bytes:
        inflater = zlib.decompressobj(*arguments[:1])
        out = inflater.decompress(data, MAX_PDF_STREAM_BYTES + 1)
        if len(out) > MAX_PDF_STREAM_BYTES:
            raise ceiling.trip()
        if not inflater.eof:  # as zlib.decompress says it, so that pdfminer tries its lenient reading next
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*arguments) -> _CappedInflater:
        return _CappedInflater(*arguments)

    def __getattr__(self, name):
        return getattr(zlib, name)


def install() -> None:
    """Give pdfminer the capped zlib (once; pdfminer is this process's only user of pdftypes) and reset `tripped`."""
    from pdfminer import pdftypes

    if not isinstance(pdftypes.zlib, _CappedZlib):
        pdftypes.zlib = _CappedZlib()
    ceiling.tripped = False
