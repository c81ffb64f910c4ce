# The lab's Flask site (the third set, issue 17): Flask with the extensions its users add for auth, CORS, rate
# limits and CSRF, each configured as its documentation shows, answering with its own default refusals.
# Run in the foreground by the lab: /usr/bin/python3 app.py (PORT, APP from the environment).
import os

from flask import Blueprint, Flask, abort, jsonify, redirect, request
from flask_cors import CORS
from flask_httpauth import HTTPBasicAuth, HTTPDigestAuth, HTTPTokenAuth
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

app = Flask(__name__)
app.config.update(SECRET_KEY='lab-secret-key-not-for-production', WTF_CSRF_CHECK_DEFAULT=True)

# Flask-WTF: CSRF on every POST of the site except the JSON API blueprint (exempted below).
csrf = CSRFProtect(app)

# Flask-Limiter 3: in-memory storage, X-RateLimit-* and Retry-After headers on.
limiter = Limiter(get_remote_address, app=app, storage_uri='memory://', headers_enabled=True)

# Flask-CORS: only the partner origin may read /cors/*; the lab page is not it.
CORS(app, resources={r'/cors/*': {'origins': ['https://partner.example.com'], 'methods': ['GET', 'POST']}})

# Flask-HTTPAuth: Basic with a role, Bearer tokens, Digest (the users of its documentation).
USERS = {'lab': 'labpass', 'admin': 'adminpass'}
ROLES = {'lab': 'user', 'admin': 'admin'}
TOKENS = {'lab-token-7f3a': 'lab'}
basic = HTTPBasicAuth()
token = HTTPTokenAuth(scheme='Bearer')
digest = HTTPDigestAuth()


@basic.verify_password
def verify_password(username, password):
    return username if USERS.get(username) == password and password else None


@basic.get_user_roles
def get_user_roles(user):
    return ROLES.get(user)


@token.verify_token
def verify_token(value):
    return TOKENS.get(value)


@digest.get_password
def get_password(username):
    return USERS.get(username)


# Flask-Login: the site sends visitors to /login; the JSON API blueprint has no login view (abort(401)).
login_manager = LoginManager(app)
login_manager.login_view = 'login'


class User(UserMixin):
    def __init__(self, name):
        self.id = name


@login_manager.user_loader
def load_user(user_id):
    return User(user_id) if user_id in USERS else None


class LoginForm(FlaskForm):
    username = StringField('username', validators=[DataRequired()])
    password = PasswordField('password', validators=[DataRequired()])


class SignupForm(FlaskForm):
    class Meta:
        csrf = False  # a JSON API form: validated, not CSRF-checked

    username = StringField('username', validators=[DataRequired()])
    password = PasswordField('password', validators=[DataRequired(), Length(min=8)])


@app.get('/login')
def login_page():
    form = LoginForm()
    return (
        '<!doctype html><form method="post">'
        f'<input type="hidden" name="csrf_token" value="{form.csrf_token.current_token}">'
        '<input name="username"><input name="password" type="password"><button>Sign in</button></form>'
    )


@app.post('/login')
def login():
    form = LoginForm()
    if form.validate_on_submit() and USERS.get(form.username.data) == form.password.data:
        login_user(User(form.username.data))
        return redirect(request.args.get('next') or '/account/')
    return 'wrong username or password', 200


@app.get('/logout')
def logout():
    logout_user()
    return redirect('/login')


@app.get('/account/')
@login_required
def account():
    return f'<!doctype html><p>Signed in as {current_user.id}</p>'


@app.get('/admin/')
@login_required
def admin():
    if current_user.id != 'admin':
        abort(403)
    return 'admin'


@app.get('/transfer')
def transfer_form():
    form = LoginForm()
    return (
        '<!doctype html><form method="post" action="/transfer">'
        f'<input type="hidden" name="csrf_token" value="{form.csrf_token.current_token}">'
        '<input name="amount" value="10"></form>'
    )


@app.post('/transfer')
def transfer():
    return 'transferred'


@app.get('/basic/report')
@basic.login_required
def basic_report():
    return jsonify(report='ok', user=basic.current_user())


@app.get('/basic/admin')
@basic.login_required(role='admin')
def basic_admin():
    return jsonify(admin=True)


@app.get('/token/me')
@token.login_required
def token_me():
    return jsonify(user=token.current_user())


@app.get('/digest/vault')
@digest.login_required
def digest_vault():
    return 'the vault'


@app.get('/search')
@limiter.limit('1/minute')
def search():
    return jsonify(results=[])


@app.route('/cors/orders', methods=['GET', 'POST', 'DELETE'])
def cors_orders():
    return jsonify(orders=[])


api = Blueprint('api', __name__, url_prefix='/api')
csrf.exempt(api)
login_manager.blueprint_login_views['api'] = None


@api.get('/profile')
@login_required
def api_profile():
    return jsonify(user=current_user.id)


@api.post('/signup')
def api_signup():
    form = SignupForm(data=request.get_json(silent=True) or {})
    if not form.validate():
        return jsonify(errors=form.errors), 400
    return jsonify(created=form.username.data), 201


@api.get('/docs/<int:doc>')
def api_doc(doc):
    if doc != 1:
        abort(404)
    return jsonify(doc=doc)


app.register_blueprint(api)

if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.environ['PORT']), threaded=False, use_reloader=False)
