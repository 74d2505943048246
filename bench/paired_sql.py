#!/usr/bin/env python3
"""Paired latency of a service request and the SQL statement behind it, for bench/sealed-ab.sh.

Each round sends the HTTP request and runs the statement straight in PostgreSQL (prepared, on one kept
connection), in random order, so both see the same moment of a shared, noisy machine.

    paired_sql.py TOKEN PORT PATH DATABASE SQL ROUNDS

Prints "service p50 p95", "sql p50 p95" in ms, then the median of the per-round ratios service / sql.
"""
import http.client
import random
import statistics
import sys
import time

import psycopg2


def main():
    token, port, path, database, sql, rounds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
    http_connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    db = psycopg2.connect(host="127.0.0.1", user="postgres", dbname=database)
    db.autocommit = True
    cursor = db.cursor()
    cursor.execute("PREPARE own AS " + sql)
    headers = {"Authorization": "Bearer " + token}

    def service():
        http_connection.request("GET", path, headers=headers)
        response = http_connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"service answered {response.status}")

    def own_sql():
        cursor.execute("EXECUTE own")
        cursor.fetchall()

    took = {"service": [], "sql": []}
    ratios = []
    for _ in range(rounds):
        order = [("service", service), ("sql", own_sql)]
        random.shuffle(order)
        this_round = {}
        for name, call in order:
            started = time.perf_counter()
            call()
            this_round[name] = (time.perf_counter() - started) * 1000
            took[name].append(this_round[name])
        ratios.append(this_round["service"] / this_round["sql"])
    for name in ("service", "sql"):
        q = statistics.quantiles(sorted(took[name]), n=100)
        print(f"{name} {q[49]:.2f} {q[94]:.2f}")
    print(f"ratio {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
