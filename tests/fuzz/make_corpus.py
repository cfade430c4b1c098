#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the real sandbox.

Usage: make_corpus.py /path/to/tessera-sandbox [CORPUS_DIR]

corpus/fuzz_jsonapi/  response bodies recorded from tessera-sandbox over HTTP: card pages,
                      single cards, limits, accounts, customers, a verification, a token,
                      transactions, authorizations, statements and error documents, as
                      Tessera's client receives them.
corpus/fuzz_sandbox/  requests in fuzz_sandbox.cpp's input format (6-byte header, query, raw
                      id/path, body) with the bodies Tessera sends: create-card, replace,
                      token verification, token, plus broken variants.

Tokens in the responses are replaced by fixed fake ones, so nothing secret is committed and the
files do not change from run to run except where the sandbox puts the time or a fresh id.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

MEDIA = "application/vnd.api+json"


def start_sandbox(binary, work):
    token_file = os.path.join(work, "org-token")
    out = open(os.path.join(work, "stdout"), "w+")
    proc = subprocess.Popen([binary, "--port", "0", "--org-token-file", token_file],
                            stdout=out, stderr=subprocess.DEVNULL)
    for _ in range(200):
        out.seek(0)
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", out.read())
        if m:
            return proc, m.group(1), open(token_file).read().strip()
        if proc.poll() is not None:
            sys.exit("tessera-sandbox exited early")
        time.sleep(0.1)
    proc.kill()
    sys.exit("tessera-sandbox did not start")


class Client:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, token=None, body=None, content_type=MEDIA):
        data = body.encode() if isinstance(body, str) else body
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if token:
            req.add_header("Authorization", "Bearer " + token)
        if data is not None and content_type:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


def scrub(body, secrets):
    text = body.decode()
    for secret, fake in secrets.items():
        text = text.replace(secret, fake)
    return text.encode()


# --- fuzz_sandbox input format (see fuzz_sandbox.cpp) -----------------------------------------
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "post", "GET "]
AUTH = {"org": 0, "maya": 1, "maya-read": 2, "daniel": 3, "none": 4, "bogus": 5, "maya-odd": 6,
        "basic": 7}
PATHS = ["/cards", "/cards/{id}", "/cards/{id}/limits", "/cards/{id}/freeze",
         "/cards/{id}/unfreeze", "/cards/{id}/close", "/cards/{id}/report-stolen",
         "/cards/{id}/report-lost", "/cards/{id}/replace", "/sandbox/cards/{id}/activate",
         "/accounts", "/accounts/{id}", "/customers", "/customers/{id}",
         "/customers/{id}/token/verification", "/customers/{id}/token", "RAW"]
IDS = ["100001", "100002", "100005", "200001", "200002", "200004", "300001", "300002", "300003",
       "300004", "300005", "300007", "999999", "0", "-1", "", "RAW"]
CONTENT_TYPES = [MEDIA, "application/json", MEDIA + "; charset=utf-8",
                 "APPLICATION/JSON ; foo=bar", "text/plain", "", "application/x-www-form-urlencoded",
                 None]


def request(method, path, auth="maya", id="", query="", body="", content_type=MEDIA,
            raw=b"", broker=False):
    b0 = METHODS.index(method) | (AUTH[auth] << 3) | (0x40 if broker else 0)
    if path in PATHS:
        b1 = PATHS.index(path)
    else:
        b1, raw = PATHS.index("RAW"), path.encode()
    b2 = IDS.index(id) if id in IDS else IDS.index("RAW")
    if id not in IDS:
        raw = id.encode()
    q = query.encode()
    assert len(q) < 256 and len(raw) < 256
    b3 = CONTENT_TYPES.index(content_type)
    body = body.encode() if isinstance(body, str) else body
    return bytes([b0, b1, b2, b3, len(q), len(raw)]) + q + raw + body


ADDRESS = {"street": "5230 Newell Rd", "city": "Palo Alto", "state": "CA",
           "postalCode": "94303", "country": "US"}


def doc(data):
    return json.dumps({"data": data}, separators=(",", ":"))


def create_card(type_, account="200001", **attributes):
    return doc({"type": type_, "attributes": attributes,
                "relationships": {"account": {"data": {"type": "depositAccount", "id": account}}}})


