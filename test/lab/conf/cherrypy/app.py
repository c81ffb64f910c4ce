# CherryPy 18 (Debian's python3-cherrypy3), the lab's fifth set (issue 17). Each refusal is one of CherryPy's own tools
# configured as its documentation shows them, or cherrypy.HTTPError raised by a handler:
# - tools.auth_basic with checkpassword_dict, tools.auth_digest with get_ha1_dict_plain (docs: "Basic and Digest
#   authentication"); both answer 401 with their challenge;
# - tools.referer (cherrypy.lib.cptools.referer): pattern of the site's own origin, accept=True, so a Referer from
#   anywhere else is "403 Forbidden Referer header.";
# - HTTPError(403, "…") for a role, HTTPError(401) with a Bearer challenge, tools.allow (405), HTTPError(503).
# Environment "production": CherryPy's own error pages, no tracebacks.
import json
import os

import cherrypy
from cherrypy.lib import auth_basic, auth_digest

PORT = int(os.environ["PORT"])
USERS = {"lab": "labpass", "root": "rootpass"}
TOKENS = {"lab-token-7f3a": "lab"}


class Basic:
    @cherrypy.expose
    def index(self):
        return "hello " + cherrypy.request.login

    @cherrypy.expose
    def settings(self):
        if cherrypy.request.login != "root":
            raise cherrypy.HTTPError(403, "Administrators only.")
        return "settings"


class Digest:
    @cherrypy.expose
    def index(self):
        return "hello " + cherrypy.request.login


class Api:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def me(self):
        auth = cherrypy.request.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else None
        if token not in TOKENS:
            cherrypy.response.headers["WWW-Authenticate"] = 'Bearer realm="lab"'
            raise cherrypy.HTTPError(401)
        return {"user": TOKENS[token]}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def status(self):
        return {"message": "403 Forbidden errors: see the troubleshooting guide", "ok": True}

    @cherrypy.expose
    def maintenance(self):
        cherrypy.response.headers["Retry-After"] = "120"
        raise cherrypy.HTTPError(503, "Down for maintenance.")

    @cherrypy.expose
    def boom(self):
        raise RuntimeError("lab: an unhandled error")

    @cherrypy.expose
    def items(self):
        return "items"


class Upload:
    @cherrypy.expose
    def index(self, **kw):
        return "uploaded"


class Root:
    basic = Basic()
    digest = Digest()
    api = Api()
    upload = Upload()

    @cherrypy.expose
    def index(self):
        return "lab"


cherrypy.config.update(
    {"environment": "production", "server.socket_host": "127.0.0.1", "server.socket_port": PORT, "log.screen": True}
)
cherrypy.quickstart(
    Root(),
    "/",
    {
        "/basic": {
            "tools.auth_basic.on": True,
            "tools.auth_basic.realm": "lab",
            "tools.auth_basic.checkpassword": auth_basic.checkpassword_dict(USERS),
            "tools.auth_basic.accept_charset": "UTF-8",
        },
        "/digest": {
            "tools.auth_digest.on": True,
            "tools.auth_digest.realm": "lab",
            "tools.auth_digest.get_ha1": auth_digest.get_ha1_dict_plain(USERS),
            "tools.auth_digest.key": "a565c27146791cfb",
            "tools.auth_digest.accept_charset": "UTF-8",
        },
        "/upload": {
            "tools.referer.on": True,
            "tools.referer.pattern": r"^http://127\.0\.0\.1:%d/" % PORT,
            "tools.referer.accept": True,
            "tools.referer.accept_missing": False,
        },
        "/api/items": {"tools.allow.on": True, "tools.allow.methods": ["GET"]},
    },
)
