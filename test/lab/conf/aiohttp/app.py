# aiohttp 3.8 server (Debian's python3-aiohttp) with aiohttp-cors, the lab's fourth set (issue 17). Refusals are
# aiohttp's own exception classes (web.HTTPUnauthorized, HTTPForbidden, HTTPTooManyRequests, raised as the
# "Exceptions" section of the server docs shows) and a middleware checking an API key; CORS is aiohttp-cors'
# ResourceOptions for one allowed origin (the lab page served as localhost).
import os

import aiohttp_cors
from aiohttp import web

PORT = int(os.environ["PORT"])
APP = os.environ["APP"]
TOKENS = {"lab-token-7f3a": {"user": "lab", "admin": False}, "lab-token-admin": {"user": "root", "admin": True}}
KEYS = {"lab-key-3c9d"}


def bearer(request):
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        raise web.HTTPUnauthorized(headers={"WWW-Authenticate": 'Bearer realm="lab"'})
    who = TOKENS.get(auth[7:])
    if who is None:
        raise web.HTTPUnauthorized(headers={"WWW-Authenticate": 'Bearer realm="lab", error="invalid_token"'})
    return who


@web.middleware
async def api_key(request, handler):
    """The docs' middleware pattern: every /partner/ call needs X-API-Key."""
    if request.path.startswith("/partner/"):
        key = request.headers.get("X-API-Key")
        if key is None:
            raise web.HTTPUnauthorized(text="Missing API key")
        if key not in KEYS:
            raise web.HTTPForbidden(text="Invalid API key")
    return await handler(request)


HITS = {}


async def me(request):
    return web.json_response({"user": bearer(request)["user"]})


async def admin(request):
    if not bearer(request)["admin"]:
        raise web.HTTPForbidden()
    return web.json_response({"admin": True})


async def partner_orders(request):
    return web.json_response({"orders": []})


async def search(request):
    HITS[request.remote] = HITS.get(request.remote, 0) + 1
    left = max(0, 2 - HITS[request.remote])
    if HITS[request.remote] > 3:
        raise web.HTTPTooManyRequests(headers={"Retry-After": "30"}, text="Too many requests, slow down")
    return web.json_response({"results": []}, headers={"X-RateLimit-Limit": "2", "X-RateLimit-Remaining": str(left)})


async def signup(request):
    body = await request.json()
    if len(body.get("password", "")) < 8:
        return web.json_response({"errors": {"password": "must be at least 8 characters"}}, status=400)
    return web.json_response({"created": body.get("username")}, status=201)


async def upstream(request):
    raise web.HTTPBadGateway(text="upstream inventory service did not answer")


async def items(request):
    return web.json_response({"items": [1, 2]})


app = web.Application(middlewares=[api_key])
app.router.add_get("/api/me", me)
app.router.add_get("/api/admin", admin)
app.router.add_get("/partner/orders", partner_orders)
app.router.add_get("/api/search", search)
app.router.add_post("/api/signup", signup)
app.router.add_get("/api/inventory", upstream)
cors = aiohttp_cors.setup(
    app,
    defaults={f"http://localhost:{APP}": aiohttp_cors.ResourceOptions(allow_credentials=True, allow_headers="*")},
)
cors.add(app.router.add_get("/api/items", items))

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=PORT)
