#!/usr/bin/env python3
"""Splits a JFR recording's CPU samples by the part of the system that ran them (issue 12, "a profile split").

Reads the jdk.ExecutionSample events of a recording (`jfr print`, the JDK's own tool) and counts them by thread
group: the Kafka broker, the MongoDB-wire store, the Vert.x event loops (HTTP, handlers, JSON, the Mongo and Kafka
clients' callbacks), the Kafka clients' own threads, the MongoDB driver's threads, and the rest. Prints a Markdown
table (group, samples, share). Usable on its own: `python3 bench/jfr_split.py recording.jfr`; bench/run.py calls it for
`--profile scenario:connections`.
"""
import collections
import re
import subprocess
import sys

# (group, thread-name pattern), first match wins; the names are those the libraries give their threads, matched by
# their first 15 characters (the kernel keeps no more of them, and bench/cpu_split.py reads them there)
GROUPS = [
    ("Kafka broker", r"^(data-plane-kafk|kafka-request-h|kafka-network|kafka-\d|broker-|controller-|quorum-|raft-|"
                     r"kafka-log|ExpirationReape|LogDirFailureHa|group-coordinat|kafka-scheduler|BrokerLifecycle|"
                     r"share-|transaction-)"),
    ("store (mongo-java-server, H2)", r"^(mongo-server|MVStore|H2 |H2-)"),
    ("Vert.x event loops", r"^vert\.x-eventloo"),
    ("Vert.x workers", r"^vert\.x-(worker|internal-bl)"),
    ("Kafka clients (consumer, producer)", r"^(kafka-producer-|vert\.x-kafka-co|kafka-coordinat|kafka-admin)"),
    ("MongoDB driver", r"^(AsyncGetter|cluster-|async-channel|mongo)"),
    ("JVM: garbage collector", r"^(GC |G1 )"),
    ("JVM: JIT compilers", r"^(C1 |C2 )"),
    ("JVM: other", r"^(VM |Sweeper|Signal|Finalizer|Reference|Common-Cleaner|Notification)"),
]


def group(name):
    """@return the part of the system a thread of this name belongs to (GROUPS, first match; else "other")."""
    return next((label for label, pattern in GROUPS if re.match(pattern, name)), "other")


def split(recording):
    """@return {group: samples} of the recording's execution samples."""
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", recording],
                          capture_output=True, text=True, check=True).stdout
    counts = collections.Counter()
    for name in re.findall(r'sampledThread = "([^"]*)"', text):
        counts[group(name)] += 1
    return counts


def table(counts):
    """@return a Markdown table of the split, largest first."""
    total = sum(counts.values()) or 1
    lines = ["| part of the system | CPU samples | share |", "|---|---:|---:|"]
    for group, samples in counts.most_common():
        lines.append(f"| {group} | {samples} | {100 * samples / total:.0f} % |")
    lines.append(f"| all | {total} | 100 % |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(split(sys.argv[1])))
