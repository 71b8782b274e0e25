#!/usr/bin/env python3
"""Splits a process's CPU time by the part of the system that used it, from the kernel's per-thread counters (issue 12:
where a message's or a room creation's CPU goes, and what the targets would need).

A snapshot reads /proc/<pid>/task/*/stat (user + system time of each thread, in clock ticks) and comm (the thread's
name); the split of two snapshots sums each thread's CPU time between them by jfr_split.GROUPS (the broker, the store,
the event loops, ...). Unlike a JFR recording it costs nothing while it runs and changes nothing it measures (JFR's
profile settings make C2 recompile, session 8), and it counts the native threads JFR does not sample: the JIT
compilers and the garbage collector. Used by bench/run.py (every point) and bench/realtime.py (the measured run).
"""
import collections
import os
import re

from jfr_split import GROUPS

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def snapshot(pid):
    """@return {thread id: (thread name, CPU ms so far)} of process `pid`; threads that end while it reads are left
    out."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/task/{tid}/comm") as comm:
                name = comm.read().strip()
        except (FileNotFoundError, ProcessLookupError):
            continue
        threads[tid] = (name, (int(fields[11]) + int(fields[12])) * TICK_MS)
    return threads


def group(name):
    """@return the part of the system a thread of this name belongs to (jfr_split.GROUPS, else "other")."""
    return next((label for label, pattern in GROUPS if re.match(pattern, name)), "other")


def split(before, after):
    """@return {part: CPU ms} used between two snapshots (a thread started meanwhile counts from 0)."""
    parts = collections.Counter()
    for tid, (name, ms) in after.items():
        parts[group(name)] += ms - before.get(tid, (name, 0.0))[1]
    return parts


def per_unit(parts, units, scale=1.0):
    """@return {part: CPU per unit of work} (e.g. µs per request with scale 1000 from ms), largest first."""
    return {part: ms * scale / max(1, units) for part, ms in parts.most_common()}
