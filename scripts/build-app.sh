#!/usr/bin/env bash
# Builds the installable editor on Linux: dist/perf-target-editor/ (the one-folder bundle with the
# perf-target-editor and perf-target executables) and dist/perf-target-editor_VERSION_ARCH.deb.
#
#   bash scripts/build-app.sh [--no-package] [--dist DIR] [--deb-compression gzip] …   (packaging/build_app.py --help)
#
# It builds in a venv of its own, .venv-build: the project's runtime dependencies and its `build` extra,
# nothing else — whatever a venv holds can end up in the bundle, and the development .venv also carries
# test tools (and whatever was tried in it). BUILD_PYTHON=/path/to/python builds with that interpreter
# instead, installing nothing (it needs the dependencies and the build extra already).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in dpkg-deb objdump strip; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "缺少构建工具：${missing[*]}（Debian：sudo apt-get install binutils dpkg）" >&2
  exit 1
fi

if [ -n "${BUILD_PYTHON:-}" ]; then
  exec "$BUILD_PYTHON" packaging/build_app.py "$@"
fi
venv=${BUILD_VENV:-.venv-build}
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
exec "$venv/bin/python" packaging/build_app.py --install-requirements "$@"
