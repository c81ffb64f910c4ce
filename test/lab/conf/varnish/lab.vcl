# Varnish 7.1 (Debian's varnish, with varnish-modules' vsthrottle), the lab's fourth set (issue 17). The refusals
# are the VCL patterns of Varnish's own documentation: an ACL guarding /admin (users-guide "ACLs"), an API key
# checked in vcl_recv, a User-Agent deny list, vsthrottle's rate limit (its README's example), each answered by
# return (synth(...)) with Varnish's built-in synthetic page. The backend is the lab's page host.
vcl 4.1;

import vsthrottle;

backend default {
  .host = "127.0.0.1";
  .port = "{{APP}}";
}

backend dead {
  .host = "127.0.0.1";
  .port = "18999";
}

acl office {
  "10.20.0.0"/16;
}

sub vcl_recv {
  if (req.url ~ "^/admin" && client.ip !~ office) {
    return (synth(403, "Forbidden"));
  }
  if (req.url ~ "^/partner/") {
    if (!req.http.X-Api-Key) {
      return (synth(401, "API key required"));
    }
    if (req.http.X-Api-Key != "lab-key-3c9d") {
      return (synth(403, "Invalid API key"));
    }
  }
  if (req.http.User-Agent ~ "(?i)(python-requests|scrapy|sqlmap)") {
    return (synth(403, "Forbidden"));
  }
  if (req.url ~ "^/search" && vsthrottle.is_denied(client.identity, 2, 10s, 30s)) {
    return (synth(429, "Too Many Requests"));
  }
  if (req.url ~ "^/inventory") {
    set req.backend_hint = dead;
  }
  return (pass);
}

sub vcl_synth {
  if (resp.status == 429) {
    set resp.http.Retry-After = "30";
  }
}
