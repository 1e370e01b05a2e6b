"""The one exception of the exporters (its own module so that cheap callers need nothing else)."""

__all__ = ["RenderError"]


class RenderError(ValueError):
    """A drawing cannot be made as asked (unknown option value, unknown id, no Graphviz engine)."""
