#!/usr/bin/env python3
"""Realtime benchmark (issue 10): messages sent per second and send-to-delivery latency over DDP websockets.

Starts the bench module's jar (the embedded default, fresh data directory), seeds --rooms visitors with open rooms
(BenchSeeder; at least the largest socket count), then for each socket count runs the client
(chat.rocket.livechat.bench.RealtimeBench, a JVM of its own): it opens that many websockets to the one gateway, each
subscribed to one room's stream-room-messages as @rocket.chat/ddp-client does, and --senders concurrent senders post
POST livechat/message to random rooms for --duration seconds after a --warmup. A message's delivery is timed from the
moment it was sent to its arrival on the socket that follows its room. The system's RSS is read before the sockets
open, once they are open, and at the end; "RSS per 1 k sockets" is the growth from opening them. Each point's CPU
per message is split by part of the system (bench/cpu_split.py) beside the client's own: what a target of messages/s
asks of the machine.

  bench/run.sh realtime                          # 1 k and 10 k sockets, 64 senders, 20 s per point
  bench/run.sh realtime --sockets 1000 --senders 16,64
Appends a section to bench/results.md.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cpu_split  # noqa: E402
import run  # noqa: E402  (shared start-up, seeding and machine description)

ROOT = run.ROOT
JAR = run.JAR
# the lines RealtimeBench prints as its measured run starts and ends (RealtimeBench.MEASURE_START, MEASURE_END)
MEASURE_START, MEASURE_END = "measure: start", "measure: end"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sockets", default="1000,10000", help="open websockets per point")
    parser.add_argument("--senders", default="64", help="concurrent senders per point")
    parser.add_argument("--duration", type=int, default=20, help="seconds per measured point")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up before each point")
    parser.add_argument("--jvm-warmup", type=int, default=60,
                        help="seconds of messages before the first point (the first socket count, the most senders), "
                             "not reported, so that every point measures the JIT-compiled system (0: none)")
    parser.add_argument("--port", type=int, default=3000, help="the gateway's HTTP port")
    parser.add_argument("--baseline-port", type=int, default=3001, help="HTTP port of the bench jar's baselines")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "results.md"))
    parser.add_argument("--java-opts", default="-Xmx512m", help="JVM options of the system (use --java-opts=...)")
    parser.add_argument("--jar", default=JAR, help="the system's jar (default bench/target/livechat-bench.jar), e.g. a "
                                                  "copy of an earlier build for a before/after pair")
    parser.add_argument("--connect-batch", type=int, default=250,
                        help="websockets the client opens at once (a loaded, cold system refuses subscriptions past "
                             "its in-flight bound: lower it there)")
    return parser.parse_args()


def client(args, sockets, senders, pid, warmup=None, duration=None):
    """Runs RealtimeBench once (--warmup and --duration unless given) and returns its JSON result, with "split": the
    system's CPU ms per acknowledged message by part (bench/cpu_split.py), between the client's measure lines."""
    env = dict(os.environ, PORT=str(args.port), BENCH_SOCKETS=str(sockets), BENCH_SENDERS=str(senders),
               BENCH_WARMUP_S=str(args.warmup if warmup is None else warmup),
               BENCH_DURATION_S=str(args.duration if duration is None else duration), BENCH_SERVER_PID=str(pid),
               BENCH_CONNECT_BATCH=str(args.connect_batch))
    process = subprocess.Popen(["java", "-Xmx1g", "-cp", args.jar, "chat.rocket.livechat.bench.RealtimeBench"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, threads = [], {}
    for line in process.stdout:
        output.append(line)
        if line.strip() in (MEASURE_START, MEASURE_END):
            threads[line.strip()] = cpu_split.snapshot(pid)
    lines = [line for line in output if line.startswith("{")]
    if process.wait() != 0 or not lines or len(threads) != 2:
        sys.exit("realtime client failed:\n" + "".join(output)[-4000:])
    result = json.loads(lines[-1])
    result["split"] = cpu_split.per_unit(cpu_split.split(threads[MEASURE_START], threads[MEASURE_END]),
                                         result["acknowledged"])
    return result


def main():
    args = parse_args()
    sockets = [int(s) for s in args.sockets.split(",")]
    senders = [int(s) for s in args.senders.split(",")]
    work = os.path.join(ROOT, "bench", "out", "realtime-" + datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    os.makedirs(work)
    args.rooms, args.fresh = max(sockets), 0
    process, startup_ms = run.start_system(args, work)
    results = []
    try:
        seeded = run.seed(args, work)
        print(seeded, flush=True)
        if args.jvm_warmup > 0:
            r = client(args, sockets[0], max(senders), process.pid, warmup=0, duration=args.jvm_warmup)
            print(f"JVM warm-up: {r['messagesPerSecond']:.0f} msg/s for {args.jvm_warmup} s, idle after "
                  f"{run.settle(process.pid):.0f} s", flush=True)
        for count in sockets:
            for s in senders:
                r = client(args, count, s, process.pid)
                results.append(r)
                print(f"sockets {count:6d} senders {s:3d}: {r['messagesPerSecond']:8.0f} msg/s  "
                      f"delivery p50 {r['deliveryP50Ms']:6.2f} ms p99 {r['deliveryP99Ms']:6.2f} ms  "
                      f"CPU {r.get('cpuMsPerMessage', 0):.2f} ms/msg  errors {r['errors']} lost {r['lost']}  "
                      f"RSS +{(r['rssSocketsKb'] - r['rssBeforeKb']) // 1024} MiB "
                      f"for the sockets", flush=True)
    finally:
        process.terminate()
        process.wait(timeout=30)
    write_report(args, results, seeded)


def write_report(args, results, seeded):
    lines = [
        "# Realtime: messages over DDP websockets",
        "",
        f"- date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {run.machine()}",
        f"- command: `bench/run.sh realtime {' '.join(sys.argv[1:])}`".rstrip(),
        f"- data: {seeded}; system JVM {args.java_opts}; the client is a second JVM on the same 2 cores",
        f"- JVM warm-up before the first point: {args.jvm_warmup} s of messages, not reported, then until the system "
        "is idle (under 15 % of a core)",
        f"- per point: {args.warmup} s warm-up, {args.duration} s measured; delivery = send → arrival on the "
        "room's socket (POST livechat/message → room-service → livechat.room.events → gateway fan-out → websocket)",
        "",
        "| sockets | senders | messages/s | HTTP p50 ms | HTTP p99 ms | delivery p50 ms | delivery p99 ms | "
        "delivery max ms | CPU ms per message | errors | lost | RSS before MiB | RSS with sockets MiB | "
        "RSS per 1 k sockets MiB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        per_k = (r["rssSocketsKb"] - r["rssBeforeKb"]) / 1024 / (r["sockets"] / 1000)
        lines.append(f"| {r['sockets']} | {r['senders']} | {r['messagesPerSecond']:.0f} | {r['httpP50Ms']:.2f} | "
                     f"{r['httpP99Ms']:.2f} | {r['deliveryP50Ms']:.2f} | {r['deliveryP99Ms']:.2f} | "
                     f"{r['deliveryMaxMs']:.1f} | {r.get('cpuMsPerMessage', 0):.2f} | {r['errors']} | {r['lost']} | {r['rssBeforeKb'] // 1024} | "
                     f"{r['rssSocketsKb'] // 1024} | {per_k:.1f} |")
    lines += ["", budget_table(results)]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    with open(args.out, "a") as out:
        out.write("\n" + report)


def budget_table(results):
    """@return the CPU of a message by part, one column per point (ms; the system's threads, bench/cpu_split.py, and
    the client's own)."""
    points = [(f"{r['sockets']} sockets, {r['senders']} senders", r["split"], r["clientCpuMsPerMessage"])
              for r in results]
    return ("Where the CPU of a message goes (ms per message during the measured run; the system's threads from "
            f"/proc, the client's from its own process; all on the same {os.cpu_count()} cores):\n\n"
            + cpu_split.budget_table(points, "messages", "RealtimeBench", 1000, 2))


if __name__ == "__main__":
    main()
