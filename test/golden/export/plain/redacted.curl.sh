# why403: curl for bash, zsh and dash of entry #0 (redacted): GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
# Not sent: host (derived from the URL).
# --globoff and --path-as-is send the URL as captured; --data-raw never reads a file; -H 'Name:' stops curl adding a header the browser did not send.
# Set these environment variables first, to the values of the original request:
#  WHY403_AUTHORIZATION: token, 10 chars
: "${WHY403_AUTHORIZATION:?set WHY403_AUTHORIZATION first}" && \
curl --globoff --path-as-is \
  --url 'https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'user-agent: axios/0.27.2' \
  -H 'authorization: '"$WHY403_AUTHORIZATION"
