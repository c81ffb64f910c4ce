# URLs and views of the lab's Django site (settings: labsite.py).
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import ensure_csrf_cookie
from rest_framework import serializers
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.authentication import BasicAuthentication, SessionAuthentication, TokenAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.permissions import BasePermission, IsAdminUser, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle


class ItemSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=20)


class SignupSerializer(serializers.Serializer):
    # Django's password validators (AUTH_PASSWORD_VALIDATORS in labsite.py), as the Django docs wire them into a form.
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(validators=[validate_password])


class WebhookSerializer(serializers.Serializer):
    # A settings form whose fields are named like credentials: its 400 is a validation error, not a refusal.
    api_key = serializers.CharField()
    quota = serializers.IntegerField(min_value=1)


class GrantSerializer(serializers.Serializer):
    # Sharing a document: the permission to give is a choice field, so a wrong one is a validation error.
    user = serializers.CharField()
    permission = serializers.ChoiceField(choices=['read', 'comment', 'edit'])


@ensure_csrf_cookie
def form_page(request):
    return HttpResponse('<!doctype html><form method="post" action="/transfer/"><input name="amount" value="10"></form>')


def transfer(request):
    return HttpResponse('done')


def lab_login(request):
    # Logs the lab user in (a session cookie), standing in for the login form.
    login(request, User.objects.get(username='lab'))
    return HttpResponse('<!doctype html><p>logged in</p>')


@api_view(['GET', 'POST'])
@permission_classes([IsAuthenticated])
def items(request):
    if request.method == 'POST':
        s = ItemSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        return Response(s.data, status=201)
    return Response({'items': []})


@api_view(['GET'])
@permission_classes([IsAdminUser])
def admin_stats(request):
    return Response({'users': 1})


@api_view(['GET'])
@authentication_classes([])
@permission_classes([])
@throttle_classes([AnonRateThrottle])
def public(request):
    return Response({'ok': True})


@api_view(['POST'])
@authentication_classes([])
@permission_classes([])
def signup(request):
    s = SignupSerializer(data=request.data)
    s.is_valid(raise_exception=True)
    return Response({'username': s.validated_data['username']}, status=201)


def create_view(serializer_class):
    # An authenticated POST that validates its body with the serializer (DRF answers 400 with the field errors).
    @api_view(['POST'])
    @permission_classes([IsAuthenticated])
    def view(request):
        s = serializer_class(data=request.data)
        s.is_valid(raise_exception=True)
        return Response(s.data, status=201)

    return view


@login_required
def dashboard(request):
    # django.contrib.auth's login_required: an anonymous visit is redirected to LOGIN_URL?next=…
    return HttpResponse('<!doctype html><p>dashboard</p>')


def login_page(request):
    # The login form login_required sends the visitor to (a normal 200 page); a right password signs the user in
    # and sends them on to ?next= (the redirect every Django login view makes).
    if request.method == 'POST':
        user = authenticate(request, username=request.POST.get('username'), password=request.POST.get('password'))
        if user is not None:
            login(request, user)
            return redirect(request.GET.get('next', '/dashboard/'))
    return HttpResponse(
        '<!doctype html><title>Log in</title><form method="post">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
        '<input name="username"><input name="password" type="password"></form>'
    )


def lab_logout(request):
    # The usual logout view: end the session, then send the visitor to the login page (an ordinary redirect).
    logout(request)
    return redirect('/accounts/login/')


def reports(request):
    # A view that checks a permission by hand, as the Django docs show: raise PermissionDenied → the 403 page.
    if not request.user.has_perm('auth.view_user'):
        raise PermissionDenied
    return HttpResponse('reports')


class IsOwner(BasePermission):
    # A custom permission with its own message (DRF docs, "Custom permissions"): the lab user owns no item.
    message = 'You must be the owner of this item to change it.'

    def has_permission(self, request, view):
        return False


@api_view(['GET', 'POST'])
@permission_classes([IsAuthenticatedOrReadOnly])
def notes(request):
    return Response({'notes': []}, status=201 if request.method == 'POST' else 200)


@api_view(['GET'])
@authentication_classes([BasicAuthentication])
@permission_classes([IsAuthenticated])
def basic_api(request):
    return Response({'user': request.user.username})


@api_view(['GET'])
@authentication_classes([SessionAuthentication])
@permission_classes([IsAuthenticated])
def session_api(request):
    # SessionAuthentication alone has no WWW-Authenticate, so DRF answers NotAuthenticated with 403, not 401.
    return Response({'user': request.user.username})


@api_view(['PUT'])
@permission_classes([IsAuthenticated, IsOwner])
def item_detail(request):
    return Response({'saved': True})


@api_view(['POST'])
@permission_classes([IsAuthenticated])
@throttle_classes([ScopedRateThrottle])
def uploads(request):
    return Response({'uploaded': True}, status=201)


uploads.cls.throttle_scope = 'uploads'

urlpatterns = [
    path('dashboard/', dashboard),
    path('accounts/login/', login_page),
    path('logout/', lab_logout),
    path('reports/', reports),
    path('api/notes/', notes),
    path('api/basic/', basic_api),
    path('api/session/', session_api),
    path('api/items/1/', item_detail),
    path('api/uploads/', uploads),
    path('api/share/', create_view(GrantSerializer)),
    # DRF's documented login endpoint for TokenAuthentication (rest_framework.authtoken.views.obtain_auth_token)
    path('api/token-auth/', obtain_auth_token),
    path('api/signup/', signup),
    path('api/webhooks/', create_view(WebhookSerializer)),
    path('form/', form_page),
    path('transfer/', transfer),
    path('login/', lab_login),
    path('api/items/', items),
    path('api/admin/stats/', admin_stats),
    path('api/public/', public),
]