def sandbox_requests():
    physical = create_card("individualDebitCard", shippingAddress=ADDRESS,
                           idempotencyKey="fuzz-seed-1", design="default",
                           tags={"purpose": "travel"}, limits={"dailyPurchase": 50000})
    virtual = create_card("individualVirtualDebitCard", idempotencyKey="fuzz-seed-2")
    return {
        "list-cards": request("GET", "/cards"),
        "list-cards-query": request(
            "GET", "/cards", query="page[limit]=2&page[offset]=1&include=account,customer"
                                   "&sort=createdAt&filter[status][0]=Active"),
        "list-cards-tags": request("GET", "/cards", auth="org",
                                   query='filter[tags]={"purpose":"travel"}&filter[customerId]=100001'),
        "list-cards-bulk": request("GET", "/cards", auth="org",
                                   query="filter[customerId]=100005&page[limit]=1000"),
        "get-card": request("GET", "/cards/{id}", id="300001", query="include=account"),
        "limits": request("GET", "/cards/{id}/limits", id="300001"),
        "freeze": request("POST", "/cards/{id}/freeze", id="300001",
                          body=doc({"type": "cardFreeze", "attributes": {"reason": "lost wallet"}})),
        "unfreeze": request("POST", "/cards/{id}/unfreeze", id="300003"),
        "close": request("POST", "/cards/{id}/close", id="300002"),
        "report-lost": request("POST", "/cards/{id}/report-lost", id="300001"),
        "report-stolen-final": request("POST", "/cards/{id}/report-stolen", id="300004"),
        "replace": request("POST", "/cards/{id}/replace", id="300001",
                           body=doc({"type": "replaceCard",
                                     "attributes": {"shippingAddress": ADDRESS}})),
        "activate": request("POST", "/sandbox/cards/{id}/activate", auth="daniel", id="300005"),
        "create-physical": request("POST", "/cards", body=physical),
        "create-virtual": request("POST", "/cards", body=virtual),
        "create-json-media": request("POST", "/cards", body=virtual,
                                     content_type="APPLICATION/JSON ; foo=bar"),
        "create-business": request("POST", "/cards", auth="org", body=create_card(
            "businessDebitCard", shippingAddress=ADDRESS, expiryDate="2029-04", bin={},
            cardQualifier="123")),
        "create-invalid": request("POST", "/cards", body=doc({
            "type": "individualDebitCard",
            "attributes": {"shippingAddress": {"street": 5, "zip": "x"}, "limits": {"x": -1},
                           "tags": {"a": ""}},
            "relationships": {"account": {"data": {"type": "card", "id": "01"}},
                              "foo": {}}})),
        "create-not-object": request("POST", "/cards", body='["data"]'),
        "create-bad-json": request("POST", "/cards", body='{"data":{"type":'),
        "create-text-plain": request("POST", "/cards", body=virtual, content_type="text/plain"),
        "create-read-only": request("POST", "/cards", auth="maya-read", body=virtual),
        "list-accounts": request("GET", "/accounts", query="include=customer"),
        "get-account": request("GET", "/accounts/{id}", id="200001"),
        "list-customers": request("GET", "/customers", auth="org", query="page[limit]=3"),
        "get-customer": request("GET", "/customers/{id}", id="100001"),
        "verification": request("POST", "/customers/{id}/token/verification", auth="org",
                                id="100001",
                                body=doc({"type": "customerTokenVerification",
                                          "attributes": {"channel": "sms"}})),
        "verification-broker": request("POST", "/customers/{id}/token/verification", auth="none",
                                       id="100001", broker=True,
                                       body=doc({"type": "customerTokenVerification",
                                                 "attributes": {"channel": "call",
                                                                "phone": {"countryCode": "1",
                                                                          "number": "5555555555"}}})),
        "token": request("POST", "/customers/{id}/token", auth="org", id="100001",
                         body=doc({"type": "customerToken",
                                   "attributes": {"scope": "customers accounts cards cards-write",
                                                  "verificationToken": "v2.public.fake",
                                                  "verificationCode": "000001"}})),
        "token-jwt": request("POST", "/customers/{id}/token", auth="org", id="100001",
                             body=doc({"type": "customerToken",
                                       "attributes": {"scope": "customers", "expiresIn": 600,
                                                      "jwtToken": "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhdXRoMHw2NGYxYzJhOWUzYjdkMTAwMDFtYXlhIiwiZXhwIjo0MTAyNDQ0ODAwfQ."}})),
        "list-transactions": request(
            "GET", "/transactions", auth="org",
            query="filter[accountId]=200001&page[limit]=5&sort=-createdAt&filter[type][0]=Purchase"
                  "&filter[since]=2026-01-01T00:00:00Z&filter[query]=coffee"),
        "get-transaction": request("GET", "/accounts/200001/transactions/200001000001",
                                   auth="org"),
        "list-authorizations": request(
            "GET", "/authorizations", auth="org",
            query="filter[accountId]=200001&filter[includeNonAuthorized]=true"
                  "&filter[status][0]=Declined"),
        "list-statements": request("GET", "/statements", auth="org",
                                   query="filter[accountId]=200001&sort=-period"),
        "statement-pdf": request("GET", "/statements/200001000000/pdf", auth="org"),
        "simulate-authorization": request("POST", "/sandbox/authorizations", auth="org", body=doc({
            "type": "authorization",
            "attributes": {"amount": 2500, "cardLast4Digits": "4821", "merchantName": "Apple Inc.",
                           "merchantType": 1000, "merchantLocation": "Cupertino, CA"},
            "relationships": {"account": {"data": {"type": "depositAccount", "id": "200001"}}}})),
        "simulate-purchase": request("POST", "/sandbox/purchases", auth="org", body=doc({
            "type": "purchaseTransaction",
            "attributes": {"amount": 2500, "direction": "Debit", "last4Digits": "4821",
                           "merchantName": "Apple Inc.", "merchantType": 1000},
            "relationships": {"account": {"data": {"type": "depositAccount", "id": "200001"}},
                              "authorization": {"data": {"type": "authorization",
                                                         "id": "200001000003"}}}})),
        "no-token": request("GET", "/cards", auth="none"),
        "bad-token": request("GET", "/cards", auth="bogus"),
        "wrong-method": request("DELETE", "/cards/{id}", id="300001"),
        "raw-path": request("GET", "/cards/../accounts//200001", auth="org"),
        "raw-id": request("GET", "/cards/{id}", id="300001\u00e9%2F"),
    }


