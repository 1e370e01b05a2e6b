"""The subcommands: name → (module, one-line summary). Each module has ``configure`` and ``run``."""

COMMANDS: dict[str, tuple[str, str]] = {
    "summary": ("toc.cli.summary", "load a model and print what it holds"),
    "schema": ("toc.cli.schema", "print the JSON Schema of the model format"),
    "fmt": ("toc.cli.fmt", "rewrite a model file in canonical form"),
    "convert": ("toc.cli.convert", "convert a model from one file format to another (YAML, JSON)"),
    "check": ("toc.cli.check", "check models against the rules (for CI and pre-commit)"),
    "diff": ("toc.cli.diff", "what changed between two versions of a model (files or git REV:PATH)"),
    "rules": ("toc.cli.rules", "list the rules, or explain one"),
    "report": ("toc.cli.report", "write the assessment report (Markdown, HTML or JSON)"),
    "render": (
        "toc.cli.render",
        "draw a model (dot, svg, png, pdf, mmd, explorer) or write its logframe (md, csv, html)",
    ),
}
