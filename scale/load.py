#!/usr/bin/env python3
"""Mixed Livechat workload through several gateways, every response checked for correctness.

Each worker thread plays visitors end to end: register (POST livechat/visitor), get-or-create the room
(GET livechat/room) through one gateway, get it again through the other gateway (same rid, newRoom false),
save room info (POST livechat/room.saveInfo) and read the visitor (GET livechat/visitors.info). A response is an
error when its status is not 200 or its body is not about the visitor/room this request named (the check that no
reply reached the wrong request). Prints one summary line and writes a JSON report.

Standard library only. Usage: load.py --gateways http://127.0.0.1:3101,http://127.0.0.1:3102 --seconds 40
"""
import argparse
import json
import threading
import time
import urllib.error
import urllib.request
import uuid


def call(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()
    except Exception as error:  # connection refused, timeout: counted as status 0
        status, text = 0, str(error).encode()
    elapsed_ms = (time.monotonic() - started) * 1000
    try:
        payload = json.loads(text)
    except ValueError:
        payload = {"raw": text[:200].decode(errors="replace")}
    return status, payload, elapsed_ms


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (t_offset_s, operation, ok, ms, detail)
        self.start = time.monotonic()

    def record(self, operation, ok, ms, detail=""):
        with self.lock:
            self.samples.append((time.monotonic() - self.start, operation, ok, ms, detail))


def login(gateway, user, password):
    status, body, _ = call("POST", gateway + "/api/v1/login", {"user": user, "password": password})
    if status != 200:
        raise SystemExit(f"login failed: {status} {body}")
    data = body["data"]
    return {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}


def visitor_flow(gateways, auth, stats, index):
    first, second = gateways[index % len(gateways)], gateways[(index + 1) % len(gateways)]
    token = "scale-" + uuid.uuid4().hex

    def check(operation, ok, ms, status, body):
        stats.record(operation, ok, ms, "" if ok else f"{status} {json.dumps(body)[:160]}")
        return ok

    status, body, ms = call("POST", first + "/api/v1/livechat/visitor", {"visitor": {"token": token, "name": token}})
    if not check("register", status == 200 and body.get("visitor", {}).get("token") == token, ms, status, body):
        return
    visitor_id = body["visitor"]["_id"]

    status, body, ms = call("GET", first + "/api/v1/livechat/room?token=" + token)
    room = body.get("room", {})
    if not check("room.create", status == 200 and room.get("v", {}).get("token") == token, ms, status, body):
        return
    rid = room["_id"]

    status, body, ms = call("GET", second + "/api/v1/livechat/room?token=" + token)
    again = body.get("room", {})
    check("room.get", status == 200 and again.get("_id") == rid and body.get("newRoom") is False, ms, status, body)

    status, body, ms = call("POST", second + "/api/v1/livechat/room.saveInfo",
                            {"guestData": {"_id": visitor_id}, "roomData": {"_id": rid, "topic": token}}, auth)
    check("saveInfo", status == 200 and body.get("success") is True, ms, status, body)

    status, body, ms = call("GET", first + "/api/v1/livechat/visitors.info?visitorId=" + visitor_id, None, auth)
    seen = body.get("visitor", {})
    check("visitors.info", status == 200 and seen.get("_id") == visitor_id and seen.get("token") == token,
          ms, status, body)


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gateways", required=True, help="comma-separated base URLs")
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--kill-at", type=float, default=None, help="seconds into the run of the SIGKILL (report)")
    parser.add_argument("--report", default=None, help="write per-second counts and errors as JSON here")
    args = parser.parse_args()

    gateways = args.gateways.split(",")
    auth = login(gateways[0], args.user, args.password)
    stats = Stats()
    deadline = time.monotonic() + args.seconds

    def worker(number):
        index = number
        while time.monotonic() < deadline:
            visitor_flow(gateways, auth, stats, index)
            index += args.workers

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    samples = stats.samples
    latencies = [ms for (_, _, ok, ms, _) in samples if ok]
    errors = [s for s in samples if not s[2]]
    window = ""
    if args.kill_at is not None:
        after_kill = [s for s in errors if s[0] >= args.kill_at]
        last = max((s[0] for s in after_kill), default=args.kill_at)
        window = (f" errors_after_kill={len(after_kill)} rebalance_window_s={last - args.kill_at:.1f}"
                  if after_kill else " errors_after_kill=0 rebalance_window_s=0.0")
    kinds = {}
    for (_, _, _, _, detail) in errors:
        key = detail.split(" ")[0]
        kinds[key] = kinds.get(key, 0) + 1
    print(f"SUMMARY requests={len(samples)} errors={len(errors)} error_statuses={kinds}{window} "
          f"p50_ms={percentile(latencies, 0.50):.1f} p99_ms={percentile(latencies, 0.99):.1f} "
          f"throughput_rps={len(samples) / args.seconds:.0f}")
    if args.report:
        with open(args.report, "w") as out:
            json.dump({"requests": len(samples), "errors": [
                {"t": round(t, 2), "operation": op, "detail": detail} for (t, op, _, _, detail) in errors]},
                out, indent=1)
    wrong = [s for s in errors if s[4].startswith("200 ")]
    if wrong:
        print(f"WRONG ANSWERS: {len(wrong)} responses with status 200 did not match their request")
        raise SystemExit(2)


if __name__ == "__main__":
    main()
