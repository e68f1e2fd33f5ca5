"""The domain: the declaration, the indicator framework, the value parser and the checks. No Qt."""

import os

# A pydantic plugin installed elsewhere on an office PC must not hook the validation of a
# clerk's file, and looking for plugins reads every package's metadata at each start.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
