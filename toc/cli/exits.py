"""Exit codes, in one place: 0 clean, 1 findings at or above the failing severity, 2 usage or input."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
