package org.ticketoverflow.jobs;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Job handlers of test kinds that record what they handled, and a gate to hold a worker slot at will. */
@TestConfiguration(proxyBeanMethods = false)
class TestHandlers {

    static final String RECORD = "test-record";
    static final String GATED = "test-gated";
    static final String FLAKY = "test-flaky";
    static final String RETRY = "test-retry";
    static final String FAIL = "test-fail";
    static final String BROKEN = "test-broken";

    @Bean
    Recorder recorder() {
        return new Recorder();
    }

    @Bean
    Gate gate() {
        return new Gate();
    }

    @Bean
    JobHandler recordingHandler(Recorder recorder) {
        return handler(RECORD, recorder, job -> JobResult.done());
    }

    @Bean
    JobHandler gatedHandler(Recorder recorder, Gate gate) {
        return handler(GATED, recorder, job -> {
            gate.pass(job.subject());
            return JobResult.done();
        });
    }

    @Bean
    JobHandler flakyHandler(Recorder recorder) {
        return handler(FLAKY, recorder, job -> {
            if (job.attempts() < 3) {
                throw new IllegalStateException("flaky on attempt " + job.attempts());
            }
            return JobResult.done();
        });
    }

    @Bean
    JobHandler retryingHandler(Recorder recorder) {
        return handler(
                RETRY, recorder, job -> job.attempts() == 1 ? JobResult.retry("renderer busy") : JobResult.done());
    }

    @Bean
    JobHandler failingHandler(Recorder recorder) {
        return handler(FAIL, recorder, job -> JobResult.failed("printer on fire"));
    }

    @Bean
    JobHandler brokenHandler(Recorder recorder) {
        return handler(BROKEN, recorder, job -> {
            throw new IllegalStateException("broken for good");
        });
    }

    private static JobHandler handler(String kind, Recorder recorder, Function<Job, JobResult> work) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public JobResult handle(Job job) {
                recorder.started(job);
                JobResult result = work.apply(job);
                recorder.finished(job);
                return result;
            }

            @Override
            public void givenUp(Job job, String reason) {
                recorder.givenUp(job, reason);
            }
        };
    }

    record Handled(String kind, String subject, int attempts, Instant at) {}

    static final class Recorder {

        private final List<Handled> started = new CopyOnWriteArrayList<>();
        private final List<Handled> finished = new CopyOnWriteArrayList<>();
        private final List<String> givenUp = new CopyOnWriteArrayList<>();

        void givenUp(Job job, String reason) {
            givenUp.add(job.subject() + ": " + reason);
        }

        /** "subject: reason" of every job whose handler was told it ended for good, in order. */
        List<String> givenUp() {
            return List.copyOf(givenUp);
        }

        void started(Job job) {
            started.add(new Handled(job.kind(), job.subject(), job.attempts(), Instant.now()));
        }

        void finished(Job job) {
            finished.add(new Handled(job.kind(), job.subject(), job.attempts(), Instant.now()));
        }

        /** Every start of a handler for the subject, in order. */
        List<Handled> attempts(String subject) {
            return started.stream()
                    .filter(handled -> handled.subject().equals(subject))
                    .toList();
        }

        /** Subjects of the kind whose handler ran to the end, in the order they finished. */
        List<String> finished(String kind) {
            return finished.stream()
                    .filter(handled -> handled.kind().equals(kind))
                    .map(Handled::subject)
                    .toList();
        }

        List<String> finishedSubjects() {
            return finished.stream().map(Handled::subject).toList();
        }

        void clear() {
            givenUp.clear();
            started.clear();
            finished.clear();
        }
    }

    static final class Gate {

        private volatile CountDownLatch open = new CountDownLatch(0);
        private final List<String> entered = new CopyOnWriteArrayList<>();

        void close() {
            open = new CountDownLatch(1);
        }

        void open() {
            open.countDown();
        }

        boolean entered(String subject) {
            return entered.contains(subject);
        }

        void pass(String subject) {
            entered.add(subject);
            try {
                if (!open.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate never opened for " + subject);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate: " + subject, e);
            }
        }

        void reset() {
            open();
            entered.clear();
        }
    }
}
