#!/usr/bin/env bash
# Installs the Debian package as a person would (apt-get install ./…deb), uses what it
# installed — the CLI on the PATH, a demo workspace's funnel, the app's window under Xvfb,
# the journey-file type — then removes it and checks that nothing of it is left in /usr.
# Prints the package's size and its installed size. Needs root (or sudo without a password).
# Usage: scripts/package-test.sh PACKAGE.deb
set -euo pipefail

deb=$(realpath "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -qq)

name=$(dpkg-deb -f "$deb" Package)
if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
  echo "package-test: $name is installed on this machine already; remove it first" >&2
  exit 1
fi

work=$(mktemp -d)
cleanup() {
  "${apt[@]}" purge "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

find /usr -xdev | sort > "$work/before"
"${apt[@]}" install "$deb" > "$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
echo "package-test: installed $(basename "$deb")"

# The CLI is on the PATH, and answers.
cli=$(command -v milepost)
[ "$cli" = /usr/bin/milepost ] || { echo "package-test: milepost is not /usr/bin/milepost ($cli)" >&2; exit 1; }
version=$(milepost --version)
expected="milepost $(dpkg-deb -f "$deb" Version)"
[ "$version" = "$expected" ] || { echo "package-test: '$version', expected '$expected'" >&2; exit 1; }
echo "package-test: $version"

# A demo workspace and its funnel, with the installed CLI.
db="$work/demo.sqlite3"
milepost --db "$db" demo --customers 300 --seed 7 > /dev/null
milepost --db "$db" journey new --template billing-saas > /dev/null
reached=$(milepost --db "$db" funnel 1 --json | python3 -c 'import json,sys; f=json.load(sys.stdin); print(f["milestones"][0]["reached"])')
[ "$reached" -gt 0 ] || { echo "package-test: the funnel reached no one" >&2; exit 1; }
echo "package-test: funnel on the demo workspace: $reached customers reached the first milestone"

# What the desktop needs: the entry, the icons, the journey-file type, the licences.
for f in /usr/bin/milepost-app /usr/share/applications/Milepost.desktop \
         /usr/share/icons/hicolor/16x16/apps/milepost-app.png \
         /usr/share/icons/hicolor/512x512/apps/milepost-app.png \
         /usr/share/mime/packages/milepost-journey.xml \
         /usr/share/doc/milepost/THIRD-PARTY-LICENCES; do
  [ -e "$f" ] || { echo "package-test: the package did not install $f" >&2; ls -R /usr/share/applications /usr/share/icons/hicolor | head -40 >&2; exit 1; }
done
grep -q '^MimeType=application/x-milepost-journey;' /usr/share/applications/Milepost.desktop
grep -q '^Exec=milepost-app %f' /usr/share/applications/Milepost.desktop
if command -v update-mime-database > /dev/null; then
  [ -e /usr/share/mime/application/x-milepost-journey.xml ] \
    || { echo "package-test: the journey-file type is not in the MIME database" >&2; exit 1; }
fi
echo "package-test: desktop entry, icons at every size, journey-file type and licences are in place"

# The installed app: its window opens on the home screen, and opens a journey file given to it.
MILEPOST_INSTALLED=1 "$here/scripts/e2e.sh" /usr/bin/milepost-app /usr/bin/milepost ./installed.test.mjs

size=$(stat -c %s "$deb")
installed_kb=$(dpkg-deb -f "$deb" Installed-Size)
"${apt[@]}" purge "$name" > "$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; exit 1; }
find /usr -xdev | sort > "$work/after"
if ! diff -u "$work/before" "$work/after" > "$work/left"; then
  echo "package-test: removing the package left these changes in /usr:" >&2
  cat "$work/left" >&2
  exit 1
fi
echo "package-test: removed; nothing of it is left in /usr"
awk -v b="$size" -v k="$installed_kb" 'BEGIN { printf "package-test: package %.1f MB, installed %.1f MB\n", b / 1e6, k * 1024 / 1e6 }'
