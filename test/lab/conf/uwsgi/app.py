# The WSGI app behind uWSGI's internal routing (the lab's sixth set, issue 17): it answers whatever the routing rules
# in uwsgi.ini let through (a JSON 200, a 404 for unknown paths, a 500 for /boom: uWSGI itself answers an exception
# raised in the app with no response at all). The refusals are uWSGI's own.
import json


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path == "/boom":
        start_response("500 Internal Server Error", [("Content-Type", "application/json")])
        return [json.dumps({"error": "internal error"}).encode()]
    if path.startswith(("/private/", "/internal/", "/api/", "/search")):
        start_response("200 OK", [("Content-Type", "application/json")])
        return [json.dumps({"ok": True, "path": path}).encode()]
    start_response("404 Not Found", [("Content-Type", "application/json")])
    return [json.dumps({"error": "not found"}).encode()]
