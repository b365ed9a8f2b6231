#!/usr/bin/env bash
# The two commands of the README:
#   scripts/office.sh run    demo database + server on http://localhost:$PORT (8069)
#   scripts/office.sh test   every test of lighting_office (pytest-odoo, tours included)
#   scripts/office.sh setup  only the set-up both commands do
#   scripts/office.sh clean  remove .local/ (venv, Odoo source, config, filestore) and the databases
#   scripts/office.sh lint   OCA's pre-commit hooks over the whole tree (ruff, prettier, pylint-odoo,
#                            oca-checks-odoo-module, oca-checks-po)
# Both set up what they need in the project's state folder (.local/): a virtual
# environment with Odoo 18.0 CE and the requirements, PostgreSQL and its role,
# Chromium for the tours, wkhtmltopdf and CJK fonts for PDFs. Nothing goes into
# the machine's own Python. Odoo's own output goes to .local/log/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE="${LIGHTING_OFFICE_STATE:-$ROOT/.local}"
VENV="$STATE/venv"
LOG_DIR="$STATE/log"
DB_USER="${LIGHTING_OFFICE_DB_USER:-odoo}"
DB_PASSWORD="${LIGHTING_OFFICE_DB_PASSWORD:-odoo}"
DEMO_DB="${DB:-${LIGHTING_OFFICE_DEMO_DB:-lighting_office_demo}}"
TEST_DB="${LIGHTING_OFFICE_TEST_DB:-lighting_office_test}"
PORT="${PORT:-8069}"
ODOO_BRANCH="${ODOO_BRANCH:-18.0}"
ODOO_URL="https://github.com/odoo/odoo.git"
CONF="$STATE/odoo.conf"
DEPENDENCIES=base_import,base_tier_validation,sale_tier_validation,helpdesk_mgmt,sale_crm,hr,hr_recruitment,hr_holidays,hr_expense_tier_validation,stock,repair,calendar,maintenance,fleet,l10n_cn
export PGPASSWORD="$DB_PASSWORD" PGOPTIONS="-c client_min_messages=warning"

mkdir -p "$LOG_DIR"
LOG="$LOG_DIR/${1:-office}.log"
: > "$LOG"

# One line per step with its time; the step's own output goes to the log.
step() {
  local title=$1 started=$SECONDS
  shift
  printf '%-62s' "$title" >&2
  if "$@" >>"$LOG" 2>&1; then
    printf ' %4ss\n' "$((SECONDS - started))" >&2
  else
    printf ' FAILED after %ss\n' "$((SECONDS - started))" >&2
    for log in "$LOG" "$LOG_DIR/odoo.log"; do
      [ -s "$log" ] && { echo "--- last lines of $log:" >&2; tail -n 25 "$log" >&2; }
    done
    exit 1
  fi
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q "$@" || { as_root apt-get update -q && as_root apt-get install -y -q "$@"; }
}

# --- Python: an Odoo that is already importable, else the project's venv ----

existing_odoo() {
  (cd / && "${PYTHON:-python3}" -c "import odoo.release as r; assert r.version_info[0] == 18") 2>/dev/null
}

choose_python() {
  if [ -n "${PYTHON:-}" ] || { [ ! -x "$VENV/bin/python" ] && existing_odoo; }; then
    PYTHON="${PYTHON:-python3}"
    echo "Using the Odoo 18 already importable by $PYTHON" >&2
  else
    PYTHON="$VENV/bin/python"
  fi
}

odoo_source() {
  # ODOO_SRC: a checkout of Odoo 18.0 (used in place), a git directory (its
  # ODOO_REF, default HEAD, is exported into .local/odoo) or a git URL.
  local src="${ODOO_SRC:-$ODOO_URL}"
  if [ -f "$src/odoo-bin" ]; then
    ODOO_DIR=$(cd "$src" && pwd)
    return
  fi
  ODOO_DIR="$STATE/odoo"
  [ -f "$ODOO_DIR/odoo-bin" ] && return
  rm -rf "$ODOO_DIR.part" && mkdir -p "$ODOO_DIR.part"
  if [ -d "$src" ] && git --git-dir="$src" rev-parse --verify -q "${ODOO_REF:-HEAD}^{commit}" >/dev/null; then
    git --git-dir="$src" archive "${ODOO_REF:-HEAD}" | tar -x -C "$ODOO_DIR.part"
  else
    git clone -q --depth 1 --branch "$ODOO_BRANCH" "$src" "$ODOO_DIR.part"
  fi
  mv "$ODOO_DIR.part" "$ODOO_DIR"
}

