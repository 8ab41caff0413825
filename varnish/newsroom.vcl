# Varnish 7.1 in front of the Newsroom app: caches the anonymous site, purged by surrogate key.
#
#   apt-get install varnish varnish-modules
#   varnishd -F -a :6081 -f varnish/newsroom.vcl -n /tmp/varnish-newsroom -s malloc,256m
#
# and start the app with NEWSROOM_PURGE_URLS=http://127.0.0.1:6081/ so every change purges the
# pages that show it (the app sends `PURGE /` with `xkey-purge: <keys>`). The backend below is
# where the app listens; test/varnish.test.ts rewrites it for a test server.
vcl 4.1;

import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "3000";
    .first_byte_timeout = 30s;
}

# Only the app's instances may purge; list their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # Hard purge: a changed page must not be served even while a new copy is fetched.
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff: a session, an API token, draft mode (preview). Their pages are never shared.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(payload-token|__prerender_bypass)=") {
        return (pass);
    }
    # The admin and preview. The API is looked up like pages are; only the answers the app's API
    # and delivery caches mark with their surrogate keys are stored (vcl_backend_response).
    if (req.url ~ "^/(admin|preview)(/|\?|$)") {
        return (pass);
    }
    # Next's client-side navigation asks for the RSC payload of a page, not the page.
    if (req.http.rsc || req.http.next-router-prefetch) {
        return (pass);
    }
    # Any other cookie does not change what an anonymous reader gets.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    # Accept-Encoding is part of the object's variant through the backend's Vary header, which
    # Varnish normalises (gzip or nothing) before the lookup.
    return (lookup);
}

sub vcl_backend_response {
    # The xkey vmod indexes objects by the keys in this header.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Payload answers much of /api itself (the signed-in user, auth, drafts asked anonymously,
    # errors) without a cache policy, which Varnish would keep for its default TTL. An API
    # answer is kept only when the app's cache has keyed it, so that a change purges it.
    if (bereq.url ~ "^/api(/|\?|$)" && !beresp.http.Surrogate-Key) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage gives the TTL and stale-while-revalidate the grace (Varnish reads both itself);
    # keep objects past that so stale-if-error has something to serve.
    set beresp.keep = 1d;
    return (deliver);
}

sub vcl_backend_error {
    # The backend is down: serve what is kept if anything is (stale-if-error).
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}