def main():
    binary = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "corpus")
    jsonapi = os.path.join(corpus, "fuzz_jsonapi")
    sandbox = os.path.join(corpus, "fuzz_sandbox")
    os.makedirs(jsonapi, exist_ok=True)
    os.makedirs(sandbox, exist_ok=True)

    with tempfile.TemporaryDirectory() as work:
        proc, base, org = start_sandbox(binary, work)
        try:
            c = Client(base)
            _, body = c.call("POST", "/customers/100001/token/verification", org,
                             doc({"type": "customerTokenVerification",
                                  "attributes": {"channel": "sms"}}))
            verification_body = body
            vt = json.loads(body)["data"]["attributes"]["verificationToken"]
            _, token_body = c.call("POST", "/customers/100001/token", org, doc({
                "type": "customerToken",
                "attributes": {"scope": "customers accounts cards cards-write",
                               "verificationToken": vt, "verificationCode": "000001"}}))
            maya = json.loads(token_body)["data"]["attributes"]["token"]
            secrets = {org: "v2.public.fake-org-token", vt: "v2.public.fake-verification",
                       maya: "v2.public.fake-customer-token"}

            responses = {
                "verification": verification_body,
                "token": token_body,
                "card-page": c.call("GET", "/cards", maya)[1],
                "card-page-included": c.call(
                    "GET", "/cards?include=account,customer&page[limit]=2", maya)[1],
                "card-physical": c.call("GET", "/cards/300001?include=account", maya)[1],
                "card-virtual": c.call("GET", "/cards/300002", maya)[1],
                "card-frozen": c.call("POST", "/cards/300001/freeze", maya)[1],
                "card-created": c.call("POST", "/cards", maya, create_card(
                    "individualDebitCard", shippingAddress=dict(ADDRESS, street2="Apt 1"),
                    idempotencyKey="corpus-1", tags={"purpose": "travel"},
                    limits={"dailyPurchase": 50000, "monthlyWithdrawal": 200000}))[1],
                "limits": c.call("GET", "/cards/300001/limits", maya)[1],
                "account-page": c.call("GET", "/accounts?include=customer", maya)[1],
                "account": c.call("GET", "/accounts/200001", maya)[1],
                "customer-page": c.call("GET", "/customers?page[limit]=2", org)[1],
                "customer": c.call("GET", "/customers/100001", maya)[1],
                "transaction-page": c.call(
                    "GET", "/transactions?filter[accountId]=200001&page[limit]=8"
                           "&sort=-createdAt&include=account", org)[1],
                "transaction-ach": c.call(
                    "GET", "/transactions?filter[accountId]=200001&page[limit]=2"
                           "&filter[type][0]=ReceivedAch", org)[1],
                "authorization-page": c.call(
                    "GET", "/authorizations?filter[accountId]=200001"
                           "&filter[includeNonAuthorized]=true", org)[1],
                "statement-page": c.call("GET", "/statements?filter[accountId]=200001", org)[1],
                "error-401": c.call("GET", "/cards")[1],
                "error-403": c.call("POST", "/customers/100001/token/verification", maya, doc({
                    "type": "customerTokenVerification", "attributes": {"channel": "sms"}}))[1],
                "error-404": c.call("GET", "/cards/999999", maya)[1],
                "error-405": c.call("DELETE", "/cards/300001", maya)[1],
                "error-415": c.call("POST", "/cards", maya, "{}", "text/plain")[1],
                "error-400-malformed": c.call("POST", "/cards", maya, '{"data":')[1],
                "error-400-validation": c.call("POST", "/cards", maya, doc({
                    "type": "individualDebitCard",
                    "attributes": {"shippingAddress": {"street": 5}, "limits": {"x": -1}},
                    "relationships": {"account": {"data": {"type": "card", "id": "01"}}}}))[1],
                "error-400-final": c.call("POST", "/cards/300004/unfreeze", maya)[1],
            }
        finally:
            proc.terminate()
            proc.wait()

    for name, body in responses.items():
        with open(os.path.join(jsonapi, name + ".json"), "wb") as f:
            f.write(scrub(body, secrets))
    for name, data in sandbox_requests().items():
        with open(os.path.join(sandbox, name), "wb") as f:
            f.write(data)
    print(f"{len(responses)} documents in {jsonapi}, "
          f"{len(sandbox_requests())} requests in {sandbox}")


if __name__ == "__main__":
    main()