build_venv() {
  odoo_source
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip wheel setuptools
  # Odoo's pins, with the two known fixes: cbor2 5.4.2 does not build (5.4.6 has
  # wheels), python-ldap is only for the auth_ldap module.
  sed -e 's/^cbor2==5\.4\.2\b/cbor2==5.4.6/' -e '/^python-ldap/d' \
    "$ODOO_DIR/requirements.txt" > "$STATE/odoo-requirements.txt"
  "$VENV/bin/pip" install -q -r "$STATE/odoo-requirements.txt"
  # compat: setuptools' newer editable finder loses to the odoo/addons folder
  # that the OCA wheels create in site-packages, and `import odoo` breaks.
  "$VENV/bin/pip" install -q --no-build-isolation --no-deps -e "$ODOO_DIR" \
    --config-settings editable_mode=compat
}

module_requirements() {
  "$PYTHON" -m pip install -q -r "$ROOT/requirements.txt" -r "$ROOT/requirements-test.txt"
  sha256sum "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" > "$STATE/requirements.sha"
}

python_env() {
  choose_python
  if [ "$PYTHON" = "$VENV/bin/python" ] && ! (cd / && "$PYTHON" -c "import odoo.release" 2>/dev/null); then
    step "Virtual environment with Odoo 18.0 CE ($VENV)" build_venv
  fi
  if ! sha256sum -c --status "$STATE/requirements.sha" 2>/dev/null; then
    step "Module requirements (requirements*.txt)" module_requirements
  fi
}

# --- PostgreSQL, browser, PDF tools ---------------------------------------

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

start_postgres() {
  command -v pg_lsclusters >/dev/null || apt_install postgresql
  local version
  version=$(pg_lsclusters -h | awk 'NR == 1 { print $1 }')
  [ -n "$version" ] || { echo "No PostgreSQL cluster: create one (pg_createcluster)."; return 1; }
  as_root pg_ctlcluster "$version" main start || true
  for _ in $(seq 30); do pg_isready -q -h localhost && return; sleep 1; done
  return 1
}

create_role() {
  as_postgres psql -q -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
}

postgres() {
  pg_isready -q -h localhost 2>/dev/null || step "PostgreSQL started" start_postgres
  psql -h localhost -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1 \
    || step "PostgreSQL role $DB_USER created" create_role
}

chromium_browser() {
  command -v chromium >/dev/null || command -v chromium-browser >/dev/null \
    || step "Chromium for the browser tours" apt_install chromium
}

pdf_tools() {
  # Quotations, contracts and registers print in Chinese: wkhtmltopdf and a CJK font.
  if command -v wkhtmltopdf >/dev/null && fc-list :lang=zh 2>/dev/null | grep -q .; then return; fi
  if [ "$(id -u)" = 0 ]; then
    step "wkhtmltopdf and Chinese fonts for PDFs" apt_install wkhtmltopdf fonts-noto-cjk
  else
    echo "PDFs need wkhtmltopdf and fonts-noto-cjk (sudo apt-get install wkhtmltopdf fonts-noto-cjk)." >&2
  fi
}

pdf_note() {
  # The patched-Qt 0.12.6 build is in neither PyPI nor Debian: Debian's prints without the layout's
  # separate header/footer, so every report carries its office and date in its body. Said once here.
  if command -v wkhtmltopdf >/dev/null && ! wkhtmltopdf --version 2>/dev/null | grep -q "with patched qt"; then
    echo "PDFs: Debian's wkhtmltopdf (unpatched Qt): no page header/footer; reports print office and date in the body." >&2
  fi
}

write_config() {
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
http_port = $PORT
logfile = $LOG_DIR/odoo.log
CONF
}

odoo() { (cd "$ROOT" && "$PYTHON" -m odoo -c "$CONF" "$@"); }

dropdb_if_exists() {
  dropdb -h localhost -U "$DB_USER" --if-exists "$1"
  rm -rf "$STATE/data/filestore/$1"
}

db_exists() {
  psql -h localhost -U "$DB_USER" -d postgres -tAc \
    "select 1 from pg_database where datname = '$1'" | grep -q 1
}

prepare() {
  python_env
  postgres
  write_config
}

