package org.ticketoverflow.concerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.support.Problems.assertInvalidField;
import static org.ticketoverflow.support.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.ApiResponse;
import org.ticketoverflow.support.HttpScenario;
import tools.jackson.databind.JsonNode;

/** Every row of API.md for /concerts, through HTTP. */
abstract class ConcertsApiScenarios extends HttpScenario {

    private static final String CONCERTS = "/api/v1/concerts";
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String VALID = """
            {"name": "Night \\"Live\\" ünïcode", "venue": "Hall 1", "date": "2031-06-01", "capacity": 300, \
            "status": "ACTIVE"}""";

    @Test
    void createsConcertWithExactlyTheSubmittedValuesPlusId() {
        ApiResponse created = api.post(CONCERTS, VALID);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode concert = created.json();
        assertThat(concert.propertyNames())
                .containsExactlyInAnyOrder("id", "name", "venue", "date", "capacity", "status");
        assertThat(concert.get("id").stringValue()).matches(UUID_SHAPE);
        assertThat(concert.get("name").stringValue()).isEqualTo("Night \"Live\" ünïcode");
        assertThat(concert.get("venue").stringValue()).isEqualTo("Hall 1");
        assertThat(concert.get("date").stringValue()).isEqualTo("2031-06-01");
        assertThat(concert.get("capacity").isIntegralNumber()).isTrue();
        assertThat(concert.get("capacity").intValue()).isEqualTo(300);
        assertThat(concert.get("status").stringValue()).isEqualTo("ACTIVE");
    }

    @Test
    void readsBackExactlyWhatPostReturnedAndListsIt() {
        JsonNode created = api.post(CONCERTS, VALID).json();

        ApiResponse read = api.get(CONCERTS + "/" + created.get("id").stringValue());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json()).isEqualTo(created);

