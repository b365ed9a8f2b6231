#!/usr/bin/env bash
# The two commands of the README:
#   scripts/office.sh run    demo database + server on http://localhost:8069
#   scripts/office.sh test   every test of lighting_office (pytest-odoo, tours included)
# Both start what they need (PostgreSQL, Python packages, Chromium) and stop at
# once when Odoo 18 cannot be imported.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE="${LIGHTING_OFFICE_STATE:-$ROOT/.local}"
DB_USER="${LIGHTING_OFFICE_DB_USER:-odoo}"
DB_PASSWORD="${LIGHTING_OFFICE_DB_PASSWORD:-odoo}"
DEMO_DB="${LIGHTING_OFFICE_DEMO_DB:-lighting_office_demo}"
TEST_DB="${LIGHTING_OFFICE_TEST_DB:-lighting_office_test}"
PYTHON="${PYTHON:-python3}"
CONF="$STATE/odoo.conf"

say() { printf '\n== %s\n' "$*"; }

require_odoo() {
  if ! (cd / && "$PYTHON" -c "import odoo.release as r; assert r.version_info[0] == 18" 2>/dev/null); then
    cat >&2 <<'MSG'
Odoo 18.0 cannot be imported by python3 here. Install it first, for example:
  git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git /opt/odoo
  sed -e 's/^cbor2==5.4.2.*/cbor2==5.4.6/' -e '/python-ldap/d' /opt/odoo/requirements.txt > /tmp/odoo-req.txt
  python3 -m pip install wheel setuptools && python3 -m pip install -r /tmp/odoo-req.txt
  python3 -m pip install --no-build-isolation --no-deps -e /opt/odoo --config-settings editable_mode=compat
Then run this command again. (See README.md, "Install into an existing Odoo 18".)
MSG
    exit 1
  fi
}

python_packages() {
  if ! (cd / && "$PYTHON" - 2>/dev/null <<'PY'
from importlib.util import find_spec
import sys
needed = ["odoo.addons.base_tier_validation", "odoo.addons.sale_tier_validation",
          "odoo.addons.helpdesk_mgmt",
          "odoo.addons.hr_expense_tier_validation", "xlrd", "openpyxl", "pytest_odoo", "websocket",
          "xlwt"]
sys.exit(any(find_spec(name) is None for name in needed))
PY
  ); then
    say "Installing Python packages (requirements.txt)"
    "$PYTHON" -m pip install -q -r "$ROOT/requirements.txt"
  fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

postgres() {
  if ! pg_isready -q -h localhost; then
    say "Starting PostgreSQL"
    local version
    version=$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 { print $1 }')
    if [ -z "$version" ]; then
      echo "No PostgreSQL cluster found: install PostgreSQL (apt-get install postgresql)." >&2
      exit 1
    fi
    if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$version" main start; else sudo pg_ctlcluster "$version" main start; fi
    for _ in $(seq 30); do pg_isready -q -h localhost && break; sleep 1; done
  fi
  if ! PGPASSWORD="$DB_PASSWORD" psql -h localhost -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    say "Creating PostgreSQL role $DB_USER"
    as_postgres psql -q -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
  fi
}

chromium_browser() {
  if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    say "Installing Chromium for the browser tests"
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
    else
      sudo apt-get install -y -q chromium >/dev/null
    fi
  fi
}

pdf_tools() {
  # Printing quotations and contracts as PDF in Chinese needs wkhtmltopdf and a CJK font.
  if ! command -v wkhtmltopdf >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    if [ "$(id -u)" = 0 ]; then
      say "Installing wkhtmltopdf and Chinese fonts for PDF printing"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q wkhtmltopdf fonts-noto-cjk >/dev/null \
        || echo "Could not install wkhtmltopdf/fonts-noto-cjk: PDFs will not print until they are installed." >&2
    else
      echo "Install wkhtmltopdf and fonts-noto-cjk to print PDFs (sudo apt-get install wkhtmltopdf fonts-noto-cjk)." >&2
    fi
  fi
}

write_config() {
  mkdir -p "$STATE"
  local addons
  addons=$(cd / && "$PYTHON" - <<'PY'
import os, odoo, odoo.addons
source = os.path.dirname(os.path.dirname(odoo.__file__))
paths = [os.path.join(source, "addons")] + list(odoo.addons.__path__)
print(",".join(p for p in paths if os.path.isdir(p)))
PY
)
  cat > "$CONF" <<CONF
[options]
addons_path = $addons,$ROOT
data_dir = $STATE/data
db_host = localhost
db_port = 5432
db_user = $DB_USER
db_password = $DB_PASSWORD
http_port = 8069
CONF
}

odoo() { (cd "$ROOT" && "$PYTHON" -m odoo -c "$CONF" "$@"); }

dropdb_if_exists() {
  PGPASSWORD="$DB_PASSWORD" dropdb -h localhost -U "$DB_USER" --if-exists "$1"
  rm -rf "$STATE/data/filestore/$1"
}

db_exists() {
  PGPASSWORD="$DB_PASSWORD" psql -h localhost -U "$DB_USER" -d postgres -tAc \
    "select 1 from pg_database where datname = '$1'" | grep -q 1
}

prepare() {
  require_odoo
  python_packages
  postgres
  write_config
}

cmd_run() {
  prepare
  pdf_tools
  if ! db_exists "$DEMO_DB"; then
    say "Creating the demo database $DEMO_DB (Lighting Office with demo data)"
    odoo -d "$DEMO_DB" -i lighting_office --load-language=zh_CN --stop-after-init --log-level=warn
  else
    odoo -d "$DEMO_DB" -u lighting_office --stop-after-init --log-level=warn
  fi
  cat <<MSG

== Lighting Office on http://localhost:8069  (database $DEMO_DB)
   admin / admin                 administrator (also HQ Management)
   hq_management / hq_management HQ management, sees every office
   hq_finance / hq_finance       HQ finance
   hd_manager / hd_manager       manager of 华东办事处 (HD)
   hd_sales / hd_sales           sales, HD      hd_support / hd_support   technical support, HD
   hd_aftersales / hd_aftersales after-sales, HD
   hn_manager, hn_sales, hn_support, hn_aftersales: the same for 华南办事处 (HN)
MSG
  exec "$PYTHON" -m odoo -c "$CONF" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$"
}

cmd_test() {
  prepare
  chromium_browser
  local started=$SECONDS
  say "Installing lighting_office with demo data (the demo must load)"
  dropdb_if_exists "${TEST_DB}_demo"
  odoo -d "${TEST_DB}_demo" -i lighting_office --stop-after-init --log-level=warn
  dropdb_if_exists "${TEST_DB}_demo"

  say "Installing lighting_office without demo data into $TEST_DB"
  dropdb_if_exists "$TEST_DB"
  odoo -d "$TEST_DB" -i base_tier_validation,sale_tier_validation,helpdesk_mgmt,sale_crm,hr,hr_recruitment,hr_holidays,hr_expense_tier_validation,stock,repair,calendar,maintenance,fleet \
    --without-demo=all --stop-after-init --log-level=warn
  local before=$SECONDS
  odoo -d "$TEST_DB" -i lighting_office --without-demo=all --stop-after-init --log-level=warn
  echo "lighting_office installed on top of its dependencies in $((SECONDS - before)) s"

  say "Running the tests (pytest-odoo, browser tours included)"
  (cd "$ROOT" && "$PYTHON" -m pytest -p no:cacheprovider \
      --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http --odoo-log-level=warn \
      -rs "$@" lighting_office/tests)
  echo "Whole test command: $((SECONDS - started)) s"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
