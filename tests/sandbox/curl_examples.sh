#!/usr/bin/env bash
# Runs the README's curl examples against the real tessera-sandbox binary.
# Usage: curl_examples.sh /path/to/tessera-sandbox
#
# The two README examples, verbatim (customer 100001 "Maya Thompson", open account 200001):
#
#   curl -s -H "Authorization: Bearer $CUSTOMER_TOKEN" "$UNIT_API/cards"
#
#   curl -s -X POST "$UNIT_API/cards" -H "Authorization: Bearer $CUSTOMER_TOKEN" -H "Content-Type: application/vnd.api+json" -d '{"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA","postalCode":"94303","country":"US"},"idempotencyKey":"tessera-readme-example-1"},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}}'
#
# Tokens are never echoed: they live in files and variables only.
set -euo pipefail

SANDBOX_BIN=${1:?usage: curl_examples.sh /path/to/tessera-sandbox}
WORK_DIR=$(mktemp -d)
SERVER_PID=""

cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK_DIR"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# --- start the sandbox on an ephemeral port ------------------------------------------------
"$SANDBOX_BIN" --port 0 --org-token-file "$WORK_DIR/org-token" >"$WORK_DIR/stdout" 2>"$WORK_DIR/stderr" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 100); do
    PORT=$(sed -n 's|^tessera-sandbox listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$WORK_DIR/stdout")
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || fail "tessera-sandbox exited: $(cat "$WORK_DIR/stderr")"
    sleep 0.1
done
[[ -n "$PORT" ]] || fail "tessera-sandbox did not report its port"
[[ "$(stat -c %a "$WORK_DIR/org-token")" == "600" ]] || fail "org token file is not mode 0600"
grep -q "v2.public." "$WORK_DIR/stdout" && fail "the org token was printed although --org-token-file was given"

export UNIT_API="http://127.0.0.1:$PORT"
ORG_TOKEN=$(cat "$WORK_DIR/org-token")

# json FILE PYTHON-EXPRESSION: evaluates the expression with `d` bound to the parsed document.
json() {
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

# --- mint a customer token: verification, then token with the sandbox code 000001 ----------
curl -s -o "$WORK_DIR/verification.json" -w '%{http_code}' -X POST \
    "$UNIT_API/customers/100001/token/verification" \
    -H "Authorization: Bearer $ORG_TOKEN" -H "Content-Type: application/vnd.api+json" \
    -d '{"data":{"type":"customerTokenVerification","attributes":{"channel":"sms"}}}' \
    >"$WORK_DIR/status" || fail "verification request failed"
[[ "$(cat "$WORK_DIR/status")" == "201" ]] || fail "verification: HTTP $(cat "$WORK_DIR/status")"
VERIFICATION_TOKEN=$(json "$WORK_DIR/verification.json" 'd["data"]["attributes"]["verificationToken"]')

curl -s -o "$WORK_DIR/token.json" -w '%{http_code}' -X POST "$UNIT_API/customers/100001/token" \
    -H "Authorization: Bearer $ORG_TOKEN" -H "Content-Type: application/vnd.api+json" \
    -d "{\"data\":{\"type\":\"customerToken\",\"attributes\":{\"scope\":\"customers accounts cards cards-write\",\"verificationToken\":\"$VERIFICATION_TOKEN\",\"verificationCode\":\"000001\"}}}" \
    >"$WORK_DIR/status" || fail "token request failed"
[[ "$(cat "$WORK_DIR/status")" == "201" ]] || fail "token: HTTP $(cat "$WORK_DIR/status")"
[[ "$(json "$WORK_DIR/token.json" 'd["data"]["type"]')" == "customerBearerToken" ]] || fail "token type"
export CUSTOMER_TOKEN
CUSTOMER_TOKEN=$(json "$WORK_DIR/token.json" 'd["data"]["attributes"]["token"]')

# --- README example 1: list cards with a customer token -------------------------------------
curl -s -H "Authorization: Bearer $CUSTOMER_TOKEN" "$UNIT_API/cards" >"$WORK_DIR/list.json"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $CUSTOMER_TOKEN" "$UNIT_API/cards")
[[ "$STATUS" == "200" ]] || fail "list cards: HTTP $STATUS"
[[ "$(json "$WORK_DIR/list.json" 'd["meta"]["pagination"]["total"]')" == "4" ]] || fail "list: expected Maya's 4 cards"
[[ "$(json "$WORK_DIR/list.json" 'sorted({c["relationships"]["customer"]["data"]["id"] for c in d["data"]})')" == "['100001']" ]] \
    || fail "list: cards of another customer leaked"
[[ "$(json "$WORK_DIR/list.json" 'all(c["type"].startswith("individual") and len(c["attributes"]["last4Digits"]) == 4 for c in d["data"])')" == "True" ]] \
    || fail "list: unexpected card shape"
echo "example 1 (list cards): HTTP 200, $(json "$WORK_DIR/list.json" 'len(d["data"])') cards"

# --- README example 2: create a card ---------------------------------------------------------
curl -s -X POST "$UNIT_API/cards" -H "Authorization: Bearer $CUSTOMER_TOKEN" -H "Content-Type: application/vnd.api+json" -d '{"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA","postalCode":"94303","country":"US"},"idempotencyKey":"tessera-readme-example-1"},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}}' >"$WORK_DIR/create.json"
[[ "$(json "$WORK_DIR/create.json" 'd["data"]["type"]')" == "individualDebitCard" ]] || fail "create: $(cat "$WORK_DIR/create.json")"
[[ "$(json "$WORK_DIR/create.json" 'd["data"]["attributes"]["status"]')" == "Inactive" ]] || fail "create: new physical card must be Inactive"
[[ "$(json "$WORK_DIR/create.json" 'd["data"]["attributes"]["shippingAddress"]["city"]')" == "Palo Alto" ]] || fail "create: shipping address"
[[ "$(json "$WORK_DIR/create.json" 'd["data"]["relationships"]["account"]["data"]["id"]')" == "200001" ]] || fail "create: account"
CARD_ID=$(json "$WORK_DIR/create.json" 'd["data"]["id"]')

# Same command again: the idempotency key replays the first card with 201.
STATUS=$(curl -s -o "$WORK_DIR/replay.json" -w '%{http_code}' -X POST "$UNIT_API/cards" -H "Authorization: Bearer $CUSTOMER_TOKEN" -H "Content-Type: application/vnd.api+json" -d '{"data":{"type":"individualDebitCard","attributes":{"shippingAddress":{"street":"5230 Newell Rd","city":"Palo Alto","state":"CA","postalCode":"94303","country":"US"},"idempotencyKey":"tessera-readme-example-1"},"relationships":{"account":{"data":{"type":"depositAccount","id":"200001"}}}}}')
[[ "$STATUS" == "201" ]] || fail "create card: HTTP $STATUS"
[[ "$(json "$WORK_DIR/replay.json" 'd["data"]["id"]')" == "$CARD_ID" ]] || fail "idempotent replay returned another card"
echo "example 2 (create card): HTTP 201, card $CARD_ID"

# The token endpoints take a customer token only for its own customer and only with scope
# customer-token-write (Unit's upgradableScope flow); this one lacks it.
STATUS=$(curl -s -o "$WORK_DIR/self-mint.json" -w '%{http_code}' -X POST "$UNIT_API/customers/100001/token" \
    -H "Authorization: Bearer $CUSTOMER_TOKEN" -H "Content-Type: application/vnd.api+json" \
    -d '{"data":{"type":"customerToken","attributes":{"scope":"cards"}}}')
[[ "$STATUS" == "403" ]] || fail "a customer token without customer-token-write minted a token: HTTP $STATUS"
[[ "$(json "$WORK_DIR/self-mint.json" '"code" in d["errors"][0]')" == "False" ]] || fail "self-mint error has a code Unit does not document"

# Without a token the same call is a JSON:API 401.
STATUS=$(curl -s -o "$WORK_DIR/unauth.json" -w '%{http_code}' "$UNIT_API/cards")
[[ "$STATUS" == "401" ]] || fail "no token: HTTP $STATUS"
[[ "$(json "$WORK_DIR/unauth.json" 'd["errors"][0]["status"]')" == "401" ]] || fail "401 body"
echo "PASS"
