#!/usr/bin/env bash
# Runs the installed editor as a clerk would, with an empty environment and a fresh HOME. Run by
# packaging/oldbase/build.sh after `apt-get install ./perf-target-editor_…deb`, inside the Debian 11 root and
# on the host, from the same .deb:
#
#   verify.sh run DIR        selftest; check on the demo (exit 1, its errors listed); convert JSON → xlsx →
#                            JSON identical; pdf; the window offscreen with the demo for a few seconds,
#                            closed by SIGTERM, its lock file gone. DIR: a fresh folder (made here).
#   verify.sh pdftext DIR    the PDF's text (pdftotext; where the editor's own tools are not installed, the
#                            caller runs this outside, on DIR/demo.pdf)
#
# One line per check, "ok NAME: …" or "FAIL NAME: …"; exit 1 if any failed.
set -uo pipefail

mode=${1:-} dir=${2:-}
[ -n "$dir" ] || { echo "usage: verify.sh run|pdftext DIR" >&2; exit 2; }
failed=0
ok() { echo "ok $*"; }
fail() { echo "FAIL $*"; failed=1; }

if [ "$mode" = pdftext ]; then
  text=$(pdftotext -layout "$dir/demo.pdf" - 2>&1) || { fail "pdf text: pdftotext: $text"; exit 1; }
  missing=()
  for phrase in 部门整体预算绩效目标申报表 广州市天河区司法局 项目支出绩效目标; do
    grep -q "$phrase" <<< "$text" || missing+=("$phrase")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    ok "pdf text: $(pdfinfo "$dir/demo.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages, 部门整体预算绩效目标申报表, 广州市天河区司法局, 项目支出绩效目标 found by pdftotext"
  else
    fail "pdf text: missing ${missing[*]}"
  fi
  exit $failed
fi
[ "$mode" = run ] || { echo "usage: verify.sh run|pdftext DIR" >&2; exit 2; }

rm -rf "$dir" && mkdir -p "$dir/home" || exit 1
cd "$dir" || exit 1
clerk() { env -i PATH=/usr/bin:/bin HOME="$dir/home" "$@"; }
demo=/opt/perf-target-editor/_internal/resources/demo-tianhe-2023.json
[ -f "$demo" ] || { fail "installed: $demo is missing"; exit 1; }
cp "$demo" demo.json
command -v perf-target > /dev/null && command -v perf-target-editor > /dev/null \
  || { fail "installed: perf-target or perf-target-editor is not on PATH"; exit 1; }
echo "glibc $(ldd --version 2>/dev/null | sed -n '1s/.* //p'), $(. /etc/os-release && echo "$PRETTY_NAME"), $(clerk perf-target --version)"

# selftest: version, Qt, data files, translation, fonts
if clerk perf-target selftest > selftest.txt 2>&1; then
  ok "selftest: exit 0; $(grep -E $'^(版本|Qt|打印字体)\t' selftest.txt | tr '\t\n' ' ')"
else
  fail "selftest: exit $?"; cat selftest.txt
fi

# check on the demo: exit 1, its errors listed
clerk perf-target check demo.json > check.txt 2> check.err
code=$?
errors=$(grep -c $'^错误\t' check.txt)
total=$(grep -oE '共 [0-9]+ 个错误' check.txt | head -1)
if [ "$code" = 1 ] && [ "$errors" -gt 0 ] && [ -n "$total" ]; then
  ok "check: exit 1, $errors error lines, $total"
else
  fail "check: exit $code, $errors error lines, summary '${total}'"; cat check.txt check.err
fi

# convert JSON → xlsx → JSON: the same JSON as the demo written by this version
if clerk perf-target convert demo.json demo.xlsx > convert.txt 2>&1 \
   && clerk perf-target convert demo.xlsx again.json >> convert.txt 2>&1 \
   && clerk perf-target convert demo.json same.json >> convert.txt 2>&1; then
  if cmp -s again.json same.json; then
    ok "convert: demo.json → demo.xlsx ($(stat -c %s demo.xlsx) bytes) → again.json, identical to the demo as written"
  else
    fail "convert: again.json differs from same.json"; diff again.json same.json | head -20
  fi
else
  fail "convert: a command failed"; cat convert.txt
fi

# pdf (its text is checked by `verify.sh pdftext`)
if clerk perf-target pdf demo.json demo.pdf > pdf.txt 2>&1 && [ -s demo.pdf ] && [ "$(head -c 4 demo.pdf)" = "%PDF" ]; then
  ok "pdf: demo.pdf, $(stat -c %s demo.pdf) bytes"
else
  fail "pdf: exit or file wrong"; cat pdf.txt
fi

# the window, offscreen, with the demo under a Chinese name; SIGTERM closes it and its lock file goes
name="天河 2023.json"
cp demo.json "$name"
lock=".~lock.$name#"
# not through clerk(): $! must be the program's own pid (env execs the launcher, which execs the program)
env -i PATH=/usr/bin:/bin HOME="$dir/home" QT_QPA_PLATFORM=offscreen perf-target-editor "$name" > window.txt 2>&1 &
pid=$!
for _ in $(seq 300); do [ -e "$lock" ] || ! kill -0 "$pid" 2>/dev/null && break; sleep 0.1; done
if [ ! -e "$lock" ]; then
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  wait "$pid"; fail "window: no lock file within 30 s (exit $?)"; cat window.txt
else
  sleep 3
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid"; fail "window: closed by itself (exit $?)"; cat window.txt
  else
    kill -TERM "$pid"
    for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; echo "(killed: SIGTERM did not close it in 15 s)"; }
    wait "$pid"
    code=$?
    if [ "$code" = 0 ] && [ ! -e "$lock" ] && ! grep -q Traceback window.txt; then
      ok "window: opened '$name' offscreen, lock file present, 3 s up, SIGTERM → exit 0, lock file gone"
    else
      fail "window: after SIGTERM exit $code, lock file $([ -e "$lock" ] && echo still there || echo gone)"
      cat window.txt
    fi
  fi
fi

if command -v pdftotext > /dev/null; then
  bash "$0" pdftext "$dir" || failed=1
fi
exit $failed
