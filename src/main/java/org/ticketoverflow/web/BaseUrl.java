package org.ticketoverflow.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The scheme, host and port clients reach us at: the configured public base URL, else what the current request
 * used. Behind a load balancer, Tomcat's {@code RemoteIpValve} ({@code server.forward-headers-strategy: native})
 * has already applied X-Forwarded-Proto/Host/Port to the request's scheme, server name and port when the peer is
 * a trusted proxy, so reading them here is enough.
 */
@Component
public class BaseUrl {

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
        return of(request.getScheme(), request.getServerName(), request.getServerPort(), request.getContextPath());
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
