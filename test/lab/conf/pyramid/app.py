# Pyramid 2.0 on waitress (Debian's python3-pyramid, python3-waitress), the lab's sixth set (issue 17). Every refusal
# is Pyramid's own machinery as its documentation shows it:
# - a security policy (docs: "Writing a Security Policy") that reads HTTP Basic credentials with
#   pyramid.authentication.extract_http_basic_credentials, and ACLs on the root (pyramid.authorization.ACLHelper);
#   a view's `permission=` refused raises HTTPForbidden;
# - a forbidden view (docs: "Changing the Forbidden View") that answers an anonymous caller on /basic/ with 401 and a
#   Basic challenge, as the Basic-auth cookbook does; elsewhere Pyramid's default 403 page stays;
# - CSRF (docs: "Checking CSRF Tokens Automatically"): config.set_default_csrf_options(require_csrf=True) with the
#   session-kept token (SignedCookieSessionFactory), so an unsafe request without the token is BadCSRFToken (400);
# - a tween checking X-Api-Key on /api/ (docs: "Registering Tweens") with HTTPUnauthorized / HTTPForbidden.
import json
import os

from pyramid.authentication import extract_http_basic_credentials
from pyramid.authorization import ACLHelper, Allow, Authenticated, Everyone
from pyramid.config import Configurator
from pyramid.csrf import get_csrf_token
from pyramid.httpexceptions import HTTPBadRequest, HTTPForbidden, HTTPUnauthorized
from pyramid.response import Response
from pyramid.session import SignedCookieSessionFactory
from pyramid.view import forbidden_view_config, view_config
from waitress import serve

USERS = {"lab": ("labpass", []), "editor": ("editorpass", ["group:editors"])}
API_KEY = "lab-key-6b1e"


class Root:
    __acl__ = [(Allow, Authenticated, "read"), (Allow, "group:editors", "edit")]

    def __init__(self, request):
        pass


class BasicSecurityPolicy:
    def identity(self, request):
        creds = extract_http_basic_credentials(request)
        if creds and creds.username in USERS and USERS[creds.username][0] == creds.password:
            return {"user": creds.username, "groups": USERS[creds.username][1]}
        return None

    def authenticated_userid(self, request):
        identity = request.identity
        return identity["user"] if identity else None

    def permits(self, request, context, permission):
        identity = request.identity
        principals = [Everyone]
        if identity:
            principals += [Authenticated, "user:" + identity["user"], *identity["groups"]]
        return ACLHelper().permits(context, principals, permission)

    def forget(self, request, **kw):
        return []


@forbidden_view_config(path_info=r"^/basic/")
def basic_forbidden(request):
    if request.authenticated_userid is None:
        return HTTPUnauthorized(headers={"WWW-Authenticate": 'Basic realm="lab"'})
    return HTTPForbidden()


@view_config(route_name="basic_home", permission="read", renderer="json")
def basic_home(request):
    return {"user": request.authenticated_userid}


@view_config(route_name="basic_edit", permission="edit", renderer="json")
def basic_edit(request):
    return {"edit": True}


@view_config(route_name="pages_edit", permission="edit", renderer="json")
def pages_edit(request):
    return {"edit": True}


@view_config(route_name="profile", request_method="GET")
def profile_form(request):
    token = get_csrf_token(request)
    return Response(
        "<!doctype html><title>profile</title>"
        '<form method="post" action="/profile">'
        f'<input type="hidden" name="csrf_token" value="{token}">'
        '<input name="name" value="lab"><button>Save</button></form>'
    )


@view_config(route_name="profile", request_method="POST", renderer="json")
def profile_save(request):
    return {"saved": True}


@view_config(route_name="register", request_method="POST", renderer="json", require_csrf=False)
def register(request):
    password = request.json_body.get("password", "")
    if len(password) < 12:
        raise HTTPBadRequest(json_body={"errors": {"password": "must be at least 12 characters"}})
    return {"ok": True}


@view_config(route_name="api_items", renderer="json")
def api_items(request):
    return {"items": []}


@view_config(route_name="boom")
def boom(request):
    raise RuntimeError("boom")


def api_key_tween_factory(handler, registry):
    def api_key_tween(request):
        if request.path.startswith("/api/"):
            key = request.headers.get("X-Api-Key")
            if not key:
                return HTTPUnauthorized(json_body={"error": "API key required"})
            if key != API_KEY:
                return HTTPForbidden(json_body={"error": "Invalid API key"})
        return handler(request)

    return api_key_tween


def main():
    with Configurator(root_factory=Root) as config:
        config.set_security_policy(BasicSecurityPolicy())
        config.set_session_factory(SignedCookieSessionFactory("lab-session-secret"))
        config.set_default_csrf_options(require_csrf=True)
        config.add_tween("__main__.api_key_tween_factory")
        config.add_route("basic_home", "/basic/")
        config.add_route("basic_edit", "/basic/edit")
        config.add_route("pages_edit", "/pages/edit")
        config.add_route("profile", "/profile")
        config.add_route("register", "/register")
        config.add_route("api_items", "/api/items")
        config.add_route("boom", "/boom")
        config.scan()
        app = config.make_wsgi_app()
    serve(app, host="127.0.0.1", port=int(os.environ["PORT"]))


if __name__ == "__main__":
    main()
