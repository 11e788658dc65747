package org.ticketoverflow.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks users up in a remote users service over HTTP. Users found are cached (they are on every purchase);
 * unknown ids are cached briefly so a flood of bad ids does not become a flood of remote calls. A remote
 * failure is not "unknown user": it surfaces as an exception so the caller answers 503, not 400.
 */
class RemoteUserDirectory implements UserDirectory {

    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(30);

    private final HttpClient http;
    private final JsonMapper json;
    private final String baseUrl;
    private final Duration timeout;
    private final Cache<String, User> found;
    private final Cache<String, Boolean> missing;

    RemoteUserDirectory(UsersSettings settings, JsonMapper json) {
        this.http =
                HttpClient.newBuilder().connectTimeout(settings.usersTimeout()).build();
        this.json = json;
        String url = settings.usersUrl().strip();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = settings.usersTimeout();
        this.found = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(settings.usersCacheTtl())
                .build();
        this.missing = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(NEGATIVE_TTL)
                .build();
    }

    @Override
    public Optional<User> find(String id) {
        User cached = found.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (missing.getIfPresent(id) != null) {
            return Optional.empty();
        }
        Optional<User> user = fetch(id);
        user.ifPresentOrElse(u -> found.put(id, u), () -> missing.put(id, Boolean.TRUE));
        return user;
    }

    private Optional<User> fetch(String id) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/users/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new UsersServiceUnavailable("users service at " + baseUrl + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsersServiceUnavailable("interrupted while asking the users service", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new UsersServiceUnavailable("users service answered " + response.statusCode(), null);
        }
        return Optional.of(json.readValue(response.body(), User.class));
    }
}
