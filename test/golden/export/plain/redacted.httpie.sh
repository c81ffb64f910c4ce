# why403: HTTPie 3+ for bash, zsh and dash of entry #0 (redacted): GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
# Not sent: host (derived from the URL).
# Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.
# HTTPie always sends Accept-Encoding, its own when the request had none.
# Set these environment variables first, to the values of the original request:
#  WHY403_AUTHORIZATION: token, 10 chars
: "${WHY403_AUTHORIZATION:?set WHY403_AUTHORIZATION first}" && \
case "$WHY403_AUTHORIZATION" in *\\*|[=@]*|[[:space:]]*|*[[:space:]]) echo 'why403: WHY403_AUTHORIZATION holds text HTTPie would change; use the curl export' >&2; false;; esac && \
http \
  --ignore-stdin \
  --ignore-netrc \
  --path-as-is \
  -- \
  GET \
  'https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1' \
  'accept:application/json, text/plain, */*' \
  'user-agent:axios/0.27.2' \
  'authorization:'"$WHY403_AUTHORIZATION" \
  'Accept-Encoding:' \
  'Connection:'
