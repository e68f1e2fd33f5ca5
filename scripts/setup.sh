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
  have locales || need_debian+=(locales)  # zh_CN.UTF-8 below: Chinese dates in Qt's file dialogs under any LANG
  if [ ${#need_debian[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_debian[@]}" >/dev/null
    else
      echo "缺少系统软件包：${need_debian[*]}（请用 sudo apt-get install 安装）" >&2
    fi
  fi
  if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
    if [ "$(id -u)" = 0 ] && [ -f /etc/locale.gen ]; then
      sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
      grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
      locale-gen >/dev/null
    else
      echo "缺少 zh_CN.UTF-8 区域设置（sudo locale-gen zh_CN.UTF-8）：文件对话框中的日期将按系统格式显示" >&2
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
