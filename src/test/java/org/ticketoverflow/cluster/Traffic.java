package org.ticketoverflow.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steady client traffic through the load balancer: buyers buying tickets of random concerts, asking for a print
 * of every fifth ticket they get, and reading concerts and seating plans in between. Every answer is classified:
 * what the API promises (201, 422 sold out, 202, 200, the deliberate 503s of a full node or of a seating plan not
 * drawn yet) is counted, anything else, and every request that got no answer, is a failure.
 */
final class Traffic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PAUSE = Duration.ofMillis(10);
    static final String RESENT = "resent: the balancer closed an idle connection";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Function<String, URI> uri;
    private final List<String> concerts;
    private final ExecutorService buyers;
    private volatile boolean running = true;

    final Map<String, Set<String>> sold = new ConcurrentHashMap<>();
    final Set<String> printsRequested = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private Traffic(Function<String, URI> uri, List<String> concerts, int buyerCount) {
        this.uri = uri;
        this.concerts = concerts;
        this.buyers = Executors.newFixedThreadPool(buyerCount);
        concerts.forEach(concert -> sold.put(concert, ConcurrentHashMap.newKeySet()));
    }

    static Traffic start(Function<String, URI> uri, List<String> concerts, int buyerCount) {
        Traffic traffic = new Traffic(uri, concerts, buyerCount);
        for (int i = 0; i < buyerCount; i++) {
            traffic.buyers.submit(traffic::buy);
        }
        return traffic;
    }

    private void buy() {
        long round = 0;
        while (running) {
            round++;
            try {
                shop(round);
            } catch (RuntimeException e) {
                failures.add(System.currentTimeMillis() + " unreadable answer: " + e);
            }
            pause();
        }
    }

    /** One round of a buyer: a purchase, and every third round a read of the concert and its seating plan. */
    private void shop(long round) {
        String concert = concerts.get(ThreadLocalRandom.current().nextInt(concerts.size()));
        String body = """
                {"concert_id": "%s", "user_id": "%s"}
                """.formatted(concert, ApiClient.USER);
        HttpResponse<String> purchase = send("POST /tickets", post("/api/v1/tickets", body));
        if (purchase != null) {
            switch (purchase.statusCode()) {
                case 201 -> bought(concert, purchase);
                case 422 -> count("purchase sold out (422)");
                case 503 -> deliberate503("purchase shed (503)", purchase);
                default -> fail("POST /tickets", purchase);
            }
        }
        if (round % 3 == 0) {
            read("/api/v1/concerts/" + concert, "concert read (200)");
            HttpResponse<String> seats = send("GET seats", get("/api/v1/concerts/" + concert + "/seats"));
            if (seats != null && seats.statusCode() == 200) {
                count("seating plan (200)");
            } else if (seats != null) {
                deliberate503("seating plan not drawn yet (503)", seats);
            }
        }
    }

    private void bought(String concert, HttpResponse<String> purchase) {
        count("purchase sold (201)");
        String ticket = json.readTree(purchase.body()).get("id").asString();
        sold.get(concert).add(ticket);
        if (sold.get(concert).size() % 5 == 0) {
            HttpResponse<String> print = send("POST print", post("/api/v1/tickets/" + ticket + "/print", ""));
            if (print != null && print.statusCode() == 202) {
                printsRequested.add(ticket);
                count("print requested (202)");
            } else if (print != null) {
                fail("POST print", print);
            }
        }
    }

    private void read(String path, String counter) {
        HttpResponse<String> response = send("GET", get(path));
        if (response != null && response.statusCode() == 200) {
            count(counter);
        } else if (response != null) {
            fail("GET " + path, response);
        }
    }

    /** A 503 the application chose to give has a problem body; nginx's own 502/503/504 pages are HTML. */
    private void deliberate503(String counter, HttpResponse<String> response) {
        boolean problem = response.headers()
                .firstValue("Content-Type")
                .filter(type -> type.startsWith("application/problem+json"))
                .isPresent();
        if (response.statusCode() == 503 && problem) {
            count(counter);
        } else {
            fail(counter, response);
        }
    }

    /**
     * One request, resent once if the connection closed before a single byte of an answer came: nginx closes its
     * idle keep-alive connections to clients when it reloads, and a request sent at that instant meets the close.
     * Browsers resend such a request, POST included, and so does this client; the database check of the test
     * shows whether a resent purchase had been applied after all (a ticket nobody was told about).
     */
    private HttpResponse<String> send(String what, HttpRequest request) {
        count("requests");
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt == 1 && String.valueOf(e.getMessage()).contains("received no bytes")) {
                    count(RESENT);
                    continue;
                }
                failures.add(System.currentTimeMillis() + " " + what + ": no answer: " + e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private void fail(String what, HttpResponse<String> response) {
        String body = response.body();
        failures.add(System.currentTimeMillis() + " " + what + ": " + response.statusCode() + " "
                + body.substring(0, Math.min(200, body.length())));
    }

    private void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    long total(String what) {
        AtomicLong count = counts.get(what);
        return count == null ? 0 : count.get();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri.apply(path)).timeout(TIMEOUT).build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri.apply(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the buyers and waits for their last requests. */
    @Override
    public void close() {
        running = false;
        buyers.shutdown();
        try {
            if (!buyers.awaitTermination(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                buyers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
