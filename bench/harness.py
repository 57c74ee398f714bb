#!/usr/bin/env python3
"""The load harness behind bench/run.sh: starts the service and the baseline on loopback, seeds users and
sessions, drives both with wrk, measures the hashing limit and the time to ready, and writes one table.

Every process it starts is stopped in a finally block; traffic goes to 127.0.0.1 only, and every wrk run has a
bounded duration. Short mode proves the harness works (it fails on errors or zero throughput, never on a ratio).
"""
import argparse
import base64
import concurrent.futures
import datetime
import hashlib
import hmac
import json
import os
import platform
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, "bench", "lua")
# bench/run.sh publishes the service ReadyToRun here; a plain Release build is the fallback.
API_DIR = os.path.join(ROOT, os.environ.get("BENCH_API_DIR", os.path.join("src", "Auth.Api", "bin", "Release", "net10.0")))
BASELINE_DIR = os.path.join(ROOT, "tests", "Auth.Benchmarks.Baseline", "bin", "Release", "net10.0")
BENCH_DIR = os.path.join(ROOT, "tests", "Auth.Benchmarks", "bin", "Release", "net10.0")
PASSWORD = "correct horse battery staple"
HS256_SECRET = "baseline-hs256-secret-of-at-least-32-bytes"
KEY_ID = "bench"
CORES = os.cpu_count() or 1

MODES = {
    # duration (s) of a measured run, its warm-up, rounds a side-by-side comparison is split into, seeded users,
    # refresh chains, sessions ended by the logout run
    "short": dict(duration=3, warmup=1, rounds=1, users=40, chains=32, logouts=120, storm=0, flood=3, soak=0,
                  ready_runs=2, mfa=24, passkeys=32, external=16),
    "full": dict(duration=15, warmup=5, rounds=5, users=200, chains=64, logouts=1200, storm=15, flood=15, soak=300,
                 ready_runs=5, mfa=400, passkeys=64, external=200),
}
SCENARIOS = ("ping", "user", "login", "refresh", "signup", "passwords", "logout", "storm", "flood", "soak", "ready",
             "mfa", "passkey", "external", "before-mfa")
