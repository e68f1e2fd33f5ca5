#!/usr/bin/env bash
# The 信创 package: one amd64 .deb that runs from glibc 2.28 (UOS V20, Deepin 20, Kylin V10 SP1 and newer,
# Debian 11/12, Ubuntu 20.04–24.04), built in a Debian 11 (bullseye) root and verified there and on this host.
#
#   sudo bash packaging/oldbase/build.sh amd64 [-- build_app.py options…]
#
# Needs root (debootstrap, chroot, mounts), a Debian 12 (or newer) amd64 host with its Debian mirror and
# PyPI reachable, and about 6 GB free under the cache (3 GB once cached). Installs what it needs on the
# host (debootstrap, binutils, poppler-utils…). Steps, each logged to dist/oldbase/build.log:
#
#  1. the bullseye root: debootstrap --variant=minbase from the mirror apt uses, plus the compilers and the
#     X/GL/font/CUPS libraries the Qt plugins link to; cached in $OLDBASE_CACHE (/var/cache/perf-target-oldbase)
#  2. Python 3.11 built in it from bookworm's python3.11 source with Debian's CVE patches (python.sh); cached
#  3. the project's own build (scripts/build-app.sh) of a copy of this checkout in the root, with
#     PySide6-Essentials 6.9.3 and no wheel above manylinux_2_28; the libraries that would raise the glibc
#     floor left out of _internal/ and declared in Depends; the build fails if an ELF file needs more than
#     GLIBC 2.28 or GLIBCXX 3.4.25 (build_app.py --glibc-max/--glibcxx-max), and libc6's version in Depends
#     is the scan's result
#     → dist/oldbase/perf-target-editor_VERSION+glibc2.28_amd64.deb
#  4. apt-get install of that .deb in a fresh bullseye root (glibc 2.31), verify.sh there (selftest, check,
#     convert, pdf, the window), apt-get remove; then the same on this host (Debian 12)
#
# Every mount lives in a private mount namespace (gone when the script ends, however it ends) and is also
# unmounted by a trap; a root is only deleted when nothing is mounted inside it.
set -euo pipefail

usage() {
  echo "用法 / usage: sudo bash packaging/oldbase/build.sh amd64 [-- build_app.py 的参数 / options]" >&2
  exit 2
}
arch=${1:-}
[ "$arch" = amd64 ] || usage
shift
[ "${1:-}" = "--" ] && shift

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/packaging/oldbase
CACHE=${OLDBASE_CACHE:-/var/cache/perf-target-oldbase}
OUT=$REPO/dist/oldbase
LOG=$OUT/build.log

SUITE=bullseye               # Debian 11, glibc 2.31: the oldest Debian on the mirror (buster is gone)
GLIBC_MAX=2.28               # UOS V20 / Deepin 20 (Debian 10 based)
GLIBCXX_MAX=3.4.25           # GCC 8's libstdc++, Debian 10 / manylinux_2_28
PYSIDE=6.9.3                 # the last PySide6 wheels for manylinux_2_28 (>= 6.10 need glibc 2.34)
PY_PREFIX=/opt/python3.11
VERSION_SUFFIX=+glibc$GLIBC_MAX
# Libraries PyInstaller would copy from bullseye that are left out of the bundle, so the target's own are
# loaded (the package depends on them instead):
# - libsystemd (via libdbus-1) needs GLIBC_2.30 and libpng16 (via libfreetype) GLIBC_2.29: they would raise
#   the floor above 2.28;
# - libstdc++/libgcc_s and libfontconfig: bullseye's copies would shadow the newer system's on Debian 12 or
#   Ubuntu 24 (a GL driver or another system library loaded later needs that system's GLIBCXX; an older
#   fontconfig warns about and skips the newer system's configuration). The bundle needs GLIBCXX <= 3.4.21,
#   which every target's libstdc++6 has (Debian 10: 3.4.25).
SYSTEM_LIBRARIES=(
  "libdbus-1-3=libdbus-1.so.3*,libsystemd.so.0*"
  "libfreetype6=libfreetype.so.6*,libpng16.so.16*"
  "libfontconfig1=libfontconfig.so.1*"
  "libstdc++6=libstdc++.so.6*,libgcc_s.so.1*"
)
# What the build root holds: compilers and Python's build dependencies, and the libraries Qt's plugins link
# to, which PyInstaller copies into the bundle (so they come from bullseye, not from the host).
BUILD_PACKAGES="ca-certificates build-essential pkg-config xz-utils patch binutils dpkg-dev desktop-file-utils
  libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev uuid-dev libsqlite3-dev libexpat1-dev
  fonts-wqy-microhei libgl1 libegl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libcups2
  libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libsm6 libice6
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1"
HOST_PACKAGES="debootstrap binutils poppler-utils xz-utils ca-certificates python3"
# A change of any of these rebuilds the cached root or Python (the keys name the cache entries).
BASE_KEY=$(printf '%s\n' base-1 "$SUITE" minbase | sha256sum | cut -c1-12)
ROOT_KEY=$(printf '%s\n' root-1 "$BASE_KEY" $BUILD_PACKAGES | sha256sum | cut -c1-12)

