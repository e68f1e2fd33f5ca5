"""The clerk's own 指标库, beside the bundled one: a finance bureau's 指标库 table read from any container the
editor opens (bureau_table, bureau_file) and the local store that keeps it with 我的指标 (local_store)."""
