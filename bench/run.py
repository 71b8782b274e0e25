#!/usr/bin/env python3
"""Benchmark of the Livechat API on the embedded default (issue 5), rerunnable by anyone.

Starts the bench module's jar (bench/target/livechat-bench.jar: the embedded default, fresh data directory, plus the
baselines on --baseline-port), seeds visitors with open rooms through BenchSeeder (rate limiter off through its
setting), warms the JVM (--jvm-warmup: the run's scenarios at its highest connection count, not reported; C2 keeps
compiling for 30-60 s after start, and a point measured before that reports the compiler, not the system: cold,
room-existing gave 293 req/s at 1 connection and 4,469 at 64, warm 899 and 8,652, issue 12 session 7), then drives
each scenario with wrk on loopback: first alone at the highest connection count (--scenario-warmup, not reported; the
compiler recompiles for each kind of load), then at each connection count a warm-up and the measured run. Scenarios:

  noop           GET /api/v1/bench/noop on the baseline port: the HTTP stack alone (baseline)
  in-process     GET /api/v1/bench/in-process/livechat/room on the baseline port: the get-room route with the
                 room-service's handler called over the local event bus, without the Kafka hop (baseline)
  room-existing  GET livechat/room for existing open rooms, tokens spread over the seeded visitors
  room-create    GET livechat/room creating a new room per request
  visitors-info  GET livechat/visitors.info (authenticated)
  save-info      POST livechat/room.saveInfo (authenticated; 4 commands: 2 checks, 2 writes)

wrk is closed-loop (each connection sends its next request once the previous one was answered), so these points
never offer more than the system answers. The overload scenarios are open-loop and run apart: `bench/run.sh overload`
(bench/overload.py, the OpenLoad client) offers room-existing and room-create at fixed rates (--rate R[,2R]) whatever
the answers and reports goodput, 504/503 per second and the recovery.

Prints one table (requests/s, p50, p99, errors, ratio of requests/s to the in-process baseline at the same connection
count), the process RSS, and writes it to bench/results.md with the date and machine. With --repeat N every point runs
N times and the table shows the median (by requests/s). With --profile scenario:connections that point's measured run
is recorded with JFR (from the start of its warm-up) and its CPU samples split by part of the system (broker, store,
event loops, clients). Every point's measured run is also split that way from the kernel's per-thread CPU counters
(bench/cpu_split.py, free of JFR's distortion), with wrk's own CPU beside it: the report's last table gives the CPU of
one request by part at the highest connection count, and the rate the machine's cores could serve at that cost.
"""
import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

