# why403: HTTPie 3+ for bash, zsh and dash of entry #2 (redacted): GET https://api.example.com/v1/items?api_key=${WHY403_QUERY_API_KEY}&page=3
# Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.
# HTTPie always sends User-Agent and Accept-Encoding, its own when the request had none.
# Set these environment variables first, to the values of the original request:
#  WHY403_QUERY_API_KEY: query parameter value, as it appears in the URL, 19 chars
#  WHY403_AUTHORIZATION: JWT (alg RS256, kid key-2026): exp=2026-11-21T10:00:00Z, iat=2026-11-21T08:00:00Z, iss=https://login.example.com/, aud=api://items, scope=items.read; signature…
#  WHY403_COOKIE_SESSION: cookie value, 21 chars
#  WHY403_COOKIE_CSRFTOKEN: cookie value, 17 chars
#  WHY403_X_API_KEY: API key, 21 chars
: "${WHY403_QUERY_API_KEY:?set WHY403_QUERY_API_KEY first}" "${WHY403_AUTHORIZATION:?set WHY403_AUTHORIZATION first}" "${WHY403_COOKIE_SESSION:?set WHY403_COOKIE_SESSION first}" "${WHY403_COOKIE_CSRFTOKEN:?set WHY403_COOKIE_CSRFTOKEN first}" "${WHY403_X_API_KEY:?set WHY403_X_API_KEY first}" && \
case "$WHY403_AUTHORIZATION" in *\\*|[=@]*|[[:space:]]*|*[[:space:]]) echo 'why403: WHY403_AUTHORIZATION holds text HTTPie would change; use the curl export' >&2; false;; esac && \
case "$WHY403_COOKIE_SESSION" in *\\*|[=@]*|[[:space:]]*|*[[:space:]]) echo 'why403: WHY403_COOKIE_SESSION holds text HTTPie would change; use the curl export' >&2; false;; esac && \
case "$WHY403_COOKIE_CSRFTOKEN" in *\\*|[=@]*|[[:space:]]*|*[[:space:]]) echo 'why403: WHY403_COOKIE_CSRFTOKEN holds text HTTPie would change; use the curl export' >&2; false;; esac && \
case "$WHY403_X_API_KEY" in *\\*|[=@]*|[[:space:]]*|*[[:space:]]) echo 'why403: WHY403_X_API_KEY holds text HTTPie would change; use the curl export' >&2; false;; esac && \
case "$WHY403_QUERY_API_KEY" in *[!A-Za-z0-9._~+/=-]*) echo 'why403: WHY403_QUERY_API_KEY holds text HTTPie would change; use the curl export' >&2; false;; esac && \
http \
  --ignore-stdin \
  --ignore-netrc \
  --path-as-is \
  -- \
  GET \
  'https://api.example.com/v1/items?api_key='"$WHY403_QUERY_API_KEY"'&page=3' \
  'Authorization:Bearer '"$WHY403_AUTHORIZATION" \
  'Cookie:session='"$WHY403_COOKIE_SESSION"'; csrftoken='"$WHY403_COOKIE_CSRFTOKEN" \
  'X-Api-Key:'"$WHY403_X_API_KEY" \
  'accept:application/json' \
  'traceparent:00-cccc-dddd-01' \
  'Accept-Encoding:' \
  'Connection:'
