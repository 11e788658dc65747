package org.ticketoverflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** What every error answer must look like: RFC 9457 problem details as JSON. */
public final class Problems {

    private Problems() {}

    /** Asserts a problem-details answer with this status and returns its body. */
    public static JsonNode assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.isObject()).as("problem body %s", response).isTrue();
        assertThat(problem.path("status").isIntegralNumber())
                .as("status in %s", response)
                .isTrue();
        assertThat(problem.path("status").intValue()).isEqualTo(status);
        assertThat(problem.path("title").isString()).as("title in %s", response).isTrue();
        assertThat(problem.path("title").stringValue()).isNotBlank();
        assertThat(problem.path("detail").isString())
                .as("detail in %s", response)
                .isTrue();
        assertThat(problem.path("detail").stringValue()).isNotBlank();
        return problem;
    }

    /** Asserts a 400 problem naming the offending field. */
    public static JsonNode assertInvalidField(ApiResponse response, String field) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("field").stringValue(null))
                .as("field of %s", response)
                .isEqualTo(field);
        return problem;
    }
}
