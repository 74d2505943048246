#!/usr/bin/env python3
"""What a request costs the client before any SQL, for bench/jobcenters.sh: several requests and one SQL
statement, each round all of them once in random order, so all see the same moment of a shared, noisy machine.

    floor.py ROUNDS DATABASE SQL  LABEL STATUS PORT PATH TOKEN  [LABEL STATUS PORT PATH TOKEN ...]

SQL runs prepared on one kept connection, as in bench/paired_sql.py; every request has its own kept
connection and must answer STATUS; TOKEN "-" sends none. Prints "LABEL p50 p95" in ms per request, then
"sql p50 p95".
"""
import http.client
import random
import statistics
import sys
import time

import psycopg2


def main():
    rounds, database, sql = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    fields = sys.argv[4:]
    if not fields or len(fields) % 5:
        raise SystemExit(__doc__)
    requests = [fields[i:i + 5] for i in range(0, len(fields), 5)]

    db = psycopg2.connect(host="127.0.0.1", user="postgres", dbname=database)
    db.autocommit = True
    cursor = db.cursor()
    cursor.execute("PREPARE own AS " + sql)

    def own_sql():
        cursor.execute("EXECUTE own")
        cursor.fetchall()

    def sender(status, port, path, token):
        connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
        headers = {} if token == "-" else {"Authorization": "Bearer " + token}

        def send():
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != int(status):
                raise SystemExit(f"{path} answered {response.status}, not {status}")
        return send

    calls = [(label, sender(status, port, path, token)) for label, status, port, path, token in requests]
    calls.append(("sql", own_sql))
    took = {label: [] for label, _ in calls}
    for _ in range(rounds):
        random.shuffle(calls)
        for label, call in calls:
            started = time.perf_counter()
            call()
            took[label].append((time.perf_counter() - started) * 1000)
    for label in [r[0] for r in requests] + ["sql"]:
        q = statistics.quantiles(sorted(took[label]), n=100)
        print(f"{label} {q[49]:.2f} {q[94]:.2f}")


if __name__ == "__main__":
    main()
