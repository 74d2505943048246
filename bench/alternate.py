#!/usr/bin/env python3
"""Paired latency of two services answering the same request, for bench/audit.sh.

Every client thread sends the request to both services in turn (in random order each time, on its own
keep-alive connections), so both see the same moment of a shared, noisy machine; the figures are
compared per pair, not per run.

    alternate.py TOKEN PATH REQUESTS_PER_THREAD THREADS NAME=PORT NAME=PORT

Prints one line per service: answered requests, p50, p95 and p99 in ms; then the median of the paired
differences (second minus first) in ms.
"""
import http.client
import random
import statistics
import sys
import threading
import time


def main():
    token, path, requests, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    services = [arg.split("=", 1) for arg in sys.argv[5:7]]
    latencies = {name: [] for name, _ in services}
    differences = []
    failures = []
    lock = threading.Lock()
    headers = {"Authorization": "Bearer " + token}

    def client():
        connections = {name: http.client.HTTPConnection("127.0.0.1", int(port), timeout=30) for name, port in services}
        mine = {name: [] for name, _ in services}
        pairs = []
        for _ in range(requests):
            order = list(services)
            random.shuffle(order)
            took = {}
            for name, _ in order:
                started = time.perf_counter()
                connections[name].request("GET", path, headers=headers)
                response = connections[name].getresponse()
                response.read()
                took[name] = (time.perf_counter() - started) * 1000
                if response.status != 200:
                    failures.append((name, response.status))
                mine[name].append(took[name])
            pairs.append(took[services[1][0]] - took[services[0][0]])
        with lock:
            for name in mine:
                latencies[name].extend(mine[name])
            differences.extend(pairs)

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    for name, _ in services:
        values = sorted(latencies[name])
        q = statistics.quantiles(values, n=100)
        print(f"{name} {len(values)} {q[49]:.2f} {q[94]:.2f} {q[98]:.2f}")
    print(f"difference {statistics.median(differences):.2f}")
    if failures:
        print(f"failures {len(failures)} {failures[:5]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
