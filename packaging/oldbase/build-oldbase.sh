#!/usr/bin/env bash
# Builds the Linux bundle and .deb on an old-glibc base, for UOS V20 / Kylin V10 and other 信创 desktops
# whose glibc is older than the build machine's (a bundle built on Debian 12 needs glibc >= 2.36).
#
#   bash packaging/oldbase/build-oldbase.sh [amd64|arm64] [-- build_app.py options…]
#
# Needs podman or docker (CONTAINER=docker to choose) and the network (Debian's archive, python.org, PyPI).
# arm64 on an x86_64 machine runs under QEMU (qemu-user-static with binfmt: `podman run --rm --privileged
# docker.io/multiarch/qemu-user-static --reset -p yes` once), slowly; natively on an arm64 machine it is as
# fast as amd64. Writes dist-oldbase/ARCH/perf-target-editor/ and dist-oldbase/ARCH/*.deb, then smoke-tests
# the bundle inside the container and fails if it needs a newer glibc than the base's.
#
# NOT RUN YET: the development machine has no container runtime (packaging/oldbase/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

arch=${1:-amd64}
shift || true
[ "${1:-}" = "--" ] && shift
case "$arch" in
  amd64) platform=linux/amd64; base=debian:buster-slim;   pyside=6.9.3;   glibc=2.28 ;;
  arm64) platform=linux/arm64; base=debian:bullseye-slim; pyside=6.8.0.2; glibc=2.31 ;;
  *) echo "用法：build-oldbase.sh amd64|arm64 [-- build_app.py 的参数]" >&2; exit 2 ;;
esac
runtime=${CONTAINER:-$(command -v podman || command -v docker || true)}
if [ -z "$runtime" ]; then
  echo "缺少容器工具：请安装 podman 或 docker" >&2
  exit 1
fi
image="perf-target-editor-oldbase:$arch"
out="dist-oldbase/$arch"
mkdir -p "$out"

"$runtime" build --platform "$platform" --build-arg BASE="$base" -t "$image" packaging/oldbase

# The repository is mounted read-only; the build venv, PyInstaller's work folder and the output live
# outside it, so nothing of the host's .venv or build/ leaks in. PIP_CONSTRAINT pins the PySide6 the base
# allows (pyproject.toml's range allows 6.8-6.11; pip alone would also pick the newest wheel that fits).
"$runtime" run --rm --platform "$platform" \
  -v "$PWD:/src:ro" -v "$PWD/$out:/out" \
  -e PYSIDE="$pyside" -e GLIBC="$glibc" \
  "$image" bash -euo pipefail -c '
    printf "PySide6-Essentials==%s\nshiboken6==%s\n" "$PYSIDE" "$PYSIDE" > /tmp/constraints.txt
    export PIP_CONSTRAINT=/tmp/constraints.txt
    python3.11 -m venv /tmp/venv-build
    /tmp/venv-build/bin/python /src/packaging/build_app.py --install-requirements \
        --dist /out --work /tmp/work "$@"
    bundle=/out/perf-target-editor
    "$bundle/perf-target" selftest
    cp /src/resources/demo-tianhe-2023.json /tmp/demo.json
    set +e; "$bundle/perf-target" check /tmp/demo.json > /tmp/check.txt; code=$?; set -e
    [ "$code" = 1 ] && grep -q "共 3 个错误" /tmp/check.txt || { echo "check: exit $code" >&2; cat /tmp/check.txt >&2; exit 1; }
    "$bundle/perf-target" pdf /tmp/demo.json /tmp/demo.pdf
    pdftotext /tmp/demo.pdf - | grep -q 部门整体预算绩效目标申报表
    needed=$(dpkg-deb -f /out/*.deb Depends | grep -o "libc6 (>= [0-9.]*)" | grep -o "[0-9][0-9.]*")
    echo "the bundle needs glibc >= $needed; this base has $GLIBC"
    [ "$(printf "%s\n%s\n" "$needed" "$GLIBC" | sort -V | tail -1)" = "$GLIBC" ] \
      || { echo "the bundle needs a newer glibc than the base: a library came from elsewhere" >&2; exit 1; }
  ' bash "$@"
echo "built: $out/perf-target-editor and $(ls "$out"/*.deb)"
