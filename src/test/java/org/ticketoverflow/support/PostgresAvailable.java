package org.ticketoverflow.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips PostgreSQL tests, saying how to enable them, when no server is configured. */
public final class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresDatabase.serverUrl() == null) {
            return ConditionEvaluationResult.disabled(
                    "PostgreSQL tests are off: set " + PostgresDatabase.SERVER_URL_VARIABLE
                            + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres (as .ci/run does) to run them");
        }
        return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresDatabase.serverUrl());
    }
}
