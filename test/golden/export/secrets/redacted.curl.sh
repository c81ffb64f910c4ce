# why403: curl for bash, zsh and dash of entry #2 (redacted): GET https://api.example.com/v1/items?api_key=${WHY403_QUERY_API_KEY}&page=3
# --globoff and --path-as-is send the URL as captured; --data-raw never reads a file; -H 'Name:' stops curl adding a header the browser did not send.
# Set these environment variables first, to the values of the original request:
#  WHY403_QUERY_API_KEY: query parameter value, as it appears in the URL, 19 chars
#  WHY403_AUTHORIZATION: JWT (alg RS256, kid key-2026): exp=2026-11-21T10:00:00Z, iat=2026-11-21T08:00:00Z, iss=https://login.example.com/, aud=api://items, scope=items.read; signature…
#  WHY403_COOKIE_SESSION: cookie value, 21 chars
#  WHY403_COOKIE_CSRFTOKEN: cookie value, 17 chars
#  WHY403_X_API_KEY: API key, 21 chars
: "${WHY403_QUERY_API_KEY:?set WHY403_QUERY_API_KEY first}" "${WHY403_AUTHORIZATION:?set WHY403_AUTHORIZATION first}" "${WHY403_COOKIE_SESSION:?set WHY403_COOKIE_SESSION first}" "${WHY403_COOKIE_CSRFTOKEN:?set WHY403_COOKIE_CSRFTOKEN first}" "${WHY403_X_API_KEY:?set WHY403_X_API_KEY first}" && \
curl --globoff --path-as-is \
  --url 'https://api.example.com/v1/items?api_key='"$WHY403_QUERY_API_KEY"'&page=3' \
  -H 'Authorization: Bearer '"$WHY403_AUTHORIZATION" \
  -H 'Cookie: session='"$WHY403_COOKIE_SESSION"'; csrftoken='"$WHY403_COOKIE_CSRFTOKEN" \
  -H 'X-Api-Key: '"$WHY403_X_API_KEY" \
  -H 'accept: application/json' \
  -H 'traceparent: 00-cccc-dddd-01' \
  -H 'User-Agent:'
