#!/usr/bin/env python3
"""Splits a process's CPU time by the part of the system that used it, from the kernel's per-thread counters (issue 12:
where a message's or a room creation's CPU goes, and what the targets would need).

A snapshot reads /proc/<pid>/task/*/stat (user + system time of each thread, in clock ticks) and comm (the thread's
name); the split of two snapshots sums each thread's CPU time between them by jfr_split.group (the broker, the store,
the event loops, ...). Unlike a JFR recording it costs nothing while it runs and changes nothing it measures (JFR's
profile settings make C2 recompile, session 8), and it counts the native threads JFR does not sample: the JIT
compilers and the garbage collector. Used by bench/run.py (every point) and bench/realtime.py (the measured run).
"""
import collections
import os

from jfr_split import group

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


def split(before, after):
    """@return {part: CPU ms} used between two snapshots (a thread started meanwhile counts from 0)."""
    parts = collections.Counter()
    for tid, (name, ms) in after.items():
        parts[group(name)] += ms - before.get(tid, (name, 0.0))[1]
    return parts


def per_unit(parts, units, scale=1.0):
    """@return {part: CPU per unit of work} (e.g. µs per request with scale 1000 from ms), largest first."""
    return {part: ms * scale / max(1, units) for part, ms in parts.most_common()}


def budget_table(points, unit, load_label, per_core_second, digits):
    """@return a Markdown table of the CPU one unit of work costs by part, one column per point, with the load
    generator's own, the sum, and the rate the machine's cores could serve at that cost (on a saturated machine, the
    cores' CPU per second over the CPU of one unit: what a target rate asks of each part).

    @param points          [(column label, {part: CPU per unit}, the load generator's CPU per unit)]
    @param unit            the unit's name in the rate row, e.g. "requests"
    @param load_label      the load generator's name, e.g. "wrk"
    @param per_core_second CPU one core gives in a second, in the points' unit of CPU (1,000 for ms, 10^6 for µs)
    @param digits          decimals of the CPU figures
    """
    cores = os.cpu_count()
    parts = []
    for _, split_, _ in points:
        parts += [part for part in split_ if part not in parts]
    lines = ["| part | " + " | ".join(label for label, _, _ in points) + " |", "|---|" + "---:|" * len(points)]
    for part in parts:
        lines.append(f"| {part} | " + " | ".join(f"{split_.get(part, 0):.{digits}f}" for _, split_, _ in points) + " |")
    lines.append(f"| load generator ({load_label}) | " + " | ".join(f"{load:.{digits}f}" for _, _, load in points)
                 + " |")
    totals = [sum(split_.values()) + load for _, split_, load in points]
    lines.append("| **all** | " + " | ".join(f"**{total:.{digits}f}**" for total in totals) + " |")
    lines.append(f"| {unit}/s {cores} cores serve at this cost | " + " | ".join(
        f"{cores * per_core_second / total:.0f}" if total else "-" for total in totals) + " |")
    return "\n".join(lines)
