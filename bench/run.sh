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

echo "==> Release build (the service published ReadyToRun, as a deployment should: it starts in about half the time)"
case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
export BENCH_API_DIR=src/Auth.Api/bin/Release/bench-r2r
dotnet publish src/Auth.Api -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -warnaserror \
  --nologo -v quiet -clp:ErrorsOnly -o "$BENCH_API_DIR"
for project in tests/Auth.Benchmarks.Baseline tests/Auth.Benchmarks; do
  dotnet build "$project" -c Release -warnaserror --nologo -v quiet -clp:ErrorsOnly
done

echo "==> Load harness ($mode)"
python3 bench/harness.py --mode "$mode"

bench_dir=tests/Auth.Benchmarks/bin/Release/net10.0
if [ "$mode" = short ]; then
  echo "==> Micro-benchmarks, one dry pass each (proves they run; the timings mean nothing)"
  artifacts=$(mktemp -d)
  (cd "$bench_dir" && dotnet Auth.Benchmarks.dll --filter '*' --job Dry --inProcess --artifacts "$artifacts" >"$artifacts/log.txt" 2>&1) ||
    { tail -n 80 "$artifacts/log.txt"; echo "a micro-benchmark failed" >&2; exit 1; }
  grep -c '^| ' "$artifacts/log.txt" | xargs -I{} echo "micro-benchmarks ran ({} table lines)"
  rm -rf "$artifacts"
else
  echo "==> Micro-benchmarks (BenchmarkDotNet, short job, memory diagnoser)"
  rm -rf bench/results/micro
  (cd "$bench_dir" && dotnet Auth.Benchmarks.dll --filter '*' --job short --artifacts "$OLDPWD/bench/results/micro")
  {
    echo "Micro-benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), BenchmarkDotNet short job, memory diagnoser on."
    for report in bench/results/micro/results/*-report-github.md; do
      echo
      echo "### $(basename "$report" -report-github.md | sed 's/^Auth\.Benchmarks\.//')"
      sed -n '/^|/p' "$report"
    done
  } > bench/results/micro.md
  cat bench/results/micro.md
fi
