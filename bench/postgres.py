#!/usr/bin/env python3
"""PostgreSQL mode of the load harness: python3 bench/postgres.py [--mode short|full] [--instances 1,2].
Needs the service built in Release (bash bench/run.sh does it; or dotnet build src/Auth.Api -c Release).

Starts a throwaway PostgreSQL cluster from the installed server binaries (as the postgres user when run as root; no
durability settings changed: fsync and synchronous commit stay on, as in production), then for one and for two
service instances sharing a fresh database: seeds users through the first instance and drives the login, refresh
and logout scenarios of the SQLite harness (the same wrk scripts). With two instances each runs half the
connections against its own instance, at the same time, and the figures are the sums (requests/s) and the worse of
the two (p50, p99). The same scenarios run first on SQLite, one instance, for a comparison under the same load. Writes bench/results/postgres-<mode>.md and .json. Run it after bench/run.sh built the service.
"""
import argparse
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402  (beside this file)
from harness import CORES, Harness, log, wrk  # noqa: E402

PACKAGE = "postgresql (Debian: apt-get install postgresql)"


class Cluster:
    def __init__(self, work):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise SystemExit(f"PostgreSQL server binaries not found: install {PACKAGE}")
        self.bin = os.path.dirname(found[-1])
        self.dir = os.path.join(work, "pg")
        os.makedirs(self.dir)
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.run_as:
            shutil.chown(self.dir, "postgres")
        self.port = harness.free_port()
        data = os.path.join(self.dir, "data")
        self.tool("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale")
        self.tool("pg_ctl", "-D", data, "-l", os.path.join(self.dir, "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=300", "start")
        self.data = data

    def tool(self, name, *args):
        subprocess.run([*self.run_as, os.path.join(self.bin, name), *args], check=True, capture_output=True)

    def create(self, name):
        self.tool("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return f"Host=127.0.0.1;Port={self.port};Username=postgres;Database={name};Maximum Pool Size=64"

    def stop(self):
        self.tool("pg_ctl", "-D", self.data, "-m", "fast", "stop")


def split(path, parts):
    with open(path, encoding="ascii") as f:
        lines = [l for l in f.read().splitlines() if l]
    files = []
    for i in range(parts):
        part = f"{path}.{i}"
        with open(part, "w", encoding="ascii") as f:
            f.write("\n".join(lines[i::parts]) + "\n")
        files.append(part)
    return files


def together(name, runs):
    """wrk against each instance at once; requests/s summed, latencies the worse of the two."""
    results = [None] * len(runs)

    def one(i, args):
        results[i] = wrk(*args)

    threads = [threading.Thread(target=one, args=(i, args)) for i, args in enumerate(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    summary = {key: sum(r[key] for r in results) for key in ("requests", "socket_errors", "status_errors", "unexpected")}
    summary["rps"] = sum(r["rps"] for r in results)
    summary["p50_us"] = max(r["p50_us"] for r in results)
    summary["p99_us"] = max(r["p99_us"] for r in results)
    summary["errors"] = summary["socket_errors"] + summary["unexpected"]
    summary["name"] = name
    log(f"{name}: {summary['rps']:.0f} req/s, p50 {summary['p50_us'] / 1000:.2f} ms, p99 {summary['p99_us'] / 1000:.2f} ms, "
        f"errors {summary['errors']}")
    return summary


def measure(mode, work, cluster, instances):
    h = Harness(mode, os.path.join(work, f"{'pg' if cluster else 'sqlite'}{instances}"))
    os.makedirs(h.work)
    h.generate_keys()
    # Without a cluster: the same scenarios on SQLite (one instance), for a comparison on the same machine at the same time.
    env = {"Database__Provider": "Postgres", "ConnectionStrings__Auth": cluster.create(f"bench{instances}")} if cluster else {}
    where = "PostgreSQL" if cluster else "SQLite"
    apis = []
    for i in range(instances):
        h.start_service(extra_env=env, name=f"auth{i}")
        apis.append(h.api)
    h.api = apis[0]
    h.seed()
    cfg = h.cfg
    rows = []
    users = {"BENCH_USERS": str(cfg["users"])}
    if cfg["warmup"]:
        wrk("login.lua", apis[0], cfg["warmup"], 2, CORES * 2, users)
    rows.append(together(f"{where}: POST /auth/login, {instances} instance(s)",
                         [("login.lua", api, cfg["duration"], 2, max(2, CORES * 2 // instances), users) for api in apis]))
    refresh = split(h.refresh_file, instances)
    rows.append(together(f"{where}: POST /auth/refresh, {instances} instance(s)",
                         [("refresh.lua", api, cfg["duration"], 2, max(2, cfg["chains"] // 2 // instances), {"BENCH_REFRESH_FILE": f})
                          for api, f in zip(apis, refresh)]))
    access = split(h.access_file, instances)
    rows.append(together(f"{where}: POST /auth/logout + rejected GET, {instances} instance(s)",
                         # logout.lua wants one connection per thread (each answer is its thread's last request).
                         [("logout.lua", api, cfg["duration"], 8 // instances, 8 // instances, {"BENCH_ACCESS_FILE": f})
                          for api, f in zip(apis, access)]))
    h.procs.stop_all()
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=sorted(harness.MODES), default="short")
    parser.add_argument("--instances", default="1,2")
    parser.add_argument("--out", default=os.path.join(harness.ROOT, "bench", "results"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="auth-bench-pg-")
    os.chmod(work, 0o755)
    cluster = Cluster(work)
    rows = measure(args.mode, work, None, 1)
    try:
        for n in (int(x) for x in args.instances.split(",")):
            rows.extend(measure(args.mode, work, cluster, n))
    finally:
        cluster.stop()
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"PostgreSQL mode ({args.mode}), {date}, {harness.machine()}; PostgreSQL on the same machine.", "",
             "| scenario | req/s | p50 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {r['name']} | {r['rps']:.0f} | {r['p50_us'] / 1000:.2f} | {r['p99_us'] / 1000:.2f} | {r['errors']} |" for r in rows]
    markdown = "\n".join(lines) + "\n"
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"postgres-{args.mode}.md"), "w", encoding="utf-8") as f:
        f.write(markdown)
    with open(os.path.join(args.out, f"postgres-{args.mode}.json"), "w", encoding="utf-8") as f:
        json.dump({"mode": args.mode, "date": date, "rows": rows}, f, indent=2)
    print()
    print(markdown)
    return 1 if any(r["rps"] == 0 for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
