"""Exit codes shared by every headless command: 0 ok, 1 the file has errors, 2 it cannot be used."""

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2
