# Falcon 3.1 (Debian's python3-falcon), the lab's fourth set (issue 17), served by the standard library's wsgiref.
# Refusals are Falcon's own error classes as its docs show them (HTTPUnauthorized with challenges, HTTPForbidden,
# HTTPTooManyRequests, HTTPMissingHeader), rendered by Falcon's default JSON error serializer; CORS is
# falcon.CORSMiddleware allowing one origin (the lab page served as localhost).
import json
import os
from wsgiref.simple_server import make_server

import falcon

APP = os.environ["APP"]
TOKENS = {"lab-token-7f3a": {"user": "lab", "scopes": ["read"]}}
KEYS = {"lab-key-3c9d"}
HITS = {}


class Auth:
    """The docs' authentication middleware: a Bearer token on every /api/ resource."""

    def process_request(self, req, resp):
        if not req.path.startswith("/api/"):
            return
        token = req.get_header("Authorization")
        if token is None:
            raise falcon.HTTPUnauthorized(
                title="Authentication required",
                description="Please provide an auth token as part of the request.",
                challenges=['Bearer realm="lab"'],
            )
        if not token.startswith("Bearer ") or token[7:] not in TOKENS:
            raise falcon.HTTPUnauthorized(
                title="Authentication required",
                description="The provided auth token is not valid. Please request a new token and try again.",
                challenges=['Bearer realm="lab", error="invalid_token"'],
            )
        req.context.user = TOKENS[token[7:]]


class Me:
    def on_get(self, req, resp):
        resp.media = {"user": req.context.user["user"]}


class Billing:
    def on_get(self, req, resp):
        if "billing" not in req.context.user["scopes"]:
            raise falcon.HTTPForbidden(
                title="Forbidden", description="This token may not read billing data."
            )
        resp.media = {"invoices": []}


class Export:
    def on_get(self, req, resp):
        HITS["export"] = HITS.get("export", 0) + 1
        if HITS["export"] > 1:
            raise falcon.HTTPTooManyRequests(
                title="Too many exports", description="One export a minute.", retry_after=60
            )
        resp.media = {"export": "started"}


class Partner:
    def on_get(self, req, resp):
        key = req.get_header("X-API-Key", required=True)
        if key not in KEYS:
            raise falcon.HTTPForbidden(title="Invalid API key", description="The API key is not recognised.")
        resp.media = {"orders": []}


class Signup:
    def on_post(self, req, resp):
        body = req.get_media()
        if len(body.get("password", "")) < 8:
            raise falcon.HTTPBadRequest(
                title="Invalid password", description="The password must be at least 8 characters long."
            )
        resp.status = falcon.HTTP_201
        resp.media = {"created": body.get("username")}


class Items:
    def on_get(self, req, resp):
        resp.media = {"items": [1, 2]}


class Crash:
    def on_get(self, req, resp):
        raise falcon.HTTPServiceUnavailable(title="Maintenance", description="Back soon.", retry_after=120)


app = falcon.App(middleware=[falcon.CORSMiddleware(allow_origins=f"http://localhost:{APP}"), Auth()])
app.add_route("/api/me", Me())
app.add_route("/api/billing", Billing())
app.add_route("/api/maintenance", Crash())
app.add_route("/export", Export())
app.add_route("/partner/orders", Partner())
app.add_route("/signup", Signup())
app.add_route("/items", Items())

if __name__ == "__main__":
    with make_server("127.0.0.1", int(os.environ["PORT"]), app) as httpd:
        httpd.serve_forever()