        ApiResponse all = api.get(CONCERTS);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().isArray()).isTrue();
        assertThat(all.json().values()).contains(created);
        all.json()
                .values()
                .forEach(concert -> assertThat(concert.propertyNames())
                        .containsExactlyInAnyOrder("id", "name", "venue", "date", "capacity", "status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31", "2024-02-29", "2000-02-29", "2030-01-01"})
    void acceptsAnyRealDateAndEchoesItExactly(String date) {
        ApiResponse created = api.post(CONCERTS, ApiClient.concertJson("Dated", "Venue", date, 10, "ACTIVE"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("date").stringValue()).isEqualTo(date);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 150000})
    void acceptsCapacityAtTheBounds(int capacity) {
        ApiResponse created =
                api.post(CONCERTS, ApiClient.concertJson("Big", "Arena", "2030-01-01", capacity, "ACTIVE"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("capacity").intValue()).isEqualTo(capacity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACTIVE", "CANCELLED", "SOLD_OUT"})
    void acceptsEveryStatus(String status) {
        ApiResponse created = api.post(CONCERTS, ApiClient.concertJson("S", "V", "2030-01-01", 5, status));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("status").stringValue()).isEqualTo(status);
    }

    @Test
    void answers404ForUnknownConcert() {
        assertProblem(api.get(CONCERTS + "/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(api.get(CONCERTS + "/no-such-concert"), 404);
        assertProblem(api.put(CONCERTS + "/00000000-0000-0000-0000-000000000000", "{\"name\": \"X\"}"), 404);
        assertProblem(api.put(CONCERTS + "/no-such-concert", "{\"name\": \"X\"}"), 404);
    }

    static Stream<Arguments> invalidCreations() {
        List<Arguments> cases = new ArrayList<>();
        for (String field : ConcertInput.CREATE_FIELDS) {
            cases.add(Arguments.of("missing " + field, without(field), field));
        }
        cases.addAll(List.of(
                Arguments.of("empty date", with("date", "\"\""), "date"),
                Arguments.of("impossible date", with("date", "\"2023-02-30\""), "date"),
                Arguments.of("no leap day", with("date", "\"2023-02-29\""), "date"),
                Arguments.of("month 13", with("date", "\"2023-13-01\""), "date"),
                Arguments.of("unpadded date", with("date", "\"2023-2-3\""), "date"),
                Arguments.of("US date", with("date", "\"02/03/2023\""), "date"),
                Arguments.of("date time", with("date", "\"2023-02-03T10:00:00\""), "date"),
                Arguments.of("basic date", with("date", "\"20230203\""), "date"),
                Arguments.of("numeric date", with("date", "20230203"), "date"),
                Arguments.of("null date", with("date", "null"), "date"),
                Arguments.of("capacity 0", with("capacity", "0"), "capacity"),
                Arguments.of("capacity -1", with("capacity", "-1"), "capacity"),
                Arguments.of("capacity 1.5", with("capacity", "1.5"), "capacity"),
                Arguments.of("capacity string", with("capacity", "\"10\""), "capacity"),
                Arguments.of("capacity over maximum", with("capacity", "150001"), "capacity"),
                Arguments.of("capacity beyond int", with("capacity", "4294967297"), "capacity"),
                Arguments.of("capacity huge", with("capacity", "99999999999999999999999999"), "capacity"),
                Arguments.of("capacity exponent", with("capacity", "1e400"), "capacity"),
                Arguments.of("capacity null", with("capacity", "null"), "capacity"),
                Arguments.of("capacity boolean", with("capacity", "true"), "capacity"),
                Arguments.of("unknown status", with("status", "\"POSTPONED\""), "status"),
                Arguments.of("lower-case status", with("status", "\"active\""), "status"),
                Arguments.of("null status", with("status", "null"), "status"),
                Arguments.of("empty name", with("name", "\"\""), "name"),
                Arguments.of("blank name", with("name", "\"   \""), "name"),
                Arguments.of("numeric name", with("name", "5"), "name"),
                Arguments.of("empty venue", with("venue", "\"\""), "venue"),
                Arguments.of("object venue", with("venue", "{}"), "venue"),
                Arguments.of("id given", with("id", "\"00000000-0000-0000-0000-000000000001\""), "id"),
                Arguments.of("unknown key", with("genre", "\"jazz\""), "genre")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreations")
    void rejectsInvalidCreationNamingTheFieldAndCreatesNothing(String description, String body, String field) {
        int before = api.concertCount();

        assertInvalidField(api.post(CONCERTS, body), field);

        assertThat(api.concertCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableBodies")
    void rejectsUnusableCreationBodyAndCreatesNothing(String description, String body) {
        int before = api.concertCount();

        assertProblem(api.post(CONCERTS, body), 400);

        assertThat(api.concertCount()).isEqualTo(before);
    }

    static Stream<Arguments> unusableBodies() {
        return Stream.of(
                Arguments.of("empty object", "{}"),
                Arguments.of("malformed JSON", "{\"name\": \"A\", \"venue\": "),
                Arguments.of("trailing garbage", VALID + " }"),
                Arguments.of("two documents", VALID + " " + VALID),
                Arguments.of("not JSON", "name=A&venue=B"),
                Arguments.of("single quotes", "{'name': 'A'}"),
                Arguments.of("JSON array", "[" + VALID + "]"),
                Arguments.of("empty JSON array", "[]"),
                Arguments.of("JSON null", "null"),
                Arguments.of("JSON string", "\"concert\""),
                Arguments.of("JSON number", "42"),
                Arguments.of("no body", ""));
    }

    @Test
    void putReplacesEveryChangeableFieldAndAnswersTheWholeConcert() {
        JsonNode created = api.createConcert(40);
        String id = created.get("id").stringValue();

        ApiResponse updated = api.put(CONCERTS + "/" + id, """
                {"name": "Renamed", "venue": "Other Hall", "date": "2032-12-24", "status": "CANCELLED"}""");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        JsonNode concert = updated.json();
        assertThat(concert.propertyNames())
                .containsExactlyInAnyOrder("id", "name", "venue", "date", "capacity", "status");
        assertThat(concert.get("id").stringValue()).isEqualTo(id);
        assertThat(concert.get("name").stringValue()).isEqualTo("Renamed");
        assertThat(concert.get("venue").stringValue()).isEqualTo("Other Hall");
        assertThat(concert.get("date").stringValue()).isEqualTo("2032-12-24");
        assertThat(concert.get("capacity").intValue()).isEqualTo(40);
        assertThat(concert.get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(api.concert(id)).isEqualTo(concert);
    }

    /**
     * GET /concerts/{id} shares one database read among the requests that arrive while another read of that concert
     * runs (ConcertReads): whatever is shared, no GET that starts after a PUT returned may show what the PUT changed.
     */
    @Test
    void everyReadThatStartsAfterARenameReturnedShowsTheNewName() throws Exception {
        String id = api.createConcert(40).get("id").stringValue();
        AtomicInteger renamed = new AtomicInteger(-1);
        AtomicBoolean renaming = new AtomicBoolean(true);
        List<String> stale = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 12; r++) {
                running.add(readers.submit(() -> {
                    while (renaming.get()) {
                        int returned = renamed.get();
                        ApiResponse read = api.get(CONCERTS + "/" + id);
                        reads.incrementAndGet();
                        String name = read.json().get("name").stringValue();
                        int shown = name.startsWith("Rename ") ? Integer.parseInt(name.substring(7)) : -1;
                        if (shown < returned) {
                            stale.add(name + " read after Rename " + returned + " returned");
                        }
                    }
                }));
            }
            for (int i = 0; i < 30; i++) {
                ApiResponse put = api.put(CONCERTS + "/" + id, "{\"name\": \"Rename " + i + "\"}");
                assertThat(put.status()).as("%s", put).isEqualTo(200);
                renamed.set(i);
            }
            renaming.set(false);
            for (Future<?> reader : running) {
                reader.get();
            }
        }
        assertThat(reads.get()).isGreaterThan(30);
        assertThat(stale).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"name", "venue", "date", "status"})
    void putChangesOnlyTheGivenField(String field) {
        JsonNode created = api.createConcert(12);
        String id = created.get("id").stringValue();
        String value = switch (field) {
            case "date" -> "2029-02-28";
            case "status" -> "CANCELLED";
            default -> "New " + field;
        };

        ApiResponse updated = api.put(CONCERTS + "/" + id, "{\"%s\": \"%s\"}".formatted(field, value));

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        JsonNode expected = created.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) expected).put(field, value);
        assertThat(updated.json()).isEqualTo(expected);
        assertThat(api.concert(id)).isEqualTo(expected);
    }

    @Test
    void putWithoutChangeAnswersTheConcertUnchanged() {
        JsonNode created = api.createConcert(12);
        String id = created.get("id").stringValue();

        ApiResponse same = api.put(
                CONCERTS + "/" + id,
                "{\"name\": \"%s\"}".formatted(created.get("name").stringValue()));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json()).isEqualTo(created);
    }

    static Stream<Arguments> invalidUpdates() {
        return Stream.of(
                Arguments.of("capacity", "{\"capacity\": 20}", "capacity"),
                Arguments.of("capacity among others", "{\"name\": \"X\", \"capacity\": 12}", "capacity"),
                Arguments.of("id", "{\"id\": \"00000000-0000-0000-0000-000000000001\"}", "id"),
                Arguments.of("unknown key", "{\"genre\": \"jazz\"}", "genre"),
                Arguments.of("impossible date", "{\"date\": \"2023-02-30\"}", "date"),
                Arguments.of("empty date", "{\"date\": \"\"}", "date"),
                Arguments.of("blank name", "{\"name\": \" \"}", "name"),
                Arguments.of("null venue", "{\"venue\": null}", "venue"),
                Arguments.of("unknown status", "{\"status\": \"POSTPONED\"}", "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void rejectsInvalidUpdateNamingTheFieldAndChangesNothing(String description, String body, String field) {
        JsonNode created = api.createConcert(12);
        String id = created.get("id").stringValue();

        assertInvalidField(api.put(CONCERTS + "/" + id, body), field);

        assertThat(api.concert(id)).isEqualTo(created);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableBodies")
    void rejectsUnusableUpdateBodyAndChangesNothing(String description, String body) {
        JsonNode created = api.createConcert(12);
        String id = created.get("id").stringValue();

        assertProblem(api.put(CONCERTS + "/" + id, body), 400);

        assertThat(api.concert(id)).isEqualTo(created);
    }

    @Test
    void becomesSoldOutWhenTheLastSeatIsSold() {
        String id = api.createConcert(2).get("id").stringValue();

        assertThat(api.purchase(id, ApiClient.user(1)).status()).isEqualTo(201);
        assertThat(api.concert(id).get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(api.purchase(id, ApiClient.user(2)).status()).isEqualTo(201);

        assertThat(api.concert(id).get("status").stringValue()).isEqualTo("SOLD_OUT");
        assertThat(api.get(CONCERTS).json().values()).contains(api.concert(id));
    }

    @Test
    void staysSoldOutWhenAskedToBeActiveWithNoSeatsLeft() {
        String id = api.createConcert(1).get("id").stringValue();
        assertThat(api.purchase(id, ApiClient.user(1)).status()).isEqualTo(201);

        ApiResponse updated = api.put(CONCERTS + "/" + id, "{\"status\": \"ACTIVE\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("status").stringValue()).isEqualTo("SOLD_OUT");
    }

    @Test
    void refusesPurchaseForCancelledConcertSayingSo() {
        String created = api.createConcert(10, "CANCELLED").get("id").stringValue();
        String cancelledLater = api.createConcert(10).get("id").stringValue();
        assertThat(api.put(CONCERTS + "/" + cancelledLater, "{\"status\": \"CANCELLED\"}")
                        .status())
                .isEqualTo(200);

        for (String id : List.of(created, cancelledLater)) {
            JsonNode problem = assertProblem(api.purchase(id, ApiClient.user(3)), 422);
            assertThat(problem.get("detail").stringValue()).containsIgnoringCase("cancelled");
            assertThat(api.tickets("concert_id=" + id).size()).isZero();
        }
    }

    @Test
    void sellsAgainWhenACancelledConcertIsReactivated() {
        String id = api.createConcert(3, "CANCELLED").get("id").stringValue();
        assertThat(api.purchase(id, ApiClient.user(4)).status()).isEqualTo(422);

        assertThat(api.put(CONCERTS + "/" + id, "{\"status\": \"ACTIVE\"}").status())
                .isEqualTo(200);

        assertThat(api.purchase(id, ApiClient.user(4)).status()).isEqualTo(201);
    }

    @Test
    void pagesOfConcertsAddUpToTheFullListInCreationOrder() {
        for (int i = 0; i < 5; i++) {
            api.createConcert(10);
        }
        List<JsonNode> full = List.copyOf(api.get(CONCERTS).json().values());

        List<ApiResponse> pages = api.pages(CONCERTS + "?limit=2");

        assertThat(ApiClient.rows(pages)).containsExactlyElementsOf(full);
        assertThat(pages).hasSize((full.size() + 1) / 2);
        assertThat(pages.getLast().header("Link")).isNull();
        assertThat(ApiClient.nextLink(pages.getFirst())).startsWith(api.baseUrl() + CONCERTS + "?limit=2&after=");
        JsonNode created = api.createConcert(10);
        assertThat(ApiClient.rows(api.pages(CONCERTS + "?limit=1000")).getLast())
                .isEqualTo(created);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=x", "after=%3D%3D%3D", "limit=3&after=LTE"})
    void rejectsABadPageRequestNamingTheParameter(String query) {
        assertInvalidField(
                api.get(CONCERTS + "?" + query), query.replaceAll(".*&", "").replaceAll("=.*", ""));
    }

    private static String without(String field) {
        return "{"
                + String.join(
                        ", ",
                        fields().stream()
                                .filter(f -> !f.startsWith("\"" + field + "\""))
                                .toList()) + "}";
    }

    private static String with(String field, String json) {
        List<String> fields = new ArrayList<>(fields().stream()
                .filter(f -> !f.startsWith("\"" + field + "\""))
                .toList());
        fields.add("\"" + field + "\": " + json);
        return "{" + String.join(", ", fields) + "}";
    }

    private static List<String> fields() {
        return List.of(
                "\"name\": \"Gig\"",
                "\"venue\": \"Club\"",
                "\"date\": \"2030-03-03\"",
                "\"capacity\": 50",
                "\"status\": \"ACTIVE\"");
    }
}
