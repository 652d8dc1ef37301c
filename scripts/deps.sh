#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Milepost needs on Debian/Ubuntu:
# system packages through apt (as root directly; otherwise it prints the sudo command),
# and tauri-driver through cargo. Quiet and quick when everything is already there.
set -euo pipefail

# fonts-*: what the playbook PDF falls back to for Hebrew, Arabic, symbols and emoji.
build_packages=(build-essential pkg-config libwebkit2gtk-4.1-dev fonts-dejavu-core fonts-noto-color-emoji)
# Xvfb also lets `make run` show the app on a machine without a display.
display_packages=(xvfb xauth)
# chromium: the phones in the room-voting test (headless, driven by playwright-core).
# desktop-file-utils, shared-mime-info: the package test sees the journey-file type registered.
# python3-venv: the venv with duckdb that the SQL tests run the journey's queries in;
# postgresql-15: the binaries of the private cluster those tests start (never the service).
test_packages=("${display_packages[@]}" webkit2gtk-driver sqlite3 poppler-utils qpdf chromium desktop-file-utils shared-mime-info python3-venv postgresql-15 postgresql-client-15)

want=("${build_packages[@]}")
case "${1:-}" in
  --test) want+=("${test_packages[@]}") ;;
  --screenshot) want+=("${test_packages[@]}" imagemagick) ;;
  --display) want+=("${display_packages[@]}") ;;
  --bench) want+=(sqlite3 time bc python3-venv postgresql-15 postgresql-client-15) ;;
  # Spark in local mode (PyPI's pyspark) runs on Java 17.
  --spark) want+=(python3-venv openjdk-17-jre-headless) ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Milepost needs these system packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    echo "Adding the Rust component $component"
    rustup component add "$component"
  fi
done

if [ "${1:-}" != "" ] && [ "${1:-}" != "--display" ] && [ "${1:-}" != "--bench" ] && [ "${1:-}" != "--spark" ] && ! command -v "${TAURI_DRIVER:-${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver}" >/dev/null; then
  echo "Installing tauri-driver (WebDriver bridge for the end-to-end tests)"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi

# DuckDB (and dbt) for the SQL tests and benchmarks: PyPI's, in a venv of Milepost's own.
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ] || [ "${1:-}" = "--spark" ]; then
  venv="${MILEPOST_VENV:-$HOME/.cache/milepost/venv}"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  # dbt-duckdb: the test builds the dbt project `milepost sql --dbt` writes.
  [ -x "$venv/bin/dbt" ] && "$venv/bin/python" -c "import duckdb" 2>/dev/null || {
    echo "Installing duckdb and dbt-duckdb into $venv"
    # dbt-core 1.10: later releases fetch a parser from GitHub at install time.
    "$venv/bin/pip" install --quiet --disable-pip-version-check duckdb==2.0.0 dbt-duckdb==1.11.1 "dbt-core>=1.10,<1.11"
  }
fi
if [ "${1:-}" = "--spark" ]; then
  "$venv/bin/python" -c "import pyspark" 2>/dev/null || {
    echo "Installing pyspark into $venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pyspark==4.3.0
  }
fi
