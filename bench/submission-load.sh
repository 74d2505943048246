# The submissions every benchmark sends, and the same inserts for pgbench, so that all of them compare the same
# work. Sourced (by service.sh, and by startup.sh, which starts its jars itself) after WORK, DB and CONCURRENCY are set.
#
#   submission_load JOBCENTER TOKEN  writes $WORK/post.lua (wrk: a kiosk's submission, with TOKEN) and
#                                    $WORK/insert.sql (pgbench: the same wish as the service stores it, sealed,
#                                    into JOBCENTER)
#   insert_tps SECONDS               pgbench's inserts/s of $WORK/insert.sql, $CONCURRENCY clients

WISH_TEXT='Bitte mehr Termine am Nachmittag, dann kann ich die Kinder vorher von der Kita abholen. Telefon 0176 12345678.'
submission_load() {
  cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $2"
wrk.body = [[{"targetGroup": "PARENTS", "topic": "INDIVIDUAL_SITUATION", "language": "de", "text": "$WISH_TEXT"}]]
LUA
  # The text as the service stores it (the phone number scrubbed); one transaction per wish, as a submission
  # (counts move only at release).
  cat > "$WORK/insert.sql" <<SQL
INSERT INTO wish (id, jobcenter, target_group, topic, language, text, status, submitted_on, receipt_hash, version)
VALUES (gen_random_uuid(), '$1', 'PARENTS', 'INDIVIDUAL_SITUATION', 'de', '${WISH_TEXT/0176 12345678/[TELEFON]}',
        'NEW', date_trunc('week', current_date)::date, encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), 0);
SQL
}
insert_tps() {
  pgbench -h 127.0.0.1 -U postgres -n -c "$CONCURRENCY" -j 2 -T "$1" -f "$WORK/insert.sql" "$DB" 2>/dev/null \
    | awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]; exit}'
}
