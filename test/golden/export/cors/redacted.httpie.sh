# why403: HTTPie 3+ for bash, zsh and dash of entry #0 (redacted): GET http://127.0.0.1:8133/api/forbidden
# Not sent: Connection (hop-by-hop, belongs to the browser's connection); Host (derived from the URL).
# Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.
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
  'http://127.0.0.1:8133/api/forbidden' \
  'Accept:*/*' \
  'Accept-Encoding:gzip, deflate, br, zstd' \
  'Accept-Language:en-US,en;q=0.9' \
  'Authorization:Bearer '"$WHY403_AUTHORIZATION" \
  'Referer:http://127.0.0.1:8133/' \
  'Sec-Fetch-Dest:empty' \
  'Sec-Fetch-Mode:cors' \
  'Sec-Fetch-Site:same-origin' \
  'User-Agent:Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' \
  'sec-ch-ua:"Not:A-Brand";v="8", "Chromium";v="156"' \
  'sec-ch-ua-mobile:?0' \
  'sec-ch-ua-platform:"Linux"' \
  'Connection:'