import cpu_split
import jfr_split

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, "bench", "lua")
JAR = os.path.join(ROOT, "bench", "target", "livechat-bench.jar")
# scenario: (wrk script, extra environment, served on the baseline port)
SCENARIOS = {
    "noop": ("noop.lua", {}, True),
    "in-process": ("room_existing.lua", {"BENCH_ROOM_PATH": "/api/v1/bench/in-process/livechat/room"}, True),
    "room-existing": ("room_existing.lua", {}, False),
    "room-create": ("room_create.lua", {}, False),
    "visitors-info": ("visitors_info.lua", {}, False),
    "save-info": ("save_info.lua", {}, False),
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rooms", type=int, default=1000, help="seeded visitors with open rooms (1000..1000000)")
    parser.add_argument("--active", type=int, default=0,
                        help="the seeded rooms under way: existing-room scenarios draw tokens from this many of them, "
                             "spread evenly (default 0: all); a site's stored rooms pile up, its open conversations not")
    parser.add_argument("--profile", default="",
                        help="scenario:connections whose measured run is recorded with JFR (jcmd) and split by part "
                             "of the system (bench/jfr_split.py), e.g. room-existing:64")
    parser.add_argument("--fresh", type=int, default=200000, help="seeded visitors without room (room-create)")
    parser.add_argument("--open", type=int, default=0,
                        help="seeded rooms still open (default 0: all), spread evenly as --active's are; the others are "
                             "closed, as a site's rooms pile up while its conversations under way stay few (give "
                             "--active the same number)")
    parser.add_argument("--agents", type=int, default=0,
                        help="available agents seeded beside the admin (default 0): with any, Auto_Selection compares "
                             "the agents' open rooms on every creation, as on a site with several agents online")
    parser.add_argument("--duration", type=int, default=20, help="seconds per measured point")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up before each point")
    parser.add_argument("--jvm-warmup", type=int, default=60,
                        help="seconds of load before the first point, spread over the run's scenarios at its highest "
                             "connection count and not reported, so that every point measures the JIT-compiled "
                             "system (0: none, the cold figures of sessions 1-6)")
    parser.add_argument("--scenario-warmup", type=int, default=20,
                        help="seconds of each scenario alone at the highest connection count before its first point, "
                             "not reported, then the idle wait (the compiler recompiles for each kind of load; 0: none)")
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--repeat", type=int, default=1, help="runs per point; the median is reported")
    parser.add_argument("--port", type=int, default=3000, help="the gateway's HTTP port")
    parser.add_argument("--baseline-port", type=int, default=3001, help="HTTP port of the noop and in-process baselines")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results.md"))
    parser.add_argument("--java-opts", default="-Xmx512m", help="JVM options of the system (use --java-opts=...)")
    parser.add_argument("--append", action="store_true", help="append the report to --out instead of replacing it")
    parser.add_argument("--jar", default=JAR, help="the system's jar (default bench/target/livechat-bench.jar), e.g. a "
                                                  "copy of an earlier build for a before/after pair")
    return parser.parse_args()


def system_jar(args):
    """The jar under test: --jar of this script, else JAR (which bench/overload.py sets from its --system-jar)."""
    return getattr(args, "jar", None) or JAR


def start_system(args, work):
    env = dict(os.environ, DATA_DIR=os.path.join(work, "data"), PORT=str(args.port),
               BASELINE_PORT=str(args.baseline_port), ADMIN_USERNAME="admin", ADMIN_PASS="admin")
    log = open(os.path.join(work, "standalone.log"), "w")
    command = ["java"] + args.java_opts.split() + ["-jar", system_jar(args)]
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        with open(os.path.join(work, "standalone.log")) as text:
            content = text.read()
        match = re.search(r"ready in (\d+) ms", content)
        if match:
            return process, int(match.group(1))
        if process.poll() is not None:
            sys.exit("benchmark system exited:\n" + content[-2000:])
        time.sleep(0.5)
    process.kill()
    sys.exit("benchmark system did not start in 120 s")


def seed(args, work):
    env = dict(os.environ, BENCH_ROOMS=str(args.rooms), BENCH_FRESH=str(args.fresh),
               BENCH_AGENTS=str(getattr(args, "agents", 0)), BENCH_OPEN=str(getattr(args, "open", 0) or args.rooms))
    result = subprocess.run(["java", "-cp", system_jar(args), "chat.rocket.livechat.bench.BenchSeeder"], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("seeding failed:\n" + result.stdout[-2000:] + result.stderr[-2000:])
    return result.stdout.strip().splitlines()[-1]


def login(port):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/login", method="POST",
                                     data=json.dumps({"user": "admin", "password": "admin"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        data = json.load(response)["data"]
    return data["userId"], data["authToken"]


def warm_jvm(args, auth, connections, pid):
    """Loads the system with each scenario of the run in turn at `connections` for --jvm-warmup s in all, before any
    point, then waits until it is idle (settle); nothing of it is reported. @return the next fresh visitor's index
    (room-create spends one per request)."""
    names = args.scenarios.split(",")
    seconds = args.jvm_warmup // len(names)
    fresh_from = 0
    if seconds <= 0:
        return fresh_from
    for name in names:
        fresh_from = load(args, name, auth, connections, seconds, fresh_from, "JVM warm-up")
    settled = settle(pid)
    print(f"JVM warm-up: idle after {settled:.0f} s (the JIT compiler's backlog)", flush=True)
    return fresh_from


def warm_scenario(args, name, auth, connections, pid, fresh_from):
    """Loads the system with scenario `name` alone at `connections` for --scenario-warmup s before its first point,
    then waits until it is idle: the JIT compiler recompiles for each new kind of load (issue 12, session 8: reads
    measured right after other scenarios gave p99 25 ms at 64 connections, after their own warm-up 16-17 ms).
    @return the next fresh visitor's index"""
    if args.scenario_warmup <= 0:
        return fresh_from
    fresh_from = load(args, name, auth, connections, args.scenario_warmup, fresh_from, "scenario warm-up")
    print(f"scenario warm-up: idle after {settle(pid):.0f} s", flush=True)
    return fresh_from


def load(args, name, auth, connections, seconds, fresh_from, label):
    """Runs scenario `name` with wrk for `seconds`, unreported. @return the next fresh visitor's index"""
    script, extra, baseline = SCENARIOS[name]
    env = dict(auth, **extra, BENCH_FRESH_FROM=str(fresh_from))
    run = wrk(args.baseline_port if baseline else args.port, script, connections, seconds, env)
    if name == "room-create":
        fresh_from += run["requests"] + 4 * connections
    print(f"{label}: {name} c={connections} {run['rps']:.0f} req/s for {seconds} s", flush=True)
    return fresh_from


def settle(pid, idle_share=0.15, limit_s=180):
    """Waits until the system uses under `idle_share` of a core over 2 s (C2 keeps compiling after the load stops, and
    a point measured meanwhile pays for it), at most `limit_s`. @return the seconds waited"""
    start = time.time()
    while time.time() - start < limit_s:
        before = cpu_ms(pid)
        time.sleep(2)
        if cpu_ms(pid) - before < idle_share * 2000:
            break
    return time.time() - start


def duration_ms(text):
    value, unit = float(re.match(r"([\d.]+)", text).group(1)), re.sub(r"[\d.]", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(port, script, connections, seconds, env):
    threads = 1 if connections == 1 else 2
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
               "-s", os.path.join(LUA, script), f"http://127.0.0.1:{port}"]
    output = subprocess.run(command, env=dict(os.environ, BENCH_LUA_DIR=LUA, BENCH_THREADS=str(threads), **env),
                            capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = duration_ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = duration_ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": errors, "requests": total}


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        fields = dict(line.split(":", 1) for line in status if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def cpu_ms(pid):
    """The process's CPU time so far (user + system, all threads), in ms."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def children_cpu_ms():
    """The CPU time (user + system) of this script's ended children so far, in ms: wrk's own cost, the load
    generator's share of the machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory = int(info.readline().split()[1]) // 1024 // 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, {platform.system()} {platform.release()}, {java}"


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (bench/run.sh installs it)")
    work = os.path.join(ROOT, "bench", "out", datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    os.makedirs(work)
    process, startup_ms = start_system(args, work)
    try:
        seeded = seed(args, work)
        print(seeded, flush=True)
        user_id, auth_token = login(args.port)
        auth = {"BENCH_USER_ID": user_id, "BENCH_AUTH_TOKEN": auth_token, "BENCH_ROOMS": str(args.rooms),
                "BENCH_ACTIVE": str(args.active or args.rooms)}
        connections = [int(c) for c in args.connections.split(",")]
        results, profiles = {}, {}
        fresh_from = warm_jvm(args, auth, max(connections), process.pid)
        for name in args.scenarios.split(","):
            script, extra, baseline = SCENARIOS[name]
            fresh_from = warm_scenario(args, name, auth, max(connections), process.pid, fresh_from)
            port = args.baseline_port if baseline else args.port
            for c in connections:
                runs = []
                for _ in range(args.repeat):
                    env = dict(auth, **extra)
                    if name == "room-create":
                        env["BENCH_FRESH_FROM"] = str(fresh_from)
                    profiled = args.profile == f"{name}:{c}"
                    if profiled:  # started before the warm-up: JFR's own start-up stays out of the measured run
                        jcmd(process.pid, "JFR.start", "name=bench", "settings=profile")
                    warm = wrk(port, script, c, args.warmup, env) if args.warmup else {"requests": 0}
                    if name == "room-create":
                        fresh_from += warm["requests"] + 4 * c
                        env["BENCH_FRESH_FROM"] = str(fresh_from)
                    cpu_before, threads_before = cpu_ms(process.pid), cpu_split.snapshot(process.pid)
                    load_before = children_cpu_ms()
                    run = wrk(port, script, c, args.duration, env)
                    run["cpu_us"] = (cpu_ms(process.pid) - cpu_before) * 1000 / max(1, run["requests"])
                    run["load_us"] = (children_cpu_ms() - load_before) * 1000 / max(1, run["requests"])
                    run["split_us"] = cpu_split.per_unit(
                        cpu_split.split(threads_before, cpu_split.snapshot(process.pid)), run["requests"], 1000)
                    if profiled:
                        recording = os.path.join(work, f"{name}-{c}.jfr")
                        jcmd(process.pid, "JFR.stop", "name=bench", f"filename={recording}")
                        profiles[(name, c)] = jfr_split.table(jfr_split.split(recording))
                    if name == "room-create":
                        fresh_from += run["requests"] + 4 * c
                    runs.append(run)
                median = sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]
                median["runs"] = [round(r["rps"]) for r in runs]
                results[(name, c)] = median
                print(f"{name:14s} c={c:<3d} {median['rps']:9.0f} req/s  p50 {median['p50']:7.2f} ms  "
                      f"p99 {median['p99']:7.2f} ms  errors {median['errors']}  CPU {median['cpu_us']:.0f} us/req  "
                      f"runs {median['runs']}", flush=True)
        rss, peak = rss_kb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    write_report(args, results, connections, rss, peak, startup_ms, seeded, profiles)


def jcmd(pid, *command):
    subprocess.run(["jcmd", str(pid), *command], check=True, capture_output=True)


def write_report(args, results, connections, rss, peak, startup_ms, seeded, profiles):
    lines = [
        f"# Benchmark results ({args.rooms} rooms)",
        "",
        f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}",
        f"- command: `bench/run.sh {' '.join(sys.argv[1:])}`".rstrip(),
        f"- data: {seeded}; everything co-located (broker, store, services, wrk) on loopback",
        f"- existing-room scenarios draw from {args.active or args.rooms} of the seeded rooms",
        f"- open rooms: {args.open or args.rooms} of the seeded rooms (the others closed); available agents: the "
        f"admin (serving every seeded room) and {args.agents} more",
        f"- JVM warm-up before the first point: {args.jvm_warmup} s of the run's scenarios at "
        f"{max(int(c) for c in args.connections.split(','))} connections, not reported, then until the system is idle "
        "(under 15 % of a core: the JIT compiler's backlog done)",
        f"- before each scenario's first point: {args.scenario_warmup} s of that scenario alone at the highest "
        "connection count, not reported, then until the system is idle",
        f"- per point: {args.warmup} s warm-up, {args.duration} s measured, median of {args.repeat} run(s)",
        f"- standalone start-up: {startup_ms} ms; RSS after the run: {rss // 1024} MiB (peak {peak // 1024} MiB)",
        "",
        "ratio = requests/s over the in-process baseline (same handler, no Kafka hop) at the same connection count; "
        "system CPU = the system process's user + system CPU time during the measured run over its requests.",
        "",
        "| scenario | connections | requests/s | p50 ms | p99 ms | errors | ratio | system CPU µs/request | runs (req/s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for (name, c), r in results.items():
        base = results.get(("in-process", c))
        ratio = f"{r['rps'] / base['rps']:.2f}" if base and base["rps"] else "-"
        lines.append(f"| {name} | {c} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} | {ratio} "
                     f"| {r['cpu_us']:.0f} | {', '.join(map(str, r['runs']))} |")
    lines += ["", budget_table(results, max(connections))]
    for (name, c), split in profiles.items():
        lines += ["", f"CPU profile of {name} at {c} connections (JFR, `settings=profile`, warm-up and measured run), "
                      "by the thread that ran each sample:", "", split]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    with open(args.out, "a" if args.append else "w") as out:
        out.write(("\n" if args.append else "") + report)


def budget_table(results, connections):
    """@return the CPU of a request by part at `connections`, one column per scenario (µs; the system's threads,
    bench/cpu_split.py, and wrk's own)."""
    points = [(name, r["split_us"], r["load_us"]) for (name, c), r in results.items() if c == connections]
    return (f"Where the CPU of a request goes at {connections} connections (µs per request; the system's threads from "
            f"/proc, wrk's from its own usage; all on the same {os.cpu_count()} cores):\n\n"
            + cpu_split.budget_table(points, "requests", "wrk", 1_000_000, 0))


if __name__ == "__main__":
    main()