# ------------------------------------------------------------------------------------------ preflight

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<'EOF'
需要 root 权限：本脚本用 debootstrap 建立 Debian 11 构建环境，并在其中挂载 /proc、/dev、/sys（chroot），
还要在本机用 apt-get 安装和卸载生成的软件包。请用：sudo bash packaging/oldbase/build.sh amd64
Needs root: it creates a Debian 11 root with debootstrap, mounts /proc, /dev and /sys in it (chroot), and
installs and removes the package on this host with apt-get. Run: sudo bash packaging/oldbase/build.sh amd64
EOF
  exit 1
fi
if ! command -v apt-get > /dev/null || [ "$(dpkg --print-architecture)" != amd64 ]; then
  echo "需要 Debian/Ubuntu amd64 主机 / needs a Debian (12 or newer) amd64 host with apt-get" >&2
  exit 1
fi

# Everything below runs in a private mount namespace: whatever is mounted there disappears with it.
if [ -z "${OLDBASE_IN_NAMESPACE:-}" ]; then
  exec unshare --mount --propagation private env OLDBASE_IN_NAMESPACE=1 bash "${BASH_SOURCE[0]}" "$arch" -- "$@"
fi

mkdir -p "$CACHE" "$OUT"
exec 9> "$CACHE/.lock"
if ! flock -n 9; then
  echo "[oldbase] 另一个构建正在使用 $CACHE，等待… / another build is using $CACHE, waiting…"
  flock 9
fi
need_gb=6
[ -f "$CACHE/build-$ROOT_KEY/.oldbase-ready" ] && need_gb=3
free_gb=$(( $(df -Pk "$CACHE" | awk 'NR == 2 {print $4}') / 1024 / 1024 ))
if [ "$free_gb" -lt "$need_gb" ]; then
  echo "磁盘空间不足：$CACHE 所在分区只剩 ${free_gb} GB，需要约 ${need_gb} GB（首次约 6 GB）。" >&2
  echo "Not enough disk space: ${free_gb} GB free for $CACHE, about ${need_gb} GB needed (6 GB the first time)." >&2
  echo "OLDBASE_CACHE=/其他/目录 可改变缓存位置 / set OLDBASE_CACHE=/other/dir to move the cache." >&2
  exit 1
fi

# ------------------------------------------------------------------------------------ log and cleanup

