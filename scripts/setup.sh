#!/usr/bin/env bash
# Sets up everything the editor and its tests need, on a fresh Debian machine or an office PC with Python.
# Idempotent: a second run only checks. Uses .venv beside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."

need_debian=()
have() { dpkg -s "$1" >/dev/null 2>&1; }
if command -v dpkg >/dev/null 2>&1; then
  # fonts-wqy-microhei: a CJK font whose PDF text layer extracts correctly (PLATFORM.md);
  # poppler-utils: pdftotext/pdftoppm for the PDF tests; xvfb: a real X server for screenshots;
  # libxcb-*/libegl1/libxkbcommon: what Qt's xcb and offscreen platforms load.
  # binutils/desktop-file-utils: strip, objdump and the .desktop check of the frozen app's test.
  for package in fonts-wqy-microhei poppler-utils xvfb xauth libxcb-icccm4 libxcb-keysyms1 \
                 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 \
                 binutils desktop-file-utils; do
    have "$package" || need_debian+=("$package")
  done
  if [ ${#need_debian[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_debian[@]}" >/dev/null
    else
      echo "缺少系统软件包：${need_debian[*]}（请用 sudo apt-get install 安装）" >&2
    fi
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python - <<'PY' > .venv/requirements.txt
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = project["optional-dependencies"]
print("\n".join(project["dependencies"] + extras["test"] + extras["build"]))
PY
.venv/bin/python -m pip install -q --disable-pip-version-check -r .venv/requirements.txt
# Compiled once here, as an installer would: where PYTHONDONTWRITEBYTECODE is set, Python would
# otherwise recompile every module at each start of the editor.
.venv/bin/python -m compileall -q src main.py >/dev/null
