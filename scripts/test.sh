#!/usr/bin/env bash
# The project's test command (CI's .ci/run calls it): installs what the tests need from Debian if it is missing,
# starts a throwaway PostgreSQL cluster, runs the format, strings and migration checks, builds once and runs every
# test project. The last line it prints is "N passed, N failed"; it exits non-zero if anything failed.
#
# Options (environment): TEST_CONFIGURATION (default Release), TEST_RESULTS (default artifacts/test-results),
# AFTERSALES_TEST_POSTGRES (use this server instead of starting one), SKIP_APT=1 (never call apt-get).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=${TEST_CONFIGURATION:-Release}
results=${TEST_RESULTS:-$root/artifacts/test-results}
started=$SECONDS

passed=0
failed=0
failures=()

step() { printf '\n==> %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$1"; }
fail() { failed=$((failed + 1)); failures+=("$1"); printf 'FAIL  %s\n' "$1"; }

# ---------------------------------------------------------------------------------------------------------------
# Debian packages: only when something is missing, so a prepared machine does no apt work at all.
# ---------------------------------------------------------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
has_cjk_font() { command -v fc-list >/dev/null && fc-list :lang=zh family 2>/dev/null | grep -qi noto; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
has_cjk_font || missing+=(fonts-noto-cjk fontconfig)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${SKIP_APT:-0}" = 1 ]; then
    echo "Missing Debian packages (SKIP_APT=1, not installing): ${missing[*]}"
  else
    step "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "apt-get install failed; the tests that need ${missing[*]} will fail"
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
# A throwaway PostgreSQL cluster on a free loopback port (TOOLCHAIN.md pitfall 9), removed on exit.
# ---------------------------------------------------------------------------------------------------------------
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_postgres() {
  local bin port password
  bin=$(pg_bin)
  [ -n "$bin" ] && id postgres >/dev/null 2>&1 || { echo "PostgreSQL is not installed"; return 1; }
  pg_dir=$(mktemp -d /tmp/aftersales-pg.XXXXXX)
  chown postgres:postgres "$pg_dir" && chmod 700 "$pg_dir"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  runuser -u postgres -- "$bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log"; return 1; }
  # Durability off: a test cluster lives for minutes and is thrown away.
  runuser -u postgres -- "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$pg_dir/server.log"; return 1; }
  runuser -u postgres -- "$bin/psql" -h "$pg_dir" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE aftersales_test LOGIN SUPERUSER PASSWORD '$password'" || return 1
  export AFTERSALES_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=aftersales_test;Password=$password"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

if [ -n "${AFTERSALES_TEST_POSTGRES:-}" ]; then
  step "PostgreSQL: using AFTERSALES_TEST_POSTGRES from the environment"
else
  step "Starting a throwaway PostgreSQL cluster"
  start_postgres || fail "PostgreSQL cluster could not be started (the PostgreSQL tests will fail too)"
fi

# ---------------------------------------------------------------------------------------------------------------
# Checks that are not tests: formatting, strings in both languages, migrations up to date.
# ---------------------------------------------------------------------------------------------------------------
step "Restoring tools"
dotnet tool restore >/dev/null || fail "dotnet tool restore"

# Every project the solution lists must exist, or 'dotnet build AfterSales.slnx' fails for everyone.
mapfile -t listed < <(grep -o 'Path="[^"]*\.csproj"' AfterSales.slnx | sed 's/Path="\(.*\)"/\1/')
projects=()
for project in "${listed[@]}"; do
  if [ -f "$project" ]; then projects+=("$project"); else fail "AfterSales.slnx lists $project, which does not exist"; fi
done
if [ ${#projects[@]} -eq ${#listed[@]} ]; then targets=(AfterSales.slnx); else targets=("${projects[@]}"); fi

step "Restore and build ($configuration)"
build_ok=1
for target in "${targets[@]}"; do
  if ! dotnet build "$target" -c "$configuration" -v q -nologo -clp:ErrorsOnly; then build_ok=0; fi
done
if [ $build_ok = 1 ]; then pass "build"; else fail "build (see the errors above)"; fi

# Formatting takes minutes of one core and reads only the sources: it runs beside the tests (reported below).
format_log=$(mktemp /tmp/aftersales-format.XXXXXX)
(
  format_ok=1
  for target in "${targets[@]}"; do
    dotnet format "$target" --verify-no-changes --no-restore -v q || format_ok=0
  done
  echo "$format_ok" >"$format_log.ok"
) >"$format_log" 2>&1 &
format_pid=$!

step "Strings in both languages"
if python3 scripts/strings.py --check; then pass "strings"; else fail "strings: every key needs English and Chinese (scripts/strings.py)"; fi

step "Migrations match the model"
for provider in Sqlite Postgres; do
  if [ $build_ok = 1 ] && dotnet ef migrations has-pending-model-changes --no-build --configuration "$configuration" \
      --project src/AfterSales.Web --context "${provider}AfterSalesDb" >"/tmp/aftersales-ef-$$.log" 2>&1; then
    pass "migrations ($provider)"
  else
    cat "/tmp/aftersales-ef-$$.log"
    fail "migrations ($provider): model changes without a migration (scripts/migrations.sh --reset Initial)"
  fi
  rm -f "/tmp/aftersales-ef-$$.log"
done

# ---------------------------------------------------------------------------------------------------------------
# Tests: every test project, xUnit v3 on Microsoft.Testing.Platform, counted from their TRX reports.
# ---------------------------------------------------------------------------------------------------------------
test_projects=()
for project in tests/*.Tests/*.Tests.csproj tests/AfterSales.BrowserTests/AfterSales.BrowserTests.csproj; do
  [ -f "$project" ] && test_projects+=("$project")
done

# Each project runs in its own process, side by side (the integration suite waits on the database, the browser
# suite on Chromium); their output is printed one project after the other when all have finished.
run_project() {
  local project=$1 name out
  name=$(basename "$project" .csproj)
  out="$results/$name"
  mkdir -p "$out"
  dotnet test --project "$project" -c "$configuration" --no-build --no-progress --no-ansi \
    --results-directory "$out" --report-xunit-trx --report-xunit-trx-filename "$name.trx" --timeout 30m \
    >"$out/console.log" 2>&1
  echo $? >"$out/exit-code"
}

if [ $build_ok = 1 ]; then
  rm -rf "$results"
  pids=()
  for project in "${test_projects[@]}"; do
    run_project "$project" &
    pids+=($!)
  done
  step "Tests: ${#test_projects[@]} projects side by side"
  wait "${pids[@]}"
  for project in "${test_projects[@]}"; do
    name=$(basename "$project" .csproj)
    out="$results/$name"
    step "Tests: $name"
    cat "$out/console.log"
    code=$(cat "$out/exit-code" 2>/dev/null || echo 1)
    counts=$(python3 - "$out/$name.trx" <<'EOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 0"); sys.exit()
c = root.find("{*}ResultSummary/{*}Counters")
bad = sum(int(c.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
print(c.get("passed", 0), bad)
EOF
    )
    read -r project_passed project_failed <<<"$counts"
    passed=$((passed + project_passed))
    failed=$((failed + project_failed))
    [ "$project_failed" -gt 0 ] && failures+=("$name: $project_failed failed test(s)")
    if [ "$code" -ne 0 ] && [ "$project_failed" -eq 0 ]; then
      fail "$name: the test run ended with exit code $code without a failed test (crash, timeout or no tests)"
    fi
    echo "$name: $project_passed passed, $project_failed failed"
  done
else
  echo "Build failed: tests not run."
fi

step "Formatting (dotnet format --verify-no-changes)"
wait "$format_pid"
cat "$format_log"
if [ "$(cat "$format_log.ok" 2>/dev/null)" = 1 ]; then pass "formatting"; else fail "formatting: run 'dotnet format AfterSales.slnx' and commit"; fi
rm -f "$format_log" "$format_log.ok"

# ---------------------------------------------------------------------------------------------------------------
step "Summary ($((SECONDS - started)) s)"
if [ ${#failures[@]} -gt 0 ]; then
  printf 'Failed:\n'
  printf '  - %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
