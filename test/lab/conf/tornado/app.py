# Tornado 6 (Debian's python3-tornado), the lab's fourth set (issue 17): the refusals its users meet, each written as
# Tornado's own documentation shows them. xsrf_cookies=True (the "Cross-site request forgery protection" section of
# the guide), @tornado.web.authenticated with a login_url (redirect for GET, 403 for other methods), and
# tornado.web.HTTPError(401/403/429) raised by handlers. Error pages are Tornado's default write_error.
import json
import os

import tornado.ioloop
import tornado.web

PORT = int(os.environ["PORT"])
TOKENS = {"lab-token-7f3a": "lab"}
USERS = {"lab": "labpass"}


class Base(tornado.web.RequestHandler):
    def get_current_user(self):
        name = self.get_secure_cookie("user")
        return name.decode() if name else None


class LoginHandler(Base):
    def get(self):
        self.write(
            '<!doctype html><form method="post" action="/login">%s'
            '<input name="username"><input name="password" type="password">'
            '<input type="hidden" name="next" value="%s"><button>Sign in</button></form>'
            % (self.xsrf_form_html(), tornado.escape.xhtml_escape(self.get_argument("next", "/account")))
        )

    def post(self):
        user = self.get_argument("username")
        password = self.get_argument("password")
        if USERS.get(user) != password:
            self.set_status(200)
            self.write("Wrong user name or password")
            return
        self.set_secure_cookie("user", user)
        self.redirect(self.get_argument("next", "/account"))


class LogoutHandler(Base):
    def get(self):
        self.clear_cookie("user")
        self.redirect("/login")


class AccountHandler(Base):
    @tornado.web.authenticated
    def get(self):
        self.write("<!doctype html><p>Signed in as %s</p>" % tornado.escape.xhtml_escape(self.current_user))

    @tornado.web.authenticated
    def post(self):
        self.write({"saved": True})


class CommentHandler(Base):
    """A form with the XSRF token, and the POST Tornado checks (xsrf_cookies)."""

    def get(self):
        self.write(
            '<!doctype html><form method="post" action="/comment">%s<textarea name="text"></textarea>'
            "<button>Send</button></form>" % self.xsrf_form_html()
        )

    def post(self):
        self.write({"posted": self.get_argument("text")})


class TokenHandler(Base):
    """The guide's "raise HTTPError" pattern for an API: 401 without a known Bearer token."""

    def check_xsrf_cookie(self):
        pass  # an API authenticated by its header is exempt, as the docs advise

    def prepare(self):
        auth = self.request.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in TOKENS:
            self.set_header("WWW-Authenticate", 'Bearer realm="lab"')
            raise tornado.web.HTTPError(401)

    def get(self):
        self.write({"user": TOKENS[self.request.headers["Authorization"][7:]]})


class ReportHandler(Base):
    """HTTPError(403, reason=...) to a token holder without the role; the reason becomes the status line."""

    def get(self):
        auth = self.request.headers.get("Authorization", "")
        if auth != "Bearer lab-token-admin":
            raise tornado.web.HTTPError(403, "user lacks the admin role", reason="Admin role required")
        self.write({"report": "q3"})


HITS = {}


class SearchHandler(Base):
    """A handler counting calls per client, raising HTTPError(429) past two a run."""

    def get(self):
        ip = self.request.remote_ip
        HITS[ip] = HITS.get(ip, 0) + 1
        if HITS[ip] > 2:
            self.set_header("Retry-After", "60")
            raise tornado.web.HTTPError(429)
        self.write({"results": []})


class SignupHandler(Base):
    def check_xsrf_cookie(self):
        pass

    def post(self):
        body = json.loads(self.request.body or b"{}")
        if len(body.get("password", "")) < 8:
            raise tornado.web.HTTPError(400, reason="password must be at least 8 characters")
        self.set_status(201)
        self.write({"created": body.get("username")})


class BoomHandler(Base):
    def get(self):
        raise RuntimeError("lab: an unhandled error")


class MissingArgHandler(Base):
    def get(self):
        self.write({"q": self.get_argument("api_key")})


app = tornado.web.Application(
    [
        (r"/login", LoginHandler),
        (r"/logout", LogoutHandler),
        (r"/account", AccountHandler),
        (r"/comment", CommentHandler),
        (r"/api/me", TokenHandler),
        (r"/api/report", ReportHandler),
        (r"/api/search", SearchHandler),
        (r"/api/signup", SignupHandler),
        (r"/api/boom", BoomHandler),
        (r"/api/lookup", MissingArgHandler),
    ],
    cookie_secret="lab-cookie-secret-not-a-real-one",
    login_url="/login",
    xsrf_cookies=True,
)

if __name__ == "__main__":
    app.listen(PORT, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
