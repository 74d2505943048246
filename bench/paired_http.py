#!/usr/bin/env python3
"""Paired latency of two requests to the same service, for bench/jobcenters.sh.

Each round sends both requests (each with its own token, on its own kept connection) in random order, so
both see the same moment of a shared, noisy machine.

    paired_http.py PORT ROUNDS TOKEN_A PATH_A TOKEN_B PATH_B

Prints "a p50 p95" and "b p50 p95" in ms, then the median of the per-round ratios b / a. Every answer must
have the status BENCH_EXPECT_STATUS (200 unless set).
"""
import os
import http.client
import random
import statistics
import sys
import time


def main():
    port, rounds = int(sys.argv[1]), int(sys.argv[2])
    requests = {"a": (sys.argv[3], sys.argv[4]), "b": (sys.argv[5], sys.argv[6])}
    connections = {name: http.client.HTTPConnection("127.0.0.1", port, timeout=60) for name in requests}

    def send(name):
        token, path = requests[name]
        connection = connections[name]
        connection.request("GET", path, headers={"Authorization": "Bearer " + token})
        response = connection.getresponse()
        response.read()
        if response.status != int(os.environ.get("BENCH_EXPECT_STATUS", "200")):
            raise SystemExit(f"{path} answered {response.status}")

    took = {name: [] for name in requests}
    ratios = []
    for _ in range(rounds):
        order = list(requests)
        random.shuffle(order)
        this_round = {}
        for name in order:
            started = time.perf_counter()
            send(name)
            this_round[name] = (time.perf_counter() - started) * 1000
            took[name].append(this_round[name])
        ratios.append(this_round["b"] / this_round["a"])
    for name in requests:
        q = statistics.quantiles(sorted(took[name]), n=100)
        print(f"{name} {q[49]:.2f} {q[94]:.2f}")
    print(f"ratio {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
