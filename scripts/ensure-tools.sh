# Shared by run.sh and test.sh: installs what a fresh Debian machine lacks.

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Ontbrekend pakket ($*): installeer het met 'sudo apt-get install $*'." >&2
    return 1
  fi
  echo "Installeren: $* (apt-get)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL server binaries (initdb, pg_ctl), only needed when no connection string is given.
ensure_postgres_binaries() {
  if [ -n "${ConnectionStrings__Pib:-}" ] || [ -n "${PIB_TEST_DB:-}" ]; then return 0; fi
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then return 0; fi
  apt_install postgresql
}

# Chromium for the browser tests (Playwright drives the Debian build; its own download cannot work here).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  apt_install chromium
}
