"""kg: a knowledge-graph builder for news about conflicts and security."""

__version__ = "0.1.0"
