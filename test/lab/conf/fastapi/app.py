# The lab's FastAPI site (the third set, issue 17): FastAPI's security dependencies and Starlette's middlewares,
# written as FastAPI's tutorial writes them (https://fastapi.tiangolo.com/tutorial/security/), answering with
# their own default refusals. Run by the lab in the foreground:
#   /usr/bin/python3 -m uvicorn app:app --app-dir conf/fastapi --host 127.0.0.1 --port PORT
import os
import secrets

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import (
    APIKeyHeader,
    HTTPAuthorizationCredentials,
    HTTPBasic,
    HTTPBasicCredentials,
    HTTPBearer,
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    SecurityScopes,
)
from pydantic import BaseModel, Field
from starlette.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI()

# CORSMiddleware: the lab page's origin only (http://127.0.0.1:APP; the same page served as localhost is another
# origin), GET and POST, Content-Type: Starlette answers a preflight it refuses with 400 "Disallowed CORS …".
app.add_middleware(
    CORSMiddleware,
    allow_origins=[f"http://127.0.0.1:{os.environ['APP']}"],
    allow_methods=['GET', 'POST'],
    allow_headers=['Content-Type'],
)

TOKENS = {'lab-token-reader': ['items:read'], 'lab-token-writer': ['items:read', 'items:write']}
API_KEY = 'lab-key-3c9d'

bearer = HTTPBearer()
oauth2 = OAuth2PasswordBearer(tokenUrl='token', scopes={'items:read': 'Read items', 'items:write': 'Write items'})
basic = HTTPBasic()
api_key = APIKeyHeader(name='X-API-Key')


@app.post('/token')
def token(form: OAuth2PasswordRequestForm = Depends()):
    # The tutorial's token endpoint: its own 400 for a wrong password.
    if form.username != 'lab' or form.password != 'labpass':
        raise HTTPException(status_code=400, detail='Incorrect username or password')
    return {'access_token': 'lab-token-reader', 'token_type': 'bearer'}


def current_scopes(security_scopes: SecurityScopes, value: str = Depends(oauth2)):
    # As in https://fastapi.tiangolo.com/advanced/security/oauth2-scopes/
    authenticate_value = f'Bearer scope="{security_scopes.scope_str}"' if security_scopes.scopes else 'Bearer'
    scopes = TOKENS.get(value)
    if scopes is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail='Could not validate credentials',
            headers={'WWW-Authenticate': authenticate_value},
        )
    for scope in security_scopes.scopes:
        if scope not in scopes:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail='Not enough permissions',
                headers={'WWW-Authenticate': authenticate_value},
            )
    return value


@app.get('/oauth/items')
def oauth_items(value: str = Security(current_scopes, scopes=['items:read'])):
    return {'items': [], 'token': value[:9]}


@app.post('/oauth/items')
def oauth_write(value: str = Security(current_scopes, scopes=['items:write'])):
    return {'created': True}


@app.get('/bearer/me')
def bearer_me(creds: HTTPAuthorizationCredentials = Depends(bearer)):
    if creds.credentials not in TOKENS:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail='Invalid or expired token')
    return {'token': creds.credentials[:9]}


def admin_only(creds: HTTPAuthorizationCredentials = Depends(bearer)):
    # A dependency that refuses a known token without the role (FastAPI docs: "Dependencies" → raise HTTPException).
    if creds.credentials not in TOKENS:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail='Invalid or expired token')
    if 'items:write' not in TOKENS[creds.credentials]:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail='Not enough privileges')
    return creds


@app.delete('/admin/items/{item}')
def delete_item(item: int, _=Depends(admin_only)):
    return {'deleted': item}


@app.get('/basic/report')
def basic_report(creds: HTTPBasicCredentials = Depends(basic)):
    # As in https://fastapi.tiangolo.com/advanced/security/http-basic-auth/
    ok_user = secrets.compare_digest(creds.username.encode(), b'lab')
    ok_pass = secrets.compare_digest(creds.password.encode(), b'labpass')
    if not (ok_user and ok_pass):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail='Incorrect email or password',
            headers={'WWW-Authenticate': 'Basic'},
        )
    return {'report': 'ok'}


@app.get('/partner/orders')
def partner_orders(key: str = Depends(api_key)):
    if key != API_KEY:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail='Could not validate API key')
    return {'orders': []}


class Signup(BaseModel):
    username: str
    password: str = Field(min_length=8)


@app.post('/signup', status_code=201)
def signup(body: Signup):
    return {'created': body.username}


@app.get('/items/{item}')
def get_item(item: int):
    if item != 1:
        raise HTTPException(status_code=404, detail='Item not found')
    return {'item': item}


# TrustedHostMiddleware on a sub-application: the internal API answers only to its own host name.
internal = FastAPI()
internal.add_middleware(TrustedHostMiddleware, allowed_hosts=['internal.example.com'])


@internal.get('/health')
def health():
    return {'ok': True}


app.mount('/internal', internal)
