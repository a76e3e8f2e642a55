package io.fdl.runtime.tools.http;

import java.util.List;
import java.util.Map;

/**
 * A fully built api:// request (tools.md §3.3): where it goes, what it carries. Headers are in
 * sending order; values of credential headers are secrets and must never be logged.
 */
public record HttpRequestSpec(String method, boolean ssl, String host, int port, String requestUri,
                              List<Map.Entry<String, String>> headers, byte[] body) {

    /** For diagnostics: the target without query string or headers. */
    public String describe() {
        int q = requestUri.indexOf('?');
        return method + " " + (ssl ? "https://" : "http://") + host + ":" + port + (q < 0 ? requestUri : requestUri.substring(0, q));
    }
}