# Scenario before-mfa: the service as it was before issue 13 (two-step verification), published to this directory
# (see bench/README.md), beside this build's.
BEFORE_MFA_API_DIR = os.environ.get("BENCH_BEFORE_MFA_API_DIR", "")
# The origin the passkey driver's software authenticator signs for (tests/Auth.Benchmarks/PasskeyLoginLoad.cs).
PASSKEY_ORIGIN = "http://localhost:3000"
PASSKEY_LOOPS = 32
# Sign-ins finished with a code at once: each is one request, timed alone (see Harness.mfa_verify).
MFA_WORKERS = 4
FLOOD_CONNECTIONS = 300
# The test OpenID Provider (tests/TestIdp, oidc-provider on Node) the external sign-in scenario signs in at.
TEST_IDP = os.path.join(ROOT, "tests", "TestIdp")
EXTERNAL_RETURN = "http://localhost:5173/external"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Processes:
    """Every process the harness starts, so that all of them are stopped whatever happens."""

    def __init__(self):
        self.running = []

    def start(self, args, cwd, env, log_path):
        out = open(log_path, "ab")
        process = subprocess.Popen(args, cwd=cwd, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.running.append(process)
        return process

    def stop(self, process):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process in self.running:
            self.running.remove(process)

    def stop_all(self):
        for process in list(self.running):
            self.stop(process)


def request(base, method, path, body=None, token=None, timeout=30):
    """One JSON request: (status, parsed body). A 503 overloaded (the bounded hashing queue, still draining a flood
    that just ended, or a hash pace the flood slowed) is waited out as a client should, by its Retry-After, for up to
    a minute: seeding is not a measurement. Routes that never hash never answer it, so timed calls are unaffected."""
    deadline = time.monotonic() + 60
    while True:
        status, parsed, retry_after = _request_once(base, method, path, body, token, timeout)
        overloaded = status == 503 and isinstance(parsed, dict) and parsed.get("code") == "overloaded"
        if not overloaded or time.monotonic() + retry_after > deadline:
            return status, parsed
        time.sleep(retry_after)


def _request_once(base, method, path, body, token, timeout):
    headers = {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None, 0
    except urllib.error.HTTPError as e:
        # Problem bodies matter to some callers (the mfaToken of a 403 mfa_required).
        raw = e.read()
        retry_after = int(e.headers.get("Retry-After") or 1)
        try:
            return e.code, json.loads(raw) if raw else None, retry_after
        except ValueError:
            return e.code, None, retry_after


def problem_code(body):
    """The stable code of a problem response, for a failure message."""
    return body.get("code") if isinstance(body, dict) else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def hop(opener, url, form=None, timeout=30):
    """One request of a browser's redirect dance, redirects not followed: (status, Location or None, body)."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with opener.open(urllib.request.Request(url, data=data), timeout=timeout) as response:
            return response.status, response.headers.get("Location"), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Location"), e.read()


def totp(secret, at):
    """RFC 6238 as an authenticator app computes it (SHA-1, 6 digits, 30 s steps) at unix time `at`."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def wait_for(base, path, process, interval, timeout=60.0):
    """Polls base+path until it answers 2xx; fails if the process exits or the timeout passes."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {path} answered")
        try:
            with urllib.request.urlopen(base + path, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(interval)
    raise RuntimeError(f"{base}{path} did not answer within {timeout} s")


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def hs256_token(issuer="auth", audience="auth-clients", lifetime=3600):
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {"iss": issuer, "aud": audience, "sub": "00000000-0000-0000-0000-000000000001", "email": "baseline@bench.local",
              "name": "Baseline", "iat": now, "nbf": now, "exp": now + lifetime}
    payload = b64(json.dumps(claims).encode())
    signature = hmac.new(HS256_SECRET.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


def wrk(script, url, duration, threads, connections, env=None):
    """One bounded wrk run; returns the summary its Lua done() printed."""
    args = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
            "-s", os.path.join(LUA, script), url]
    run_env = {**os.environ, "BENCH_LUA_DIR": LUA, "BENCH_THREADS": str(threads), "BENCH_PASSWORD": PASSWORD,
               **(env or {})}
    result = subprocess.run(args, env=run_env, capture_output=True, text=True, timeout=duration + 60, check=False)
    for line in result.stdout.splitlines():
        if line.startswith("BENCH "):
            summary = json.loads(line[len("BENCH "):])
            timed = summary["timed_us"] if summary["timed_us"] > 0 else summary["duration_us"]
            summary["rps"] = summary["requests"] / (timed / 1e6) if timed else 0.0
            return summary
    raise RuntimeError(f"wrk printed no summary (exit {result.returncode}): {result.stdout}\n{result.stderr}")


class Harness:
    def __init__(self, mode, work):
        self.mode = mode
        self.cfg = MODES[mode]
        self.work = work
        self.procs = Processes()
        self.results = []
        self.checks = {}
        self.service = None
        self.api = None

    # --- processes ---------------------------------------------------------------------------------------------
    def generate_keys(self):
        self.key = os.path.join(self.work, "key.pem")
        self.pub = os.path.join(self.work, "pub.pem")
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", self.key],
                       check=True, capture_output=True)
        subprocess.run(["openssl", "pkey", "-in", self.key, "-pubout", "-out", self.pub], check=True, capture_output=True)

    def start_service(self, extra_env=None, name="auth", api_dir=API_DIR):
        port = free_port()
        self.api = f"http://127.0.0.1:{port}"
        env = {
            "ASPNETCORE_ENVIRONMENT": "Production",
            "ASPNETCORE_URLS": self.api,
            "Database__SqliteFile": os.path.join(self.work, f"{name}.db"),
            "Jwt__Keys__0__PemFile": self.key,
            "Jwt__Keys__0__KeyId": KEY_ID,
            "RateLimiting__Enabled": "false",
            "Logging__LogLevel__Default": "Warning",
            # No SMTP server here: signup's confirmation mails go to files, written in the background as in production.
            "Email__Transport": "Pickup",
            "Email__PickupDirectory": os.path.join(self.work, "mail"),
            "Auth__Mfa__EncryptionKeyFile": os.path.join(self.work, "mfa-encryption.key"),
            "Passkeys__Origins__0": PASSKEY_ORIGIN,
            **(extra_env or {}),
        }
        started = time.monotonic()
        self.service = self.procs.start(["dotnet", os.path.join(api_dir, "Auth.Api.dll")], api_dir, env,
                                        os.path.join(self.work, f"{name}-service.log" if name != "auth" else "service.log"))
        # Polled every 5 ms: the time to ready is measured from here.
        wait_for(self.api, "/health/ready", self.service, interval=0.005)
        return time.monotonic() - started

    def start_baseline(self):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        env = {
            "ASPNETCORE_URLS": self.base,
            "Baseline__PublicKeyPemFile": self.pub,
            "Baseline__KeyId": KEY_ID,
            "Baseline__Hs256Secret": HS256_SECRET,
            "Logging__LogLevel__Default": "Warning",
        }
        self.baseline = self.procs.start(["dotnet", os.path.join(BASELINE_DIR, "Auth.Benchmarks.Baseline.dll")],
                                         BASELINE_DIR, env, os.path.join(self.work, "baseline.log"))
        wait_for(self.base, "/ping", self.baseline, interval=0.05)

    # --- seeding -----------------------------------------------------------------------------------------------
    def seed(self):
        cfg = self.cfg
        users = cfg["users"]

        def signup(i):
            status, body = request(self.api, "POST", "/auth/signup",
                                   {"email": f"bench-{i}@bench.local", "password": PASSWORD, "name": f"Bench {i}"})
            if status != 201:
                raise RuntimeError(f"seeding signup {i} answered {status} {problem_code(body)}")

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=CORES * 2) as pool:
            list(pool.map(signup, range(users)))
            chains = list(pool.map(self.login, range(cfg["chains"])))
            ends = list(pool.map(self.login, range(cfg["logouts"])))
        self.refresh_file = os.path.join(self.work, "refresh.txt")
        self.access_file = os.path.join(self.work, "access.txt")
        with open(self.refresh_file, "w", encoding="ascii") as f:
            f.write("\n".join(c["refreshToken"] for c in chains) + "\n")
        with open(self.access_file, "w", encoding="ascii") as f:
            f.write("\n".join(e["accessToken"] for e in ends) + "\n")
        self.user_token = self.login(1)["accessToken"]
        log(f"seeded {users} users, {cfg['chains']} refresh chains, {cfg['logouts']} sessions to end "
            f"in {time.monotonic() - started:.1f} s")

    def login(self, i):
        """A new session of seeded user i (modulo the users seeded)."""
        status, body = request(self.api, "POST", "/auth/login",
                               {"email": f"bench-{i % self.cfg['users']}@bench.local", "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"login of seeded user {i} answered {status} {problem_code(body)}")
        return body

    # --- measurements ------------------------------------------------------------------------------------------
    def run(self, name, script, url, threads=2, connections=64, env=None, warm=True, duration=None):
        duration = duration or self.cfg["duration"]
        if warm and self.cfg["warmup"]:
            wrk(script, url, self.cfg["warmup"], threads, connections, env)
        summary = wrk(script, url, duration, threads, connections, env)
        # Non-2xx answers are errors for plain GETs; the other scripts count what they did not expect themselves.
        return self.record(name, summary, status_errors_count=script == "get.lua")

    def record(self, name, summary, status_errors_count, detail=""):
        summary["name"] = name
        summary["errors"] = summary["socket_errors"] + summary["unexpected"] + (
            summary["status_errors"] if status_errors_count else 0)
        log(f"{name}: {summary['rps']:.0f} req/s{detail}, p50 {summary['p50_us'] / 1000:.2f} ms, "
            f"p99 {summary['p99_us'] / 1000:.2f} ms, errors {summary['errors']}")
        self.results.append(summary)
        return summary

    def run_side_by_side(self, runs, connections=64, rounds=None, piece=None, alternate=False):
        """Scenarios compared with each other (the service's and the baseline's), measured in interleaved rounds
        (A B C A B C ...) so that a change in the machine's speed during the comparison (other tenants of the
        cores) falls on all of them alike. Requests/s is over all rounds; p50 and p99 are the rounds' medians.
        An env may be a function, called for each wrk run (a signup run needs addresses no earlier run used)."""
        rounds = rounds or self.cfg["rounds"]
        piece = piece or max(1, round(self.cfg["duration"] / rounds))

        def env_of(env):
            return env() if callable(env) else env

        if self.cfg["warmup"]:
            for _, script, url, env in runs:
                wrk(script, url, self.cfg["warmup"], 2, connections, env_of(env))
        measured = {name: [] for name, _, _, _ in runs}
        for round_ in range(rounds):
            # A B, then B A: a machine speeding up or slowing down during a round favours neither side overall.
            ordered = runs if round_ % 2 == 0 or not alternate else list(reversed(runs))
            for name, script, url, env in ordered:
                measured[name].append(wrk(script, url, piece, 2, connections, env_of(env)))
        for name, _, _, _ in runs:
            parts = measured[name]
            summary = {key: sum(p[key] for p in parts) for key in
                       ("requests", "socket_errors", "status_errors", "unexpected", "duration_us", "timed_us")}
            summary["rps"] = sum(p["rps"] for p in parts) / len(parts)
            summary["p50_us"] = statistics.median(p["p50_us"] for p in parts)
            summary["p99_us"] = statistics.median(p["p99_us"] for p in parts)
            summary["rounds_rps"] = [round(p["rps"]) for p in parts]
            self.record(name, summary, status_errors_count=True, detail=f" (rounds {summary['rounds_rps']})")

    def hashing_limit(self):
        out = subprocess.run(["dotnet", os.path.join(BENCH_DIR, "Auth.Benchmarks.dll"), "hashing-limit",
                              "--samples", "10" if self.mode == "short" else "40"],
                             cwd=BENCH_DIR, capture_output=True, text=True, check=True, timeout=300).stdout
        line = next(l for l in out.splitlines() if l.startswith("HASH "))
        measured = json.loads(line[len("HASH "):])
        self.checks["hash_ms"] = measured["medianMs"]
        self.checks["hash_limit"] = CORES * 1000.0 / measured["medianMs"]
        self.checks["hash_parallel_per_s"] = measured.get("parallelPerSecond")
        log(f"one Argon2id verify {measured['medianMs']:.1f} ms (m={measured['memoryKiB']} KiB, t={measured['iterations']}): "
            f"hashing limit {self.checks['hash_limit']:.0f} logins/s on {CORES} cores "
            f"(measured with {CORES} verifies at once: {measured.get('parallelPerSecond', 0):.0f}/s)")

    def sample_rss(self, stop, samples, every):
        while not stop.wait(every):
            try:
                samples.append((time.monotonic(), rss_mb(self.service.pid)))
            except OSError:
                return

    def under_watch(self, every, action):
        samples, stop = [], threading.Event()
        samples.append((time.monotonic(), rss_mb(self.service.pid)))
        watcher = threading.Thread(target=self.sample_rss, args=(stop, samples, every), daemon=True)
        watcher.start()
        try:
            result = action()
        finally:
            stop.set()
            watcher.join()
        return result, samples

    def login_storm(self):
        """200 logins waiting at once: with hashing concurrency bounded, memory must stay flat."""
        env = {"BENCH_USERS": str(self.cfg["users"])}
        before = rss_mb(self.service.pid)
        summary, samples = self.under_watch(0.5, lambda: self.run(
            "login, 200 waiting (memory)", "login.lua", self.api, connections=200, env=env, warm=False,
            duration=self.cfg["storm"]))
        values = [v for _, v in samples]
        half = values[len(values) // 2:]
        self.checks["storm"] = {"before_mb": before, "peak_mb": max(values), "second_half_spread_mb": max(half) - min(half)}
        summary["note"] = (f"working set {before:.0f} MB before, peak {max(values):.0f} MB, "
                           f"second half spread {max(half) - min(half):.1f} MB")

    def flood(self):
        """FLOOD_CONNECTIONS connections of wrong passwords; meanwhile a legitimate login (2 connections) and GET
        /auth/user (4 connections) are measured. The bounded hashing queue must keep the login's p99 near the
        queue's own wait (or refuse it at once with 503, counted apart), and /auth/user must not notice."""
        duration = self.cfg["flood"]
        users = str(self.cfg["users"])
        bad = {}
        flood = threading.Thread(target=lambda: bad.update(
            wrk("badlogin.lua", self.api, duration + 3, 2, FLOOD_CONNECTIONS, {"BENCH_USERS": users})), daemon=True)
        flood.start()
        time.sleep(1.5)  # the flood fills the queue before the measured runs start
        measured = {}
        runs = [
            ("login during a flood of bad logins", "login.lua", self.api, 2,
             {"BENCH_USERS": users, "BENCH_ALLOW_OVERLOADED": "1"}),
            ("GET /auth/user during a flood of bad logins", "get.lua", self.api + "/auth/user", 4,
             {"BENCH_TOKEN": self.user_token}),
        ]
        threads = [threading.Thread(target=lambda r=r: measured.update({r[0]: wrk(r[1], r[2], duration, 1, r[3], r[4])}))
                   for r in runs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        flood.join()
        for name, script, _, _, _ in runs:
            summary = self.record(name, measured[name], status_errors_count=script == "get.lua",
                                  detail=f" ({measured[name]['overloaded']} answered 503 overloaded)")
            summary["note"] = (f"{FLOOD_CONNECTIONS} connections of wrong passwords alongside "
                               f"({bad.get('rps', 0):.0f} req/s, {bad.get('overloaded', 0)} of them 503 overloaded); "
                               f"{summary['overloaded']} of these answered 503 overloaded")

    def seed_users(self, api, label):
        def signup(i):
            status, body = request(api, "POST", "/auth/signup",
                                   {"email": f"bench-{i}@bench.local", "password": PASSWORD, "name": f"Bench {i}"})
            if status != 201:
                raise RuntimeError(f"seeding signup {i} ({label}) answered {status} {problem_code(body)}")

        with concurrent.futures.ThreadPoolExecutor(max_workers=CORES * 2) as pool:
            list(pool.map(signup, range(self.cfg["users"])))

    def interleaved(self):
        """At least four rounds, an even number, of at least 2 s for a comparison of two services, in alternating order
        (A B, B A, ...): one round would leave it to the machine's drift, and a shorter piece holds too few logins."""
        rounds = max(4, self.cfg["rounds"] + self.cfg["rounds"] % 2)
        return {"rounds": rounds, "piece": max(2, round(self.cfg["duration"] / rounds)), "alternate": True}

    def blocklist_off(self):
        """Login and signup on two instances at once, the default (offline password checks on) and one with
        `Passwords:Blocklist:Enabled=false`, measured in interleaved rounds (on, off, on, off ...) so that the machine's
        drift falls on both alike: what the blocklist and its rules cost per request. A micro-benchmark times them alone."""
        checked_api, checked_service = self.api, self.service
        self.start_service({"Passwords__Blocklist__Enabled": "false"}, name="blocklist-off")
        off_api, off_service = self.api, self.service
        self.api, self.service = checked_api, checked_service
        try:
            self.seed_users(off_api, "blocklist off")
            users = {"BENCH_USERS": str(self.cfg["users"])}
            self.run_side_by_side([
                ("POST /auth/login (checks on, interleaved)", "login.lua", checked_api, users),
                ("POST /auth/login (blocklist off)", "login.lua", off_api, users)],
                connections=CORES * 2, **self.interleaved())

            def fresh():
                return {"BENCH_RUN": f"{time.time_ns()}"}

            self.run_side_by_side([
                ("POST /auth/signup (checks on, interleaved)", "signup.lua", checked_api, fresh),
                ("POST /auth/signup (blocklist off)", "signup.lua", off_api, fresh)],
                connections=CORES * 2, **self.interleaved())
        finally:
            self.procs.stop(off_service)

    def before_mfa(self):
        """Login of an account without a second factor on the service as it was before issue 13 (published to
        BENCH_BEFORE_MFA_API_DIR) and on this build, each a fresh instance seeded alike (the run's main instance carries
        the earlier scenarios' sessions and a backlog of new-device mails), both running, measured in interleaved rounds."""
        if not BEFORE_MFA_API_DIR:
            raise RuntimeError("scenario before-mfa needs BENCH_BEFORE_MFA_API_DIR (see bench/README.md)")
        main_api, main_service = self.api, self.service
        self.start_service(name="before-mfa", api_dir=os.path.join(ROOT, BEFORE_MFA_API_DIR))
        before_api, before_service = self.api, self.service
        self.start_service(name="with-mfa")
        after_api, after_service = self.api, self.service
        self.api, self.service = main_api, main_service
        try:
            self.seed_users(before_api, "before issue 13")
            self.seed_users(after_api, "with two-step verification")
            users = {"BENCH_USERS": str(self.cfg["users"])}
            self.run_side_by_side([
                ("POST /auth/login (before issue 13)", "login.lua", before_api, users),
                ("POST /auth/login (with two-step verification, interleaved)", "login.lua", after_api, users)],
                connections=CORES * 2, **self.interleaved())
        finally:
            self.procs.stop(before_service)
            self.procs.stop(after_service)

    def fresh_chains(self, count):
        """New sessions for a run whose refresh chains must start unused (the refresh run rotated the seeded ones)."""
        path = os.path.join(self.work, f"chains-{count}.txt")
        tokens = [self.login(i)["refreshToken"] for i in range(count)]
        with open(path, "w", encoding="ascii") as f:
            f.write("\n".join(tokens) + "\n")
        return path

    def soak(self):
        env = {"BENCH_USERS": str(self.cfg["users"]), "BENCH_REFRESH_FILE": self.fresh_chains(8)}
        summary, samples = self.under_watch(5, lambda: self.run(
            f"mixed soak {self.cfg['soak'] // 60} min (memory)", "mixed.lua", self.api, threads=8, connections=8,
            env=env, warm=False, duration=self.cfg["soak"]))
        start = samples[0][0]
        values = [v for _, v in samples]
        tail = [v for t, v in samples if t - start >= self.cfg["soak"] - 180]
        first, last = statistics.mean(tail[:6]), statistics.mean(tail[-6:])
        self.checks["soak"] = {"peak_mb": max(values), "last3_start_mb": first, "last3_end_mb": last,
                               "series_mb": [round(v, 1) for v in values]}
        summary["note"] = (f"working set peak {max(values):.0f} MB; last 3 min {first:.0f} -> {last:.0f} MB")

    def mfa_verify(self):
        """POST /auth/mfa/verify: the second step of a sign-in, a TOTP check (AES-GCM decrypt, HMAC-SHA1) and one
        commit, with no Argon2id. Each code and each mfaToken works once, so wrk cannot replay one request: accounts
        are enrolled and signed in with their password first (untimed), then every verify is timed on its own, a few
        at a time. The client is Python, so the figure is latency first; throughput is bounded by the client too."""
        run = int(time.time())

        def enrolled(i):
            email = f"mfa-{run}-{i}@bench.local"
            status, body = request(self.api, "POST", "/auth/signup", {"email": email, "password": PASSWORD, "name": f"Mfa {i}"})
            if status != 201:
                raise RuntimeError(f"mfa seeding signup {i} answered {status} {problem_code(body)}")
            token = body["accessToken"]
            status, started = request(self.api, "POST", "/auth/mfa/totp", {"currentPassword": PASSWORD}, token)
            if status != 200:
                raise RuntimeError(f"mfa seeding enrolment {i} answered {status}")
            secret = started["secret"]
            status, _ = request(self.api, "POST", "/auth/mfa/totp/confirm", {"code": totp(secret, time.time())}, token)
            if status != 200:
                raise RuntimeError(f"mfa seeding confirmation {i} answered {status}")
            status, problem = request(self.api, "POST", "/auth/login", {"email": email, "password": PASSWORD})
            if status != 403 or not problem or problem.get("code") != "mfa_required":
                raise RuntimeError(f"mfa seeding login {i} answered {status}")
            return secret, problem["mfaToken"]

        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=CORES * 2) as pool:
            pairs = list(pool.map(enrolled, range(self.cfg["mfa"])))
        log(f"enrolled {len(pairs)} accounts with TOTP and signed each in with its password in {time.monotonic() - started:.1f} s")

        def verify(pair):
            secret, mfa_token = pair
            # The next step's code: the confirmation spent the current one, and one step of drift is accepted.
            body = {"mfaToken": mfa_token, "code": totp(secret, time.time() + 30)}
            begun = time.monotonic()
            status, _ = request(self.api, "POST", "/auth/mfa/verify", body)
            return status, time.monotonic() - begun

        begun = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=MFA_WORKERS) as pool:
            answers = list(pool.map(verify, pairs))
        wall = time.monotonic() - begun
        latencies = sorted(seconds for _, seconds in answers)
        summary = {"requests": len(answers), "socket_errors": 0, "status_errors": sum(1 for s, _ in answers if s != 200),
                   "unexpected": 0, "duration_us": wall * 1e6, "timed_us": wall * 1e6, "rps": len(answers) / wall,
                   "p50_us": percentile(latencies, 50) * 1e6, "p99_us": percentile(latencies, 99) * 1e6}
        self.record("POST /auth/mfa/verify", summary, status_errors_count=True, detail=f" ({MFA_WORKERS} at a time)")

    def passkey_login(self):
        """POST /auth/passkeys/login beside POST /auth/login, both from one C# client (Auth.Benchmarks passkey-login)
        (wrk cannot sign assertions): password logins at the login scenario's concurrency (2 per core: they are
        CPU-bound), passkey sign-ins at PASSKEY_LOOPS (they mostly wait on small commits, like refresh). Accounts get a
        passkey from the integration tests' software authenticator first (untimed); each passkey sign-in then asks for
        options and answers them with a fresh ECDSA P-256 assertion, so its rate counts both requests, its latency the
        login request alone."""
        seconds = self.cfg["duration"]
        out = subprocess.run(["dotnet", os.path.join(BENCH_DIR, "Auth.Benchmarks.dll"), "passkey-login", self.api,
                              str(seconds), str(CORES * 2), str(PASSKEY_LOOPS), str(self.cfg["passkeys"])],
                             cwd=BENCH_DIR, capture_output=True, text=True, timeout=2 * seconds + 300)
        line = next((l for l in out.stdout.splitlines() if l.startswith("PASSKEY ")), None)
        if line is None:
            raise RuntimeError(f"the passkey driver answered {out.returncode}:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
        measured = json.loads(line[len("PASSKEY "):])
        for name, key in (("POST /auth/login (passkey driver)", "password"),
                          ("POST /auth/passkeys/login (options + login)", "passkey")):
            f = measured[key]
            summary = {"requests": f["Requests"], "socket_errors": 0, "status_errors": f["Errors"], "unexpected": 0,
                       "duration_us": seconds * 1e6, "timed_us": seconds * 1e6, "rps": f["Rps"],
                       "p50_us": f["P50Ms"] * 1000, "p99_us": f["P99Ms"] * 1000}
            loops = CORES * 2 if key == "password" else PASSKEY_LOOPS
            self.record(name, summary, status_errors_count=True, detail=f" ({loops} at a time)")

    def external_sign_in(self):
        """An external provider's sign-in, each hop of the service timed on its own: GET start (state, nonce, PKCE
        stored; the provider's cached metadata), GET callback (the code redeemed at the provider over HTTP, the ID
        token checked, a grant stored), POST exchange (a first sign-in: the account made, the session started). The
        provider is the tests' real one (tests/TestIdp); its own pages in between are not timed. Python drives it,
        MFA_WORKERS at a time, so the figures are latencies first."""
        if not os.path.isdir(os.path.join(TEST_IDP, "node_modules")):
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TEST_IDP, check=True, capture_output=True)
        port = free_port()
        issuer = f"http://127.0.0.1:{port}"
        idp = self.procs.start(["node", "server.mjs", "--port", str(port), "--client-id", "bench",
                          "--redirect-uri", "http://127.0.0.1/auth/external/testidp/callback"],
                         TEST_IDP, {"CLIENT_SECRET": "bench-secret"}, os.path.join(self.work, "idp.log"))
        wait_for(issuer, "/.well-known/openid-configuration", idp, interval=0.05)
        self.procs.stop(self.service)
        self.start_service({"ExternalProviders__testidp__Authority": issuer, "ExternalProviders__testidp__ClientId": "bench",
                            "ExternalProviders__testidp__ClientSecret": "bench-secret",
                            "ExternalSignIn__ReturnOrigins__0": EXTERNAL_RETURN})
        run = int(time.time())

        def sign_in(i):
            opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            timed = {}
            begun = time.monotonic()
            # The page's proof key (RFC 7636 S256): the exchange sends the verifier.
            verifier = base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=").decode()
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            status, location, _ = hop(opener, f"{self.api}/auth/external/testidp/start?returnUrl={urllib.parse.quote(EXTERNAL_RETURN)}"
                                              f"&codeChallenge={challenge}")
            timed["start"] = (status == 302, time.monotonic() - begun)
            form = {"sub": f"bench-{run}-{i}", "email": f"ext-{run}-{i}@bench.local", "email_verified": "on", "name": f"Ext {i}"}
            # The provider's login form takes the person once; its consent step then passes on a plain GET.
            for _ in range(10):
                if location is None or location.startswith(self.api):
                    break
                url = urllib.parse.urljoin(issuer, location)
                login = form if "/interaction/" in url else None
                form = None if login else form
                status, location, _ = hop(opener, url, login)
            begun = time.monotonic()
            status, location, _ = hop(opener, location or self.api)
            timed["callback"] = (status == 302 and "code=" in (location or ""), time.monotonic() - begun)
            code = urllib.parse.parse_qs(urllib.parse.urlsplit(location or "").query).get("code", [""])[0]
            begun = time.monotonic()
            status, _ = request(self.api, "POST", "/auth/external/exchange", {"code": code, "codeVerifier": verifier})
            timed["exchange"] = (status == 200, time.monotonic() - begun)
            return timed

        begun = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=MFA_WORKERS) as pool:
            answers = list(pool.map(sign_in, range(self.cfg["external"])))
        wall = time.monotonic() - begun
        for key, name in (("start", "GET /auth/external/{provider}/start"),
                          ("callback", "GET /auth/external/{provider}/callback (code + ID token)"),
                          ("exchange", "POST /auth/external/exchange (first sign-in)")):
            latencies = sorted(a[key][1] for a in answers)
            summary = {"requests": len(answers), "socket_errors": 0, "status_errors": sum(1 for a in answers if not a[key][0]),
                       "unexpected": 0, "duration_us": wall * 1e6, "timed_us": wall * 1e6, "rps": len(answers) / wall,
                       "p50_us": percentile(latencies, 50) * 1e6, "p99_us": percentile(latencies, 99) * 1e6}
            self.record(name, summary, status_errors_count=True, detail=f" ({MFA_WORKERS} at a time)")

    def time_to_ready(self):
        times = []
        for _ in range(self.cfg["ready_runs"]):
            self.procs.stop(self.service)
            times.append(self.start_service())
        self.checks["ready_s"] = times
        log("process start to /health/ready 200 on the existing database: "
            + ", ".join(f"{t * 1000:.0f} ms" for t in times))

    def drive(self, only=None):
        cfg = self.cfg

        def wanted(scenario):
            return only is None or scenario in only

        self.generate_keys()
        # The limit is one hash with nothing else running: before the service and the baseline exist.
        if wanted("login") or wanted("signup") or wanted("storm"):
            self.hashing_limit()
        self.start_service()
        self.start_baseline()
        self.seed()
        users = {"BENCH_USERS": str(cfg["users"])}
        if wanted("ping"):
            self.run_side_by_side([("GET /auth/ping", "get.lua", self.api + "/auth/ping", None),
                                   ("baseline GET /ping", "get.lua", self.base + "/ping", None)])
        if wanted("user"):
            self.run_side_by_side([
                ("GET /auth/user (RS256)", "get.lua", self.api + "/auth/user", {"BENCH_TOKEN": self.user_token}),
                ("baseline GET /me (RS256)", "get.lua", self.base + "/me", {"BENCH_TOKEN": self.user_token}),
                ("baseline GET /me (HS256)", "get.lua", self.base + "/me-hs256", {"BENCH_TOKEN": hs256_token()})])
        if wanted("login"):
            self.run("POST /auth/login", "login.lua", self.api, connections=CORES * 2, env=users)
        if wanted("refresh"):
            self.run("POST /auth/refresh", "refresh.lua", self.api, connections=cfg["chains"] // 2,
                     env={"BENCH_REFRESH_FILE": self.refresh_file}, warm=False)
        if wanted("signup"):
            self.run("POST /auth/signup", "signup.lua", self.api, connections=CORES * 2,
                     env={"BENCH_RUN": str(int(time.time()))}, warm=False)
        if wanted("passwords"):
            self.blocklist_off()
        if wanted("logout"):
            self.run("POST /auth/logout + rejected GET", "logout.lua", self.api, threads=8, connections=8,
                     env={"BENCH_ACCESS_FILE": self.access_file}, warm=False)
        if cfg["storm"] and wanted("storm"):
            self.login_storm()
        if cfg["flood"] and wanted("flood"):
            self.flood()
        if cfg["soak"] and wanted("soak"):
            self.soak()
        if wanted("mfa"):
            self.mfa_verify()
        if wanted("passkey"):
            self.passkey_login()
        if wanted("external"):
            self.external_sign_in()
        # Only when asked for, or when the old build is there: it needs a build of another commit.
        if (only and "before-mfa" in only) or (only is None and BEFORE_MFA_API_DIR):
            self.before_mfa()
        if wanted("ready"):
            self.time_to_ready()


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            model = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return f"{CORES} cores ({model}), {memory:.0f} GiB, {platform.system()} {platform.release()}, .NET SDK {dotnet}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=sorted(MODES), default="full")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results"))
    parser.add_argument("--only", help="comma-separated scenarios to run while working on one of them ("
                        + ",".join(SCENARIOS) + "); the table is printed, bench/results is left alone")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    if only and not only <= set(SCENARIOS):
        parser.error(f"unknown scenario in --only: {', '.join(sorted(only - set(SCENARIOS)))}")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import report  # noqa: E402  (beside this file)

    work = tempfile.mkdtemp(prefix="auth-bench-")
    harness = Harness(args.mode, work)
    try:
        harness.drive(only)
    except Exception:
        for name in ("service.log", "baseline.log"):
            path = os.path.join(work, name)
            if os.path.exists(path):
                print(f"--- {name} (last 40 lines)", file=sys.stderr)
                with open(path, encoding="utf-8", errors="replace") as f:
                    print("".join(f.readlines()[-40:]), file=sys.stderr)
        raise
    finally:
        harness.procs.stop_all()

    run = {"mode": args.mode, "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "machine": machine(), "cores": CORES, "results": harness.results, "checks": harness.checks}
    rows = report.rows(run)
    run["table"] = rows
    markdown = report.markdown(run)
    if only:
        print()
        print(markdown)
        return 1 if report.broken(run) else 0
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"{args.mode}.json"), "w", encoding="utf-8") as f:
        json.dump(run, f, indent=2)
    with open(os.path.join(args.out, f"{args.mode}.md"), "w", encoding="utf-8") as f:
        f.write(markdown)
    print()
    print(markdown)
    broken = report.broken(run)
    if broken:
        print("the harness did not work: " + "; ".join(broken), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
