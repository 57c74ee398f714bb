#!/usr/bin/env bash
# The load harness: bash bench/run.sh [--short|--full] (full is the default; short proves it works in a few seconds
# per scenario, for CI). Builds in Release, then bench/harness.py starts the service (fresh SQLite, rate limits off,
# logging at Warning) and the baseline on 127.0.0.1, seeds users, drives both with wrk, and writes
# bench/results/<mode>.md and .json. Full mode then runs the BenchmarkDotNet micro-benchmarks too.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
for arg in "$@"; do
  case "$arg" in
    --short) mode=short ;;
    --full) mode=full ;;
    *) echo "usage: bash bench/run.sh [--short|--full]" >&2; exit 2 ;;
  esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in wrk openssl python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool"
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done

echo "==> Release build"
for project in src/Auth.Api tests/Auth.Benchmarks.Baseline tests/Auth.Benchmarks; do
  dotnet build "$project" -c Release -warnaserror --nologo -v quiet -clp:ErrorsOnly
done

echo "==> Load harness ($mode)"
python3 bench/harness.py --mode "$mode"

if [ "$mode" = full ]; then
  echo "==> Micro-benchmarks (BenchmarkDotNet, short job)"
  (cd tests/Auth.Benchmarks/bin/Release/net10.0 && dotnet Auth.Benchmarks.dll --filter '*' --job short \
    --artifacts "$OLDPWD/bench/results/micro")
  python3 bench/micro_report.py bench/results/micro bench/results/micro.md
  cat bench/results/micro.md
fi