exec 3>&1 4>&2
rm -f "$OUT"/*.deb "$OUT"/symbol-scan.txt "$OUT"/verify-*.txt  # nothing of an earlier run passes for this one's
: > "$LOG"
exec >> "$LOG" 2>&1
STARTED=$SECONDS
STAGE=start
say() { echo "[oldbase] $*" >&3; echo "===== [oldbase] $*"; }
stage() { STAGE=$1; STAGE_STARTED=$SECONDS; echo; echo "===== $(date -u +%FT%TZ) $1"; }
took() { echo "$(( SECONDS - STAGE_STARTED )) s"; }

MOUNTS=()
HOST_INSTALLED=
mount_root() {  # ROOT [extra bind: SOURCE:TARGET]…
  local root=$1 bind
  shift
  mounted() { MOUNTS+=("$1"); }  # a failed mount stops the script (set -e); the trap unmounts the others
  mount -t proc proc "$root/proc"; mounted "$root/proc"
  mount -t sysfs sysfs "$root/sys"; mounted "$root/sys"
  mount --bind /dev "$root/dev"; mounted "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"; mounted "$root/dev/pts"
  mount -t tmpfs -o mode=1777,size=512m shm "$root/dev/shm"; mounted "$root/dev/shm"
  for bind in "$CACHE/apt-archives:/var/cache/apt/archives" "$@"; do
    mkdir -p "${bind%%:*}" "$root${bind#*:}"
    mount --bind "${bind%%:*}" "$root${bind#*:}"; mounted "$root${bind#*:}"
  done
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}
stop_processes_in() {  # processes this script started inside ROOT (apt's helpers, a stray program)
  local root=$1 proc
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2> /dev/null)" = "$root" ] && kill -KILL "${proc#/proc/}" 2> /dev/null || true
  done
}
umount_root() {  # ROOT: everything mounted under it, innermost first
  local root=$1 i kept=()
  stop_processes_in "$root"
  for (( i = ${#MOUNTS[@]} - 1; i >= 0; i-- )); do
    case "${MOUNTS[i]}" in
      "$root"/*) umount "${MOUNTS[i]}" 2> /dev/null || umount -l "${MOUNTS[i]}" || true ;;
      *) kept=("${MOUNTS[i]}" "${kept[@]}") ;;
    esac
  done
  MOUNTS=("${kept[@]}")
}
mounted_under() { awk -v root="$1" '$2 == root || index($2, root "/") == 1' /proc/self/mounts; }
remove_root() {  # never while anything is mounted inside (a bind-mounted /dev would go with it)
  local root=$1
  [ -e "$root" ] || return 0
  if [ -n "$(mounted_under "$root")" ]; then
    echo "refusing to delete $root: mounted inside:"; mounted_under "$root"
    return 1
  fi
  rm -rf --one-file-system "$root"
}
cleanup() {
  local code=$?
  trap - EXIT INT TERM
  local root
  for root in "$CACHE"/build-* "$CACHE"/test-*; do [ -d "$root" ] && umount_root "$root"; done
  if [ -n "$HOST_INSTALLED" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y perf-target-editor || true
  fi
  # What this script wrote in the checkout belongs to the checkout's owner (sudo from a user's clone).
  chown --reference="$REPO" "$REPO/dist" 2> /dev/null || true
  chown -R --reference="$REPO" "$OUT" 2> /dev/null || true
  if [ "$code" != 0 ]; then
    echo "[oldbase] 失败 / FAILED in stage: $STAGE (exit $code). Last lines of $LOG:" >&4
    tail -n 40 "$LOG" | sed 's/^/    /' >&4
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_root() {  # ROOT COMMAND…: run in the root with an empty environment
  # In the background and waited for, so that SIGTERM/SIGINT reach the trap at once (bash runs a trap
  # only after a foreground command ends); the trap then ends what runs in the root and unmounts it.
  local root=$1 pid
  shift
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=$PY_PREFIX/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@" < /dev/null &
  pid=$!
  wait "$pid"
}

say "信创 amd64 package: Debian 11 root, ceiling GLIBC $GLIBC_MAX / GLIBCXX $GLIBCXX_MAX, PySide6-Essentials $PYSIDE; cache $CACHE, log $LOG"

# ---------------------------------------------------------------------------------------- host tools

stage "host tools"
missing=()
for package in $HOST_PACKAGES; do
  dpkg-query -W -f '${Status}' "$package" 2> /dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  say "0. host tools: installed ${missing[*]} ($(took))"
else
  say "0. host tools: present ($HOST_PACKAGES)"
fi
# The mirrors this host's apt uses (Debian's main archive and its security archive).
read -r MIRROR SECURITY_MIRROR < <(apt-cache policy | awk '
  /^ *[0-9]+ (https?|file):/ { uri = $2; suite = $3; next }
  / release / && uri != "" {
    if ($0 ~ /o=Debian,/ && $0 ~ /l=Debian,/ && suite !~ /-/ && main == "") main = uri
    if ($0 ~ /l=Debian-Security,/ && security == "") security = uri
    uri = ""
  }
  END { print (main ? main : "http://deb.debian.org/debian"), (security ? security : "http://deb.debian.org/debian-security") }')
MIRROR=${OLDBASE_MIRROR:-$MIRROR}
SECURITY_MIRROR=${OLDBASE_SECURITY_MIRROR:-$SECURITY_MIRROR}
echo "mirrors: $MIRROR $SECURITY_MIRROR"

write_sources() {  # ROOT
  cat > "$1/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
  printf 'APT::Install-Recommends "false";\nAcquire::Retries "3";\n' > "$1/etc/apt/apt.conf.d/90oldbase"
}

# Leftovers of an interrupted run: half-made roots and test roots (only once nothing is mounted there).
for root in "$CACHE"/*.tmp "$CACHE"/test-*; do
  [ -e "$root" ] && { echo "removing leftover $root"; remove_root "$root"; }
done

# ----------------------------------------------------------------------------------- 1. bullseye roots

stage "base root"
BASE=$CACHE/base-$SUITE-$BASE_KEY.tar
if [ -f "$BASE" ]; then
  say "1. base root: cached ($(basename "$BASE"))"
else
  remove_root "$CACHE/base.tmp"
  debootstrap --variant=minbase --arch=amd64 "$SUITE" "$CACHE/base.tmp" "$MIRROR"
  [ -z "$(mounted_under "$CACHE/base.tmp")" ] || { echo "debootstrap left mounts"; exit 1; }
  write_sources "$CACHE/base.tmp"
  rm -rf "$CACHE/base.tmp/var/cache/apt/archives/"*.deb "$CACHE/base.tmp/var/lib/apt/lists/"*_Packages
  tar -C "$CACHE/base.tmp" -cf "$BASE.tmp" .
  mv "$BASE.tmp" "$BASE"
  remove_root "$CACHE/base.tmp"
  say "1. base root: debootstrap --variant=minbase $SUITE from $MIRROR, $(du -sh "$BASE" | cut -f1) ($(took))"
fi

new_root() {  # DIR: a fresh copy of the base root, mounted, apt lists current
  mkdir -p "$1"
  tar -C "$1" -xf "$BASE"
  write_sources "$1"
  mount_root "$1" "${@:2}"
  in_root "$1" apt-get update -q
}

stage "build root"
BUILD_ROOT=$CACHE/build-$ROOT_KEY
if [ -f "$BUILD_ROOT/.oldbase-ready" ]; then
  write_sources "$BUILD_ROOT"
  mount_root "$BUILD_ROOT" "$CACHE/pip:/var/cache/oldbase-pip"
  in_root "$BUILD_ROOT" apt-get update -q
  in_root "$BUILD_ROOT" apt-get upgrade -y -q  # security updates of the libraries the bundle copies
  say "1. build root: cached, upgraded ($(took))"
else
  remove_root "$BUILD_ROOT.tmp"
  new_root "$BUILD_ROOT.tmp"
  # shellcheck disable=SC2086
  in_root "$BUILD_ROOT.tmp" apt-get install -y -q $BUILD_PACKAGES
  in_root "$BUILD_ROOT.tmp" apt-get upgrade -y -q
  umount_root "$BUILD_ROOT.tmp"
  touch "$BUILD_ROOT.tmp/.oldbase-ready"
  mv "$BUILD_ROOT.tmp" "$BUILD_ROOT"
  mount_root "$BUILD_ROOT" "$CACHE/pip:/var/cache/oldbase-pip"
  say "1. build root: $(echo $BUILD_PACKAGES | wc -w) packages installed, $(du -sh --one-file-system "$BUILD_ROOT" | cut -f1) ($(took))"
fi
for old in "$CACHE"/build-*; do  # roots of older recipes
  [ "$old" = "$BUILD_ROOT" ] || [ ! -d "$old" ] || { echo "removing $old"; remove_root "$old"; }
done
for old in "$CACHE"/base-*.tar; do [ "$old" = "$BASE" ] || rm -f "$old"; done
GLIBC_ROOT=$(in_root "$BUILD_ROOT" ldd --version | sed -n '1s/.* //p')

# ------------------------------------------------------------------------------------------ 2. Python

stage "python source"
# bookworm's python3.11 source (3.11.2 and Debian's patches), with an apt state of its own: the host's
# apt configuration is not touched. The newest version the mirror serves; the security archive's pool
# may be missing from the mirror, so each version is tried, newest first.
APT_SRC=$CACHE/apt-src
mkdir -p "$APT_SRC/lists/partial" "$APT_SRC/cache/archives/partial" "$CACHE/src"
cat > "$APT_SRC/sources.list" <<EOF
deb-src $MIRROR bookworm main
deb-src $MIRROR bookworm-updates main
deb-src $SECURITY_MIRROR bookworm-security main
EOF
apt_src=(-o "Dir::Etc::SourceList=$APT_SRC/sources.list" -o Dir::Etc::SourceParts=/nonexistent
         -o "Dir::State::Lists=$APT_SRC/lists" -o "Dir::Cache=$APT_SRC/cache" -o APT::Sandbox::User=root)
PY_DEBIAN= PY_UNAVAILABLE=
if apt-get "${apt_src[@]}" update -q; then
  for version in $(apt-cache "${apt_src[@]}" showsrc python3.11 | sed -n 's/^Version: //p' | sort -ruV); do
    if [ -f "$CACHE/src/python3.11_$version.debian.tar.xz" ] \
       || (cd "$CACHE/src" && apt-get "${apt_src[@]}" source --download-only "python3.11=$version"); then
      PY_DEBIAN=$version
      break
    fi
    PY_UNAVAILABLE+=" $version"
  done
fi
[ -z "$PY_UNAVAILABLE" ] || say "2. Python source: listed by the mirror but not downloadable:$PY_UNAVAILABLE; using the newest that is"
if [ -z "$PY_DEBIAN" ]; then  # offline: the newest source downloaded before
  PY_DEBIAN=$(ls "$CACHE/src" | sed -n 's/^python3\.11_\(.*\)\.debian\.tar\.xz$/\1/p' | sort -V | tail -1)
  [ -n "$PY_DEBIAN" ] || { echo "no python3.11 source from $MIRROR (bookworm deb-src)"; exit 1; }
  echo "the mirror gave no python3.11 source: using $PY_DEBIAN downloaded before"
fi
PY_ORIG=$CACHE/src/python3.11_${PY_DEBIAN%%-*}.orig.tar.gz
PY_PATCHES=$CACHE/src/python3.11_$PY_DEBIAN.debian.tar.xz
PY_KEY=$(cat "$HERE/python.sh" "$HERE/glibc-2.28.h" | sha256sum | cut -c1-8)-$ROOT_KEY-$PY_DEBIAN

stage "python"
if [ "$(cat "$BUILD_ROOT$PY_PREFIX/.oldbase-python" 2> /dev/null)" = "$PY_KEY" ]; then
  say "2. Python: cached ($(in_root "$BUILD_ROOT" python3.11 --version), Debian $PY_DEBIAN, $(grep -c '^applied' "$BUILD_ROOT$PY_PREFIX/share/oldbase/patches.txt") CVE patches applied)"
else
  rm -rf "$BUILD_ROOT/build/oldbase" && mkdir -p "$BUILD_ROOT/build/oldbase"
  cp "$HERE/python.sh" "$HERE/glibc-2.28.h" "$PY_ORIG" "$PY_PATCHES" "$BUILD_ROOT/build/oldbase/"
  in_root "$BUILD_ROOT" env JOBS=2 bash /build/oldbase/python.sh "/build/oldbase/$(basename "$PY_ORIG")" \
    "/build/oldbase/$(basename "$PY_PATCHES")" "$PY_PREFIX" "$PY_KEY"
  rm -rf "$BUILD_ROOT/build/oldbase"
  skipped=$(grep -c '^skipped' "$BUILD_ROOT$PY_PREFIX/share/oldbase/patches.txt" || true)
  say "2. Python: built $(in_root "$BUILD_ROOT" python3.11 --version) from Debian $PY_DEBIAN's source, $(grep -c '^applied' "$BUILD_ROOT$PY_PREFIX/share/oldbase/patches.txt") CVE patches applied, $skipped left out ($(took))"
fi
for old in "$CACHE"/src/python3.11_*; do
  case "$old" in "$PY_ORIG" | "$PY_PATCHES" | *.dsc) ;; *) rm -f "$old" ;; esac
done

# ------------------------------------------------------------------------------- 3. the project's build

stage "project build"
rm -rf "$BUILD_ROOT/build/src" "$BUILD_ROOT/build/dist" "$BUILD_ROOT/build/work" "$BUILD_ROOT/build/venv"
mkdir -p "$BUILD_ROOT/build/src"
# The files of this checkout as they are (tracked and untracked, without what .gitignore names: .venv,
# dist, build…), so an uncommitted change is built too; without git, the tree minus those folders.
if git -c safe.directory="$REPO" -C "$REPO" rev-parse --git-dir > /dev/null 2>&1; then
  git -c safe.directory="$REPO" -C "$REPO" ls-files -z -c -o --exclude-standard \
    | (cd "$REPO" && while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) \
    | tar -C "$REPO" --null -T - -cf - | tar -C "$BUILD_ROOT/build/src" -xf -
else
  tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./.venv-build --exclude=./dist --exclude=./build \
    --exclude=__pycache__ -cf - . | tar -C "$BUILD_ROOT/build/src" -xf -
fi
cp /etc/ssl/certs/ca-certificates.crt "$BUILD_ROOT/build/host-ca.crt"  # PyPI through this host's CAs
printf 'PySide6-Essentials==%s\nshiboken6==%s\n' "$PYSIDE" "$PYSIDE" > "$BUILD_ROOT/build/constraints.txt"
system_library_args=()
for spec in "${SYSTEM_LIBRARIES[@]}"; do system_library_args+=(--system-library "$spec"); done
# The wheels go through a wheelhouse in the cache (pip's own HTTP cache stores nothing behind a proxy that
# drops the caching headers): `pip download` fetches only what is not there yet, and the build installs
# from it with no index, so it gets exactly those files.
in_root "$BUILD_ROOT" env PIP_CERT=/build/host-ca.crt PIP_CONSTRAINT=/build/constraints.txt \
  PIP_ONLY_BINARY=:all: PIP_CACHE_DIR=/var/cache/oldbase-pip/http PIP_DISABLE_PIP_VERSION_CHECK=1 \
  PIP_DEFAULT_TIMEOUT=180 bash -euo pipefail -c '
    python3.11 -m venv /build/venv
    cp /build/src/packaging/oldbase/_manylinux.py "$(/build/venv/bin/python -c "import sysconfig; print(sysconfig.get_paths()[\"purelib\"])")/"
    cd /build/src
    /build/venv/bin/python -c "import sys; sys.path.insert(0, \"packaging\"); import build_app; print(\"\\n\".join(build_app.requirements()))" > /build/requirements.txt
    wheels=/var/cache/oldbase-pip/wheels
    mkdir -p "$wheels"
    /build/venv/bin/pip download -q -d "$wheels" --find-links "$wheels" -r /build/requirements.txt
    echo "wheelhouse: $(ls "$wheels" | wc -l) wheels"
    PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheels" BUILD_VENV=/build/venv \
      bash scripts/build-app.sh --dist /build/dist --work /build/work "$@"
  ' bash --glibc-max "$GLIBC_MAX" --glibcxx-max "$GLIBCXX_MAX" --deb-version-suffix "$VERSION_SUFFIX" \
    "${system_library_args[@]}" "$@"
debs=("$BUILD_ROOT"/build/dist/*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || { echo "expected one .deb in /build/dist: ${debs[*]}"; exit 1; }
rm -f "$OUT"/*.deb "$OUT"/symbol-scan.txt
cp "${debs[0]}" "$OUT/"
DEB=$OUT/$(basename "${debs[0]}")
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
PYSIDE_BUILT=$(in_root "$BUILD_ROOT" /build/venv/bin/python -c 'import PySide6; print(PySide6.__version__)')
say "3. project build: PySide6 $PYSIDE_BUILT, $(dpkg-deb -f "$DEB" Version) → ${DEB#$REPO/} ($(du -h "$DEB" | cut -f1)) ($(took))"
say "   Depends: $DEPENDS"
grep -h '^\[build-app\] left out' "$LOG" | sed 's/^\[build-app\] /   /' >&3 || true

# The shipped .deb scanned again on the host, file by file (the build already failed above the ceiling).
scan=$(mktemp -d)
dpkg-deb -x "$DEB" "$scan"
python3 - "$REPO/packaging" "$scan" "$GLIBC_MAX" "$GLIBCXX_MAX" > "$OUT/symbol-scan.txt" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, sys.argv.pop(1))
import build_app
root, limits = Path(sys.argv[1]), {"GLIBC": sys.argv[2], "GLIBCXX": sys.argv[3]}
needs = build_app.symbol_version_needs(root)
print(f"# GLIBC/GLIBCXX symbol versions needed by the {len(needs)} ELF files of the .deb (objdump -p)")
for name, limit in limits.items():
    holders = {p: n[name] for p, n in needs.items() if name in n}
    top = max(holders.values())
    over = [p for p, v in holders.items() if v > build_app._version_tuple(limit)]
    print(f"highest {name}_{build_app._version_text(top)} (ceiling {limit}: {'EXCEEDED' if over else 'ok'}), needed by:")
    for path in sorted(p for p, v in holders.items() if v == top or v > build_app._version_tuple(limit)):
        print(f"  {path}")
print("# every file")
for path, need in sorted(needs.items()):
    print(path, " ".join(f"{k}_{build_app._version_text(v)}" for k, v in sorted(need.items())))
PY
rm -rf "$scan"
say "   symbol scan: $(grep '^highest' "$OUT/symbol-scan.txt" | sed 's/, needed by://' | paste -sd ';' | sed 's/;/; /')"
if grep -q EXCEEDED "$OUT/symbol-scan.txt"; then echo "the .deb exceeds the ceiling: $OUT/symbol-scan.txt"; exit 1; fi
umount_root "$BUILD_ROOT"

# ----------------------------------------------------------------------------- 4. install and run it

report() {  # WHERE FILE: the verify.sh lines in the summary
  sed -n 's/^\(ok\|FAIL\) /\1 /p' "$2" | sed "s/^/   $1: /" >&3
}

stage "verify in bullseye"
TEST_ROOT=$CACHE/test-$$
new_root "$TEST_ROOT"
cp "$DEB" "$TEST_ROOT/tmp/"
in_root "$TEST_ROOT" apt-get install -y -q "/tmp/$(basename "$DEB")"
in_root "$TEST_ROOT" dpkg-query -W -f '${Package} ${Version} ${Status}\n' perf-target-editor
cp "$HERE/verify.sh" "$TEST_ROOT/tmp/verify.sh"
set +e
in_root "$TEST_ROOT" bash /tmp/verify.sh run /tmp/verify > "$OUT/verify-bullseye.txt" 2>&1
code=$?
bash "$HERE/verify.sh" pdftext "$TEST_ROOT/tmp/verify" >> "$OUT/verify-bullseye.txt" 2>&1 || code=1
set -e
cat "$OUT/verify-bullseye.txt"
in_root "$TEST_ROOT" apt-get remove -y -q perf-target-editor
if [ -e "$TEST_ROOT/opt/perf-target-editor" ] || [ -e "$TEST_ROOT/usr/bin/perf-target" ]; then
  echo "FAIL apt-get remove: files left" >> "$OUT/verify-bullseye.txt"; code=1
else
  echo "ok apt-get remove: /opt/perf-target-editor and /usr/bin/perf-target* gone" >> "$OUT/verify-bullseye.txt"
fi
say "4. Debian 11 root (glibc $(head -1 "$OUT/verify-bullseye.txt" | sed -n 's/^glibc \([0-9.]*\),.*/\1/p'), fresh minbase + apt-get install ./$(basename "$DEB")): ($(took))"
report bullseye "$OUT/verify-bullseye.txt"
[ "$code" = 0 ] || { echo "verification in the Debian 11 root failed"; exit 1; }
umount_root "$TEST_ROOT"
remove_root "$TEST_ROOT"

