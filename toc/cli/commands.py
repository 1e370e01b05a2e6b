"""The subcommands: name → (module, one-line summary). Each module has ``configure`` and ``run``."""

COMMANDS: dict[str, tuple[str, str]] = {
    "summary": ("toc.cli.summary", "load a model and print what it holds"),
    "schema": ("toc.cli.schema", "print the JSON Schema of the model format"),
    "fmt": ("toc.cli.fmt", "rewrite a model file in canonical form"),
}
