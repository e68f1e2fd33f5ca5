"""The magic numbers by which the registry (formats.py) knows a container from its first bytes. Kept apart
so a container's reader can check the same number without importing the registry, which loads the readers."""

# An OLE2 compound file: .xls (BIFF8) and WPS .et, and an xlsx encrypted with a password to open.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
