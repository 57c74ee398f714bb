"""Turns a harness run into the one table (Markdown and JSON rows): each scenario with its reference, the ratio to
it, the issue's target and whether it was met. Targets are the issue's and are never lowered here."""


def _find(run, name):
    return next((r for r in run["results"] if r["name"] == name), None)


def _ms(us):
    return f"{us / 1000:.2f} ms"


def rows(run):
    checks = run["checks"]
    out = []

    def add(result, reference_name=None, reference_rps=None, target=None, minimum=None, p99_max_us=None, note=""):
        if result is None:
            return
        ref = _find(run, reference_name) if reference_name else None
        ref_rps = ref["rps"] if ref else reference_rps
        ratio = result["rps"] / ref_rps if ref_rps else None
        met = None
        if minimum is not None and ratio is not None:
            met = ratio >= minimum
        if p99_max_us is not None:
            met = (met is not False) and result["p99_us"] <= p99_max_us
        out.append({
            "scenario": result["name"], "rps": round(result["rps"], 1), "p50_ms": result["p50_us"] / 1000,
            "p99_ms": result["p99_us"] / 1000, "errors": result["errors"],
            "ratio": round(ratio, 3) if ratio is not None else None,
            "reference": reference_name or (f"{reference_rps:.0f} req/s" if reference_rps else ""),
            "target": target or "", "met": met, "note": note or result.get("note", ""),
        })

    base_me = _find(run, "baseline GET /me (RS256)")
    add(_find(run, "GET /auth/ping"), "baseline GET /ping", target=">= 0.9x", minimum=0.9)
    add(_find(run, "baseline GET /ping"))
    add(_find(run, "GET /auth/user (RS256)"), "baseline GET /me (RS256)", target=">= 0.7x, p99 <= 2x",
        minimum=0.7, p99_max_us=2 * base_me["p99_us"] if base_me else None)
    user = _find(run, "GET /auth/user (RS256)")
    if user:
        add(dict(user, name="GET /auth/user (RS256, cache) vs HS256"), "baseline GET /me (HS256)",
            target=">= 0.9x", minimum=0.9)
    add(base_me)
    add(_find(run, "baseline GET /me (HS256)"))
    hash_limit, hash_ms = checks.get("hash_limit"), checks.get("hash_ms")
    if hash_limit:
        out.append({"scenario": f"hashing limit ({run['cores']} cores / one verify)", "rps": round(hash_limit, 1),
                    "p50_ms": hash_ms, "p99_ms": None, "errors": 0, "ratio": None, "reference": "", "target": "",
                    "met": None, "note": "p50 is one Argon2id verify, measured by the harness; "
                    f"{checks.get('hash_parallel_per_s') or 0:.0f}/s measured with one verify per core at once"})
    add(_find(run, "POST /auth/login"), reference_name=None, reference_rps=hash_limit, target=">= 0.85x, p99 <= 3 hashes",
        minimum=0.85, p99_max_us=3 * hash_ms * 1000 if hash_ms else None)
    if out and out[-1]["scenario"] == "POST /auth/login":
        out[-1]["reference"] = "hashing limit"
    add(_find(run, "POST /auth/refresh"), reference_rps=2000, target=">= 2,000 req/s", minimum=1.0)
    add(_find(run, "POST /auth/signup"), reference_rps=hash_limit, note="no target; reference: hashing limit")
    add(_find(run, "POST /auth/login (checks on, interleaved)"), note="the default, beside the next row")
    add(_find(run, "POST /auth/login (blocklist off)"), "POST /auth/login (checks on, interleaved)",
        note="Passwords:Blocklist:Enabled=false, interleaved with the row above; ratio to it")
    add(_find(run, "POST /auth/signup (checks on, interleaved)"), note="the default, beside the next row")
    add(_find(run, "POST /auth/signup (blocklist off)"), "POST /auth/signup (checks on, interleaved)",
        note="Passwords:Blocklist:Enabled=false, interleaved with the row above; ratio to it")
    add(_find(run, "POST /auth/login (before issue 13)"), note="the service before two-step verification, beside the next row")
    add(_find(run, "POST /auth/login (with two-step verification, interleaved)"), "POST /auth/login (before issue 13)",
        note="an account without a second factor, interleaved with the row above; ratio to it")
    add(_find(run, "POST /auth/logout + rejected GET"), note="every logout 204, every later GET 401 (else an error)")
    mfa = _find(run, "POST /auth/mfa/verify")
    add(mfa, target="no Argon2id: p50 under one verify", p99_max_us=None,
        note="each verify a new mfaToken and code, 4 at a time from a Python client; reference: one Argon2id verify")
    if mfa and hash_ms:
        out[-1]["reference"] = f"{hash_ms:.1f} ms (one verify)"
        out[-1]["met"] = mfa["p50_us"] < hash_ms * 1000
    add(_find(run, "POST /auth/login (passkey driver)"),
        note="the passkey driver's own client and concurrency, as the reference of the next row")
    add(_find(run, "POST /auth/passkeys/login (options + login)"), "POST /auth/login (passkey driver)", target=">= 10x",
        minimum=10.0, note="each sign-in is two requests (options, then the assertion); p50/p99 are the login request's")
    for hop in ("GET /auth/external/{provider}/start", "GET /auth/external/{provider}/callback (code + ID token)",
                "POST /auth/external/exchange (first sign-in)"):
        add(_find(run, hop), note="one hop of a whole sign-in at the tests' OpenID Provider, 4 at a time from a Python client")
    storm = next((r for r in run["results"] if r["name"].startswith("login, 200 waiting")), None)
    if storm:
        s = checks["storm"]
        add(storm, reference_rps=hash_limit, target="memory flat while 200 wait")
        out[-1]["met"] = s["second_half_spread_mb"] <= 10
    flood_login = _find(run, "login during a flood of bad logins")
    add(flood_login, target="p99 <= 0.5 s (queue bound) or 503 at once",
        p99_max_us=500_000 if flood_login else None)
    add(_find(run, "GET /auth/user during a flood of bad logins"), "GET /auth/user (RS256)",
        target="p99 <= 50 ms", p99_max_us=50_000)
    soak = next((r for r in run["results"] if r["name"].startswith("mixed soak")), None)
    if soak:
        s = checks["soak"]
        add(soak, target="working set < 200 MB, no growth in last 3 min")
        out[-1]["met"] = s["peak_mb"] < 200 and s["last3_end_mb"] <= s["last3_start_mb"] * 1.05
    ready = checks.get("ready_s")
    if ready:
        ordered = sorted(ready)
        median = ordered[len(ordered) // 2]
        out.append({"scenario": "process start to /health/ready 200", "rps": None, "p50_ms": median * 1000,
                    "p99_ms": max(ready) * 1000, "errors": 0, "ratio": round(median / 1.5, 3), "reference": "1.5 s",
                    "target": "< 1.5 s", "met": max(ready) < 1.5, "note": f"{len(ready)} restarts; p99 column is the slowest"})
    return out


def markdown(run):
    lines = [f"Mode `{run['mode']}`, {run['date']}, {run['machine']}.", "",
             "| scenario | req/s | p50 | p99 | errors | ratio | reference | target | met | note |",
             "|---|---:|---:|---:|---:|---:|---|---|---|---|"]
    for r in run["table"]:
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            r["scenario"], f"{r['rps']:,.0f}" if r["rps"] is not None else "—",
            f"{r['p50_ms']:.2f} ms" if r["p50_ms"] is not None else "—",
            f"{r['p99_ms']:.2f} ms" if r["p99_ms"] is not None else "—", r["errors"],
            f"{r['ratio']:.2f}x" if r["ratio"] is not None else "", r["reference"], r["target"], met, r["note"]))
    return "\n".join(lines) + "\n"


def broken(run):
    """What shows the harness itself not working: a scenario with errors or no throughput. Ratios never fail it."""
    problems = []
    for r in run["results"]:
        if r["requests"] == 0 or r["rps"] <= 0:
            problems.append(f"{r['name']}: no requests completed")
        if r["errors"] > 0:
            problems.append(f"{r['name']}: {r['errors']} errors")
    return problems
