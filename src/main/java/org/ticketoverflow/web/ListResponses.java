package org.ticketoverflow.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a list answer: a JSON array, either the whole list streamed row by row from the database cursor into the
 * response (nothing proportional to the list is held in memory), or one page of at most {@link Paging#MAX_LIMIT}
 * rows with an RFC 8288 {@code Link: <…>; rel="next"} header while more rows follow.
 *
 * <p>Hazard: once the first bytes have gone out the status cannot change. If the list then fails, the array is
 * left open and the exception is rethrown to the servlet container, which aborts the connection (Tomcat's error
 * valve closes a committed response at once): the client sees a broken answer, never a complete-looking one.
 */
@Component
public class ListResponses {

    private final ObjectWriter json;

    ListResponses(JsonMapper mapper) {
        this.json = mapper.writer()
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /** A source of list rows: hands each row and its {@code seq} to the sink, in {@code seq} order. */
    @FunctionalInterface
    public interface Rows {
        void forEach(Paging paging, Sink sink);
    }

    @FunctionalInterface
    public interface Sink {
        void add(Object row, long seq);
    }

    /**
     * Answers 200 with the rows {@code paging} asks for. {@code path} and {@code filters} (null values left out)
     * build the next page's link, which keeps the filters.
     */
    public void send(HttpServletResponse response, Paging paging, String path, Map<String, String> filters, Rows rows)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            if (paging.limit() == null) {
                stream(response, paging, rows);
            } else {
                page(response, paging, path, filters, rows);
            }
        } catch (RuntimeException | IOException e) {
            if (response.isCommitted()) {
                throw new ListAborted(e);
            }
            response.reset();
            throw e;
        }
    }

    /** A list that failed after its first bytes were sent: no handler may answer it, the container aborts it. */
    static final class ListAborted extends RuntimeException {
        ListAborted(Throwable cause) {
            super("list failed after its first bytes were sent; the connection is aborted", cause);
        }
    }

    private void stream(HttpServletResponse response, Paging paging, Rows rows) throws IOException {
        JsonGenerator generator = json.createGenerator(response.getOutputStream());
        generator.writeStartArray();
        rows.forEach(paging, (row, seq) -> generator.writePOJO(row));
        generator.writeEndArray();
        generator.close();
    }

    private void page(HttpServletResponse response, Paging paging, String path, Map<String, String> filters, Rows rows)
            throws IOException {
        List<Object> page = new ArrayList<>(paging.rowsToRead());
        long[] lastSeq = new long[1];
        rows.forEach(paging, (row, seq) -> {
            if (page.size() < paging.limit()) {
                lastSeq[0] = seq;
            }
            page.add(row);
        });
        if (page.size() > paging.limit()) {
            page.removeLast();
            response.setHeader(
                    HttpHeaders.LINK, "<" + next(path, filters, paging.limit(), lastSeq[0]) + ">; rel=\"next\"");
        }
        json.writeValue(response.getOutputStream(), page);
    }

    private static String next(String path, Map<String, String> filters, int limit, long lastSeq) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(path);
        filters.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("limit", limit)
                .queryParam("after", Paging.cursor(lastSeq))
                .encode()
                .toUriString();
    }
}
