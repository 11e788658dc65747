package org.ticketoverflow.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * What every TicketOverflow simulation shares: settings, the set-up client, the purchase ledger, the verdicts
 * printed at the end, and the assertions that turn a broken promise into a failed run.
 */
abstract class TicketOverflowSimulation extends Simulation {

    protected final LoadSettings settings;
    protected final TicketOverflowClient client;
    protected final SaleLedger ledger = new SaleLedger();
    protected final Verdicts verdicts;
    protected final HttpProtocolBuilder protocol;
    /** A tag in concert names, so that repeated runs against one server are told apart. */
    protected final String runTag = Long.toString(System.currentTimeMillis() % 10_000_000, 36);

    TicketOverflowSimulation(String scenario) {
        settings = LoadSettings.forScenario(scenario);
        client = new TicketOverflowClient(settings.baseUrl());
        verdicts = new Verdicts(getClass().getSimpleName());
        protocol = http.baseUrl(settings.baseUrl().toString())
                .acceptHeader("*/*")
                .userAgentHeader("ticketoverflow-load/" + scenario)
                .disableWarmUp()
                .disableCaching();
    }

    @Override
    public final void before() {
        System.out.println(getClass().getSimpleName() + ": " + settings.describe());
        client.awaitUp(Duration.ofSeconds(30));
        setUpData();
    }

    /** Creates the scenario's concerts (and anything else it starts from) over HTTP. */
    protected abstract void setUpData();

    @Override
    public final void after() {
        try {
            describeRun();
        } catch (RuntimeException e) {
            verdicts.note("could not gather the run's description: " + e);
        }
        verdicts.print(settings);
        if (!verdicts.passed()) {
            System.out.println("See the KO requests of group '" + Verification.GROUP + "' in the report.");
        }
    }

    /** Adds notes (figures that are reported but not judged) before the verdicts are printed. */
    protected void describeRun() {}

    /** The end-of-run checks passed (each is a request of the "verify" group). */
    protected Assertion checksPassed() {
        return details(Verification.GROUP).failedRequests().count().is(0L);
    }

    protected Assertion checksRan() {
        return details(Verification.GROUP).allRequests().count().gt(0L);
    }

    protected Assertion fewFailures() {
        return global().failedRequests().percent().lte(settings.maxFailedPercent());
    }

    protected Assertion purchasesAnswerQuickly() {
        return details(Purchasing.BUY).responseTime().percentile(99.0).lt(settings.maxP99Millis());
    }
}
