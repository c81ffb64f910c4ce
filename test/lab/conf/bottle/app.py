# Bottle 0.12 (Debian's python3-bottle), the lab's fourth set (issue 17): its auth_basic decorator, abort(401/403)
# from a view (the tutorial's "Errors" section), on Bottle's own wsgiref server. Error pages are Bottle's default.
import os

from bottle import abort, auth_basic, request, response, route, run

USERS = {"lab": "labpass", "admin": "adminpass"}
KEYS = {"lab-key-3c9d"}


def check(user, password):
    return USERS.get(user) == password


@route("/reports")
@auth_basic(check)
def reports():
    return {"reports": ["q3"]}


@route("/admin")
@auth_basic(check)
def admin():
    if request.auth[0] != "admin":
        abort(403, "Administrators only.")
    return {"admin": True}


@route("/api/orders")
def orders():
    key = request.get_header("X-API-Key")
    if not key:
        abort(401, "API key required.")
    if key not in KEYS:
        abort(403, "Invalid API key.")
    return {"orders": []}


@route("/api/crash")
def crash():
    raise RuntimeError("lab: an unhandled error")


@route("/api/signup", method="POST")
def signup():
    body = request.json or {}
    if len(body.get("password", "")) < 8:
        response.status = 400
        return {"error": "password must be at least 8 characters"}
    response.status = 201
    return {"created": body.get("username")}


run(host="127.0.0.1", port=int(os.environ["PORT"]), quiet=False)
