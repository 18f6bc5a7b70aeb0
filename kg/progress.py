"""A one-line progress bar on stderr: articles done, rate, and an ETA from the input bytes read.

It draws only when enabled (the CLI enables it when stderr is a terminal and not ``--quiet``) and
at most a few times a second, so it costs nothing measurable on a long run.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from kg.articles import ReadPosition


def format_seconds(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """Call ``update(articles)`` as articles finish, ``close()`` at the end."""

    def __init__(self, position: ReadPosition, *, enabled: bool, stream: TextIO | None = None,
                 interval: float = 0.25):
        self.position, self.enabled, self.interval = position, enabled, interval
        self.stream = stream or sys.stderr
        self.start = self._last = time.monotonic()
        self._width = 0

    def line(self, articles: int, now: float) -> str:
        """The text of the bar after ``articles`` articles at time ``now``."""
        elapsed = max(now - self.start, 1e-9)
        text = f"{articles} articles, {articles / elapsed:.1f}/s, {format_seconds(elapsed)}"
        total, done = self.position.total, self.position.done
        if total and 0 < done <= total:
            percent = 100 * done / total
            eta = elapsed * (total - done) / done
            text += f", {percent:.0f}% read, ETA {format_seconds(eta)}"
        return text

    def update(self, articles: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        self._draw(self.line(articles, now))

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the bar, so the summary line starts on a clean line."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
