#!/usr/bin/env python3
"""Overload benchmark (issue 12): open-loop load at fixed rates, to show how the system degrades past its capacity.

wrk is closed-loop (a connection sends its next request only when the previous one was answered), so it never offers
more than the system answers and cannot show an overload. This runs the bench module's open-loop client
(chat.rocket.livechat.bench.OpenLoad, a JVM of its own) against the embedded default (bench/target/livechat-bench.jar,
fresh data directory, seeded by BenchSeeder as bench/run.py does). Scenarios:

  room-existing  GET livechat/room for existing open rooms (tokens bench-N, as room_existing.lua)
  room-create    GET livechat/room creating a room per request (fresh tokens, as room_create.lua)

For each scenario, --system-warmup s at the lowest rate first (not reported); then for each --rate R: --warmup s at the lowest rate given, then R requests/s for --duration s whatever
the answers, then --recovery s at the lowest rate (the recovery: after an overload, latency and goodput must come back
within seconds). At most --max-outstanding requests are unanswered at once; a request due beyond that is "not sent".
Reports per point: offered rate, goodput (2xx/s), 504/s, 503/s, other errors/s, not sent, latency p50/p99/max of the
2xx answers measured from each request's scheduled send time (corrected for coordinated omission), the recovery
phase's p99, and the goodput second by second over the whole point.

  bench/run.sh overload --rate 200,400                            # both scenarios at 200/s and 400/s
  bench/run.sh overload --scenarios room-create --rate 100,200 --recovery 10
Appends a section to bench/results.md.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (shared start-up, seeding and machine description)

ROOT = run.ROOT
JAR = run.JAR
MODES = {"room-existing": "existing", "room-create": "create"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", default="200,400", help="offered rates, requests/s (the lowest is also the "
                        "warm-up and recovery rate)")
    parser.add_argument("--scenarios", default=",".join(MODES))
    parser.add_argument("--rooms", type=int, default=1000, help="seeded visitors with open rooms")
    parser.add_argument("--fresh", type=int, default=60000, help="seeded visitors without room (room-create)")
    parser.add_argument("--duration", type=int, default=10, help="seconds at the offered rate")
    parser.add_argument("--warmup", type=int, default=5, help="seconds at the lowest rate before each point")
    parser.add_argument("--system-warmup", type=int, default=15, help="seconds at the lowest rate once, before the "
                        "first point of each scenario (JIT, connections), not reported")
    parser.add_argument("--recovery", type=int, default=10, help="seconds at the lowest rate after each point")
    parser.add_argument("--max-outstanding", type=int, default=2000, help="cap on unanswered requests")
    parser.add_argument("--port", type=int, default=3000, help="the gateway's HTTP port")
    parser.add_argument("--baseline-port", type=int, default=3001, help="HTTP port of the bench jar's baselines")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results.md"))
    parser.add_argument("--java-opts", default="-Xmx512m", help="JVM options of the system (use --java-opts=...)")
    parser.add_argument("--system-jar", default=JAR, help="jar of the system under load and its seeder (e.g. a copy "
                        "of an earlier build, to compare before and after); the client always runs from " + JAR)
    return parser.parse_args()


def client(args, mode, phases, fresh_from):
    env = dict(os.environ, PORT=str(args.port), BENCH_MODE=mode, BENCH_ROOMS=str(args.rooms),
               BENCH_FRESH_FROM=str(fresh_from), BENCH_MAX_OUTSTANDING=str(args.max_outstanding),
               BENCH_PHASES=",".join(f"{rate}:{seconds}" for rate, seconds in phases if seconds > 0))
    result = subprocess.run(["java", "-Xmx512m", "-cp", JAR, "chat.rocket.livechat.bench.OpenLoad"], env=env,
                            capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        sys.exit("open-loop client failed:\n" + result.stdout[-2000:] + result.stderr[-2000:])
    return json.loads(lines[-1])


def load_average():
    with open("/proc/loadavg") as text:
        return float(text.read().split()[0])


def point(args, name, rate, low, fresh_from):
    load = load_average()
    phases = [(low, args.warmup), (rate, args.duration), (low, args.recovery)]
    report = client(args, MODES[name], phases, fresh_from)
    measured = report["phases"]
    offset = 1 if args.warmup > 0 else 0
    main, recovery = measured[offset], (measured[offset + 1] if args.recovery > 0 else None)
    timeline = [s["ok"] for s in report["timeline"]["perSecond"]]
    result = dict(main, scenario=name, load=load, recoveryP99Ms=recovery["p99Ms"] if recovery else None,
                  recoveryErrors=(recovery["timeout504"] + recovery["unavailable503"] + recovery["other"])
                  if recovery else None, timeline=timeline, warmup=args.warmup)
    print(f"{name:14s} {rate:5d}/s  goodput {main['goodput']:7.0f}/s  504 {main['timeout504']:6d}  "
          f"503 {main['unavailable503']:6d}  other {main['other']:5d}  not sent {main['notSent']:6d}  "
          f"p50 {main['p50Ms']:8.1f} p99 {main['p99Ms']:8.1f} max {main['maxMs']:8.1f} ms  "
          f"recovery p99 {result['recoveryP99Ms']} ms  load {load:.2f}", flush=True)
    print("  2xx per second: " + " ".join(map(str, timeline)), flush=True)
    return result, report["sent"]


def main():
    args = parse_args()
    rates = [int(r) for r in args.rate.split(",")]
    work = os.path.join(ROOT, "bench", "out", "overload-" + datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    os.makedirs(work)
    run.JAR = args.system_jar
    process, _ = run.start_system(args, work)
    results, fresh_from = [], 0
    try:
        seeded = run.seed(args, work)
        print(seeded, flush=True)
        for name in args.scenarios.split(","):
            creates = name == "room-create"
            if args.system_warmup > 0:
                sent = client(args, MODES[name], [(min(rates), args.system_warmup)], fresh_from)["sent"]
                fresh_from += sent if creates else 0
            for rate in rates:
                result, sent = point(args, name, rate, min(rates), fresh_from)
                fresh_from += sent if creates else 0
                results.append(result)
    finally:
        process.terminate()
        process.wait(timeout=30)
    write_report(args, results, seeded)


def write_report(args, results, seeded):
    lines = [
        "# Overload: open-loop load at fixed rates",
        "",
        f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {run.machine()}",
        f"- command: `bench/run.sh overload {' '.join(sys.argv[1:])}`".rstrip(),
        f"- data: {seeded}; system JVM {args.java_opts}; the client (OpenLoad) is a second JVM on the same cores",
        f"- per point: {args.warmup} s at {min(int(r) for r in args.rate.split(','))}/s, {args.duration} s at the "
        f"offered rate, {args.recovery} s back at the lowest rate; latency from the scheduled send time, 2xx only; "
        f"at most {args.max_outstanding} requests outstanding",
        "",
        "| scenario | offered/s | goodput 2xx/s | 504/s | 503/s | other/s | not sent | p50 ms | p99 ms | max ms | "
        "recovery p99 ms | recovery errors | load |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r["seconds"]
        lines.append(f"| {r['scenario']} | {r['rate']} | {r['goodput']:.0f} | {r['timeout504'] / s:.0f} | "
                     f"{r['unavailable503'] / s:.0f} | {r['other'] / s:.0f} | {r['notSent']} | {r['p50Ms']:.1f} | "
                     f"{r['p99Ms']:.1f} | {r['maxMs']:.0f} | {r['recoveryP99Ms']} | {r['recoveryErrors']} | "
                     f"{r['load']:.2f} |")
    lines += ["", "2xx answers per second over each point (warm-up, offered rate, recovery):", ""]
    lines += [f"- {r['scenario']} at {r['rate']}/s: {' '.join(map(str, r['timeline']))}" for r in results]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    with open(args.out, "a") as out:
        out.write("\n" + report)


if __name__ == "__main__":
    main()
