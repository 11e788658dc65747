package org.ticketoverflow.tickets;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.support.ApiClient;

/**
 * What the box office tests that call {@link BoxOffice} directly share: their purchases, a lost connection and
 * transactions whose commit answer is lost.
 */
final class BoxOfficeCalls {

    /** What pgjdbc throws when the socket fails mid-statement: SQL state 08006, no answer from the server. */
    static final DataAccessResourceFailureException CONNECTION_LOST = new DataAccessResourceFailureException(
            "I/O error", new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    private BoxOfficeCalls() {}

    /** {@code count} purchases of one concert, by users 1 to {@code count}, in that order. */
    static List<CompletableFuture<PurchaseOutcome>> purchases(BoxOffice boxOffice, String concertId, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> boxOffice.purchase(concertId, ApiClient.user(1 + i)))
                .toList();
    }

    /** Transactions that commit, then lose the commit's answer. */
    static TransactionTemplate losingCommitAnswers(DataSource dataSource) {
        return losingAnswers(dataSource, true);
    }

    /** Transactions that roll back where they would commit, then lose that answer. */
    static TransactionTemplate rollingBackWithLostAnswers(DataSource dataSource) {
        return losingAnswers(dataSource, false);
    }

    private static TransactionTemplate losingAnswers(DataSource dataSource, boolean commitFirst) {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (commitFirst) {
                    super.doCommit(status);
                } else {
                    doRollback(status);
                }
                throw CONNECTION_LOST;
            }
        });
    }

    /** Each purchase's outcome, waiting up to 10 s for each. */
    static List<PurchaseOutcome> outcomes(List<CompletableFuture<PurchaseOutcome>> purchases) throws Exception {
        List<PurchaseOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<PurchaseOutcome> purchase : purchases) {
            outcomes.add(purchase.get(10, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