stage "verify on host"
if [ "${OLDBASE_HOST_CHECK:-1}" = 0 ]; then
  say "5. host: skipped (OLDBASE_HOST_CHECK=0)"
else
  if dpkg-query -W -f '${Status}' perf-target-editor 2> /dev/null | grep -q "ok installed"; then
    echo "perf-target-editor $(dpkg-query -W -f '${Version}' perf-target-editor) is installed on this host:" \
         "remove it first (apt-get remove perf-target-editor) or set OLDBASE_HOST_CHECK=0" | tee /dev/fd/4
    exit 1
  fi
  HOST_INSTALLED=1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$DEB"
  set +e
  verify_dir=$(mktemp -d)
  bash "$HERE/verify.sh" run "$verify_dir/run" > "$OUT/verify-host.txt" 2>&1
  code=$?
  set -e
  cat "$OUT/verify-host.txt"
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -q perf-target-editor
  HOST_INSTALLED=
  if [ -e /opt/perf-target-editor ] || [ -e /usr/bin/perf-target ]; then
    echo "FAIL apt-get remove: files left" >> "$OUT/verify-host.txt"; code=1
  else
    echo "ok apt-get remove: /opt/perf-target-editor and /usr/bin/perf-target* gone" >> "$OUT/verify-host.txt"
  fi
  rm -rf "$verify_dir"
  say "5. this host ($(. /etc/os-release && echo "$PRETTY_NAME"), glibc $(ldd --version | sed -n '1s/.* //p'), apt-get install $(basename "$DEB")): ($(took))"
  report host "$OUT/verify-host.txt"
  [ "$code" = 0 ] || { echo "verification on the host failed"; exit 1; }
fi

STAGE=done
say "done in $(( SECONDS - STARTED )) s: ${DEB#$REPO/} (built in Debian 11, glibc $GLIBC_ROOT; needs $(grep -o 'libc6 (>= [0-9.]*)' <<< "$DEPENDS"))"
