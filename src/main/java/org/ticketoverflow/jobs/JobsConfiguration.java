package org.ticketoverflow.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the queue's parts; the workers and the PostgreSQL listener start only on nodes with the worker role. */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    NodeId jobsNodeId() {
        return NodeId.generate();
    }

    @Bean
    JobsDatabase jobsDatabase(DataSource dataSource) {
        return JobsDatabase.of(dataSource);
    }

    @Bean
    Wakeup jobsWakeup() {
        return new Wakeup();
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry, ObjectProvider<JobHandler> handlers) {
        return new JobMetrics(
                registry, handlers.orderedStream().map(JobHandler::kind).toList());
    }

    @Bean
    JobRunner jobRunner(ObjectProvider<JobHandler> handlers, Claims claims, JobsSettings settings, JobMetrics metrics) {
        return new JobRunner(handlers.orderedStream(), claims, settings, metrics);
    }

    @Bean
    Workers jobWorkers(
            Claims claims,
            Jobs jobs,
            JobRunner runner,
            Wakeup wakeup,
            JobsSettings settings,
            WorkerSettings node,
            NodeId nodeId) {
        return new Workers(claims, jobs, runner, wakeup, settings, nodeId.value(), node.concurrency(), node.worker());
    }

    @Bean
    Housekeeping jobsHousekeeping(
            Claims claims,
            Jobs jobs,
            JobMetrics metrics,
            Wakeup wakeup,
            JobsDatabase database,
            JobsSettings settings,
            WorkerSettings node) {
        return new Housekeeping(claims, jobs, metrics, wakeup, database, settings, node.worker());
    }

    @Bean
    PostgresWakeups jobsPostgresWakeups(
            DataSource dataSource, Wakeup wakeup, JobsDatabase database, WorkerSettings node) {
        return new PostgresWakeups(dataSource, wakeup, node.worker() && database.postgres());
    }
}
