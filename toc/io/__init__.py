"""Reading and writing the YAML format (no rules, no graph, no rendering)."""
