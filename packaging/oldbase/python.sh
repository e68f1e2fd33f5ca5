#!/usr/bin/env bash
# Builds CPython 3.11 inside the Debian 11 build root, for a bundle that runs from glibc 2.28.
# Run by packaging/oldbase/build.sh inside the root (chroot, empty environment), not by hand:
#
#   python.sh ORIG.tar.gz DEBIAN.tar.xz PREFIX KEY
#
# ORIG and DEBIAN are bookworm's python3.11 source (apt-get source --download-only python3.11). Of Debian's
# patch series it applies the security part — every patch from the first one named after a CVE to the end
# (the fixes of Debian's security and point-release uploads, in the order Debian applies them) — and none
# of the packaging part before it (install layout, multiarch, Debian's sysconfig scheme, disabled tests).
# A patch that does not apply cleanly is left out and listed. Built with a shared libpython (PyInstaller
# needs one), Debian 11's expat (patched by Debian LTS; Python's bundled copy is older), and two changes
# that keep every file at glibc <= 2.28: glibc-2.28.h (the libm symbol versions) and
# ac_cv_func_sem_clockwait=no. Fails if any ELF file of the install needs a newer glibc.
set -euo pipefail

orig=$1 debian=$2 prefix=$3 key=$4
here=$(cd "$(dirname "$0")" && pwd)
work=/build/python
ceiling=2.28

rm -rf "$work" "$prefix"
mkdir -p "$work/src" "$work/debian" "$prefix/share/oldbase"
tar -xzf "$orig" -C "$work/src" --strip-components=1
tar -xJf "$debian" -C "$work/debian"
patches=$work/debian/debian/patches

applied=() skipped=()
in_security=
while read -r name _; do
  case "$name" in '' | '#'*) continue ;; esac
  if [ -z "$in_security" ]; then
    case "$name" in *CVE* | *cve*) in_security=1 ;; *) continue ;; esac
  fi
  if (cd "$work/src" && patch -p1 -f -s --dry-run < "$patches/$name" > /dev/null 2>&1); then
    (cd "$work/src" && patch -p1 -f -s < "$patches/$name")
    applied+=("$name")
  else
    skipped+=("$name")
    echo "python.sh: Debian patch $name does not apply cleanly: left out" >&2
  fi
done < "$patches/series"
[ ${#applied[@]} -gt 0 ] || { echo "python.sh: no security patch found in $patches/series" >&2; exit 1; }
# A backport that includes an internal header (pycore_*.h) into an extension module: Debian builds such
# modules into libpython (Py_BUILD_CORE_BUILTIN), this build makes them shared modules, which need
# Py_BUILD_CORE_MODULE as every upstream module using internal headers defines it (CVE-2026-4224: pyexpat.c).
adjusted=()
for source in "$work"/src/Modules/*.c; do
  if grep -q '^#include "pycore_' "$source" && ! grep -q Py_BUILD_CORE "$source"; then
    sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' "$source"
    adjusted+=("Modules/$(basename "$source"): #define Py_BUILD_CORE_MODULE (shared module)")
  fi
done
{
  echo "# Debian's python3.11 patches applied to Python $(sed -n 's/^#define PY_VERSION "\(.*\)"/\1/p' "$work/src/Include/patchlevel.h"), in series order"
  printf 'applied\t%s\n' "${applied[@]}"
  [ ${#skipped[@]} -eq 0 ] || printf 'skipped\t%s\n' "${skipped[@]}"
  [ ${#adjusted[@]} -eq 0 ] || printf 'adjusted\t%s\n' "${adjusted[@]}"
} > "$prefix/share/oldbase/patches.txt"
echo "python.sh: ${#applied[@]} security patches applied, ${#skipped[@]} left out"

cp "$here/glibc-2.28.h" "$prefix/share/oldbase/glibc-2.28.h"
cd "$work/src"
./configure --prefix="$prefix" --enable-shared --with-ensurepip=install --with-system-expat \
  LDFLAGS="-Wl,-rpath,$prefix/lib" CFLAGS="-include $prefix/share/oldbase/glibc-2.28.h" \
  ac_cv_func_sem_clockwait=no > "$work/configure.log"
make -j"${JOBS:-2}" > "$work/make.log" 2>&1 || { tail -50 "$work/make.log" >&2; exit 1; }
if grep -A3 -E "^(Failed to build these modules|Following modules built successfully but were removed)" "$work/make.log" >&2; then
  grep -E "error:" "$work/make.log" | head -20 >&2
  exit 1
fi
make install > "$work/install.log" 2>&1 || { tail -50 "$work/install.log" >&2; exit 1; }
cd /

"$prefix/bin/python3.11" - <<'PY'
import importlib, sysconfig
for name in ("ssl", "hashlib", "zlib", "lzma", "bz2", "ctypes", "decimal", "sqlite3", "uuid", "pyexpat",
             "xml.etree.ElementTree", "math", "cmath", "_multiprocessing", "venv", "ensurepip"):
    importlib.import_module(name)
assert sysconfig.get_config_var("Py_ENABLE_SHARED"), "libpython is not shared"
import ssl, pyexpat
print("python.sh: modules import;", ssl.OPENSSL_VERSION + ";", pyexpat.EXPAT_VERSION)
PY

highest=$(find "$prefix" -type f \( -name '*.so*' -o -path '*/bin/*' \) -print0 \
  | { xargs -0 objdump -p 2> /dev/null || true; } | sed -n 's/^[[:space:]]*0x[0-9a-f]* 0x[0-9a-f]* [0-9]* GLIBC_\([0-9.]*\)$/\1/p' \
  | sort -uV | tail -1)
echo "python.sh: the install needs glibc >= $highest"
if [ "$(printf '%s\n%s\n' "$highest" "$ceiling" | sort -V | tail -1)" != "$ceiling" ]; then
  find "$prefix" -type f \( -name '*.so*' -o -path '*/bin/*' \) -exec sh -c \
    'objdump -p "$1" 2>/dev/null | grep -q "GLIBC_'"$highest"'\$" && echo "  $1"' _ {} \; >&2
  echo "python.sh: needs glibc $highest > $ceiling" >&2
  exit 1
fi
rm -rf "$work"
echo "$key" > "$prefix/.oldbase-python"
