#!/bin/sh
# Prepares the lab database (user "lab", DRF token) and runs Django's server in the foreground (exec: same PID).
set -e
export DJANGO_SETTINGS_MODULE=labsite PYTHONPATH="$(dirname "$0")"
/usr/bin/python3 -m django migrate -v 0
/usr/bin/python3 -m django shell -c "
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
u = User.objects.create_user('lab', password='labpass')
Token.objects.create(user=u, key='9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b')
"
exec /usr/bin/python3 -m django runserver "127.0.0.1:$PORT" --noreload --nothreading
