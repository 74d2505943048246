# Signed tokens for a benchmark run: a key pair of this run only, which the service is told to trust
# (MP_JWT_VERIFY_PUBLICKEY_LOCATION=$WORK/public.pem, MP_JWT_VERIFY_ISSUER=https://bench.mitreden).
# Sourced by the scripts in bench/ after they set WORK.
#
#   new_key_pair            writes $WORK/key.pem and $WORK/public.pem
#   token ROLE [CLAIMS]     a token of ROLE valid for four hours; CLAIMS is extra JSON members,
#                           e.g. '"jobcenter":"jc-001"'

new_key_pair() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
  openssl rsa -in "$WORK/key.pem" -pubout -out "$WORK/public.pem" 2>/dev/null
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

token() {
  local now header payload
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://bench.mitreden","upn":"bench-%s","groups":["%s"],"iat":%d,"exp":%d%s}' \
    "$1" "$1" "$now" $((now + 14400)) "${2:+,$2}" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
}