print_logins() {
  cat <<MSG

Demo logins (password = login), users work in Simplified Chinese:
   admin                 administrator (also HQ Management)
   hq_management         HQ management, sees every office
   hq_finance            HQ finance
   hd_manager            manager of 华东办事处 (HD)
   hd_sales              sales, HD
   hd_support            technical support, HD
   hd_aftersales         after-sales, HD
   hn_manager, hn_sales, hn_support, hn_aftersales: the same for 华南办事处 (HN)
   portal_customer       customer portal (东莞精工电子厂): tickets, repairs, trainings, jobs on /my
Odoo's log: $LOG_DIR/odoo.log
== Lighting Office: http://localhost:$PORT  (database $DEMO_DB; Ctrl-C stops it)
MSG
}

cmd_run() {
  prepare
  pdf_tools
  pdf_note
  if ! db_exists "$DEMO_DB"; then
    step "Demo database $DEMO_DB created (Lighting Office + demo data)" \
      odoo -d "$DEMO_DB" -i lighting_office --load-language=zh_CN --stop-after-init
  else
    step "Demo database $DEMO_DB updated (lighting_office upgraded)" \
      odoo -d "$DEMO_DB" -u lighting_office --stop-after-init
    demo_loaded "$DEMO_DB" || echo "Note: $DEMO_DB was made by an older version whose demo records could not all be" \
      "brought up to date (see $LOG_DIR/odoo.log); 'make clean' or DB=another_name gives today's demo." >&2
  fi
  print_logins
  exec "$PYTHON" -m odoo -c "$CONF" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$"
}

# Odoo logs a demo that fails to load as a warning and goes on without it: check it is there.
demo_loaded() {
  psql -h localhost -U "$DB_USER" -d "$1" -tAc \
    "select demo from ir_module_module where name = 'lighting_office'" | grep -qx t
}

install_with_demo() {
  # As `run` makes it: with Chinese loaded.
  odoo -d "$1" -i lighting_office --load-language=zh_CN --stop-after-init
  demo_loaded "$1" || { echo "The demo data of lighting_office failed to load: see $LOG_DIR/odoo.log"; return 1; }
}

# The tests that need the demo data (the rest run on a database without it,
# which leaves these out rather than skipping them).
test_demo() {
  (cd "$ROOT" && "$PYTHON" -m pytest -p no:cacheprovider -q --odoo-config="$CONF" --odoo-database="$1" \
    lighting_office/tests/test_demo_chinese.py)
}

cmd_test() {
  prepare
  chromium_browser
  local started=$SECONDS
  dropdb_if_exists "${TEST_DB}_demo"
  step "lighting_office installed with demo data in Chinese (it must load)" install_with_demo "${TEST_DB}_demo"
  step "The demo reads in Chinese (test_demo_chinese.py on that database)" test_demo "${TEST_DB}_demo"
  dropdb_if_exists "${TEST_DB}_demo"
  dropdb_if_exists "$TEST_DB"
  step "Dependencies installed without demo into $TEST_DB" \
    odoo -d "$TEST_DB" -i "$DEPENDENCIES" --without-demo=all --stop-after-init
  step "lighting_office installed on top of its dependencies" \
    odoo -d "$TEST_DB" -i lighting_office --without-demo=all --stop-after-init
  echo "Running the tests (pytest-odoo, browser tours included); Odoo's log: $LOG_DIR/odoo.log" >&2
  (cd "$ROOT" && "$PYTHON" -m pytest -p no:cacheprovider \
      --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http \
      --ignore=lighting_office/tests/test_demo_chinese.py \
      -rs "$@" lighting_office/tests)
  echo "Whole test command: $((SECONDS - started)) s"
}

cmd_lint() {
  # The hooks come from PyPI and npm at the versions pinned in
  # .pre-commit-config.yaml; their environments are cached in $PRE_COMMIT_HOME
  # (default ~/.cache/pre-commit), so only a machine's first run installs them.
  # Fixers (ruff, ruff format, prettier, the XML header, the .po layout) leave
  # their fixes in the work tree and fail the run: commit them and run again.
  python_env
  (cd "$ROOT" && "$PYTHON" -m pre_commit run --all-files --show-diff-on-failure "$@")
}

cmd_clean() {
  if pg_isready -q -h localhost 2>/dev/null; then
    for db in "$DEMO_DB" "$TEST_DB" "${TEST_DB}_demo"; do dropdb -h localhost -U "$DB_USER" --if-exists "$db" || true; done
  fi
  rm -rf "$STATE"
  echo "Removed $STATE and the databases $DEMO_DB, $TEST_DB."
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  setup) shift; prepare; chromium_browser; pdf_tools ;;
  clean) shift; cmd_clean "$@" ;;
  lint) shift; cmd_lint "$@" ;;
  *) echo "usage: $0 run|test|setup|clean|lint" >&2; exit 2 ;;
esac
