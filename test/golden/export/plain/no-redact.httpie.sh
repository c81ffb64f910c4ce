# why403: HTTPie 3+ for bash, zsh and dash of entry #0: GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
# Not sent: host (derived from the URL).
# Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.
# HTTPie always sends Accept-Encoding, its own when the request had none.
http \
  --ignore-stdin \
  --ignore-netrc \
  --path-as-is \
  -- \
  GET \
  'https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1' \
  'accept:application/json, text/plain, */*' \
  'user-agent:axios/0.27.2' \
  'authorization:[REDACTED]' \
  'Accept-Encoding:' \
  'Connection:'
