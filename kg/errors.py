"""The library's one exception hierarchy.

Library code raises these; only the CLI turns them into ``click.ClickException``.
Every message is one line that a user can act on.
"""


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """An input path or file cannot be used (missing, unreadable, empty, not text)."""


class ArticleError(InputError):
    """One article cannot be read; a build skips it and goes on with the others."""


class RDFParseError(KgError):
    """An RDF file given to kg cannot be parsed."""


class ValidationError(KgError):
    """A graph does not conform to the SHACL shapes."""

    def __init__(self, message: str, report_text: str = ""):
        super().__init__(message)
        self.report_text = report_text


class ShapesError(KgError):
    """The shapes use a SHACL feature the compiled validator (kg.shacl_engine) does not implement."""


class QueryError(KgError):
    """A canned query is unknown, malformed, or given a parameter it does not declare."""


class OutputError(KgError):
    """An output cannot be written (unknown format, unwritable path)."""


class ModelError(KgError):
    """A spaCy pipeline named with ``--model`` cannot be loaded."""


class StoreError(KgError):
    """A store cannot be opened, read or written."""


class RemoteError(KgError):
    """A remote store cannot be reached, refuses a request, or answers nonsense."""
