package org.ticketoverflow.seating;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.ticketoverflow.concerts.Concert;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.jobs.Job;
import org.ticketoverflow.jobs.JobHandler;
import org.ticketoverflow.jobs.JobResult;
import org.ticketoverflow.rendering.Renderer;
import org.ticketoverflow.rendering.RenderingFailedException;
import org.ticketoverflow.rendering.SeatingDocument;

/** Handles seating jobs: draws a concert's seating plan with its current counts and stores it. */
@Component
class SeatingPlanDrawing implements JobHandler {

    private final Concerts concerts;
    private final SeatingPlans plans;
    private final Renderer renderer;

    SeatingPlanDrawing(Concerts concerts, SeatingPlans plans, Renderer renderer) {
        this.concerts = concerts;
        this.plans = plans;
        this.renderer = renderer;
    }

    @Override
    public String kind() {
        return SeatingSweep.SEATING_KIND;
    }

    @Override
    public JobResult handle(Job job) {
        Optional<Concert> snapshot = concerts.find(job.subject());
        if (snapshot.isEmpty()) {
            return JobResult.done();
        }
        Concert concert = snapshot.get();
        Instant takenAt = Instant.now();
        plans.startRendering(concert.id());
        String svg;
        try {
            svg = renderer.renderSeatingPlan(new SeatingDocument(
                    concert.id(),
                    concert.name(),
                    concert.date().toString(),
                    concert.venue(),
                    concert.capacity(),
                    concert.sold()));
        } catch (RenderingFailedException e) {
            return e.retryable() ? JobResult.retry(e.getMessage()) : JobResult.failed(e.getMessage());
        }
        Concert now = concerts.find(concert.id()).orElse(concert);
        boolean changedMeanwhile = now.sold() != concert.sold() || now.version() != concert.version();
        plans.store(concert.id(), svg, concert.sold(), concert.version(), changedMeanwhile ? takenAt : null);
        return JobResult.done();
    }

    /** No render is under way any more: the next sweep may queue one again rather than wait for a timeout. */
    @Override
    public void givenUp(Job job, String reason) {
        plans.stopRendering(job.subject());
    }
}
