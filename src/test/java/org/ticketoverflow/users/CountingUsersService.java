package org.ticketoverflow.users;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;

/**
 * A users service in front of the real users mock: it forwards every request to the application and counts the
 * calls per path, so a test can see which lookups reached the remote service and can take the service away.
 */
final class CountingUsersService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);

    CountingUsersService(ApiClient upstream) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> forward(upstream, exchange));
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int calls(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    private void forward(ApiClient upstream, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        ApiResponse answer = upstream.get(path);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            server.stop(0);
            executor.close();
        }
    }
}
