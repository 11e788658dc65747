package org.ticketoverflow.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The scheme, host and port clients reach us at: the configured public base URL, else what the current request
 * used. Behind a load balancer, Tomcat's {@code RemoteIpValve} ({@code server.forward-headers-strategy: native})
 * has already applied X-Forwarded-Proto/Host/Port to the request's scheme, server name and port when the peer is
 * a trusted proxy. One gap is filled here: the valve drops the port of an X-Forwarded-Host such as
 * {@code tickets.example.com:8443} (what nginx's {@code $http_host} sends) and falls back to the scheme's default.
 */
@Component
public class BaseUrl {

    /** Set by Tomcat's RemoteIpValve on a request that came through a trusted proxy. */
    private static final String TOMCAT_FORWARDED = "org.apache.tomcat.request.forwarded";

    private final String configured;

    BaseUrl(WebSettings settings) {
        String url = settings.publicBaseUrl().strip();
        this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The absolute URL of an API path such as {@code /api/v1/concerts/42}. */
    public String of(String path) {
        return current() + path;
    }

    /** The base for the current request, e.g. {@code https://tickets.example.com}; build many URLs from one. */
    public String current() {
        if (!configured.isEmpty()) {
            return configured;
        }
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return of(request.getScheme(), request.getServerName(), port(request), request.getContextPath());
    }

    /** The request's port, or the one a trusted proxy gave with X-Forwarded-Host (and no X-Forwarded-Port). */
    private static int port(HttpServletRequest request) {
        if (request.getAttribute(TOMCAT_FORWARDED) == null || request.getHeader("X-Forwarded-Port") != null) {
            return request.getServerPort();
        }
        String host = request.getHeader("X-Forwarded-Host");
        if (host == null) {
            return request.getServerPort();
        }
        int comma = host.indexOf(',');
        String first = (comma < 0 ? host : host.substring(0, comma)).strip();
        int colon = first.lastIndexOf(':');
        if (colon < 0 || colon < first.lastIndexOf(']')) {
            return request.getServerPort();
        }
        try {
            int port = Integer.parseInt(first.substring(colon + 1));
            return port > 0 && port <= 65535 ? port : request.getServerPort();
        } catch (NumberFormatException e) {
            return request.getServerPort();
        }
    }

    /** {@code scheme://host[:port]context}, the port left out where it is the scheme's default. */
    static String of(String scheme, String host, int port, String contextPath) {
        StringBuilder url = new StringBuilder(48).append(scheme).append("://");
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            url.append('[').append(host).append(']');
        } else {
            url.append(host);
        }
        boolean defaultPort = port <= 0
                || ("http".equalsIgnoreCase(scheme) && port == 80)
                || ("https".equalsIgnoreCase(scheme) && port == 443);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        return url.append(contextPath).toString();
    }
}
