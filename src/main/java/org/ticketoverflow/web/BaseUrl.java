package org.ticketoverflow.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The scheme, host and port clients reach us at: the configured public base URL, else what the current request
 * used (X-Forwarded-Proto/Host are applied by the forwarded-headers support before we get here).
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
        return configured.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : configured;
    }
}
