package org.ticketoverflow.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.web.NodeRoles;

/**
 * Wires the queue's parts; the workers, the PostgreSQL listener and the worker-only duties start only on nodes
 * with the worker role ({@link NodeRoles}), on {@link WorkerSettings#slots()} slots.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    /** The scheduler's clock (deadlines, claims, leases); a test may declare its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock jobsClock() {
        return Clock.systemUTC();
    }

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
    JobRunner jobRunner(
            ObjectProvider<JobHandler> handlers,
            Claims claims,
            RunTimes runTimes,
            JobsSettings settings,
            JobMetrics metrics,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new JobRunner(
                handlers.orderedStream(),
                claims,
                runTimes,
                settings,
                metrics,
                new TransactionTemplate(transactions),
                clock);
    }

    @Bean
    Workers jobWorkers(
            Claims claims,
            Jobs jobs,
            JobRunner runner,
            RunTimes runTimes,
            Wakeup wakeup,
            JobsSettings settings,
            Clock clock,
            NodeRoles roles,
            WorkerSettings workers,
            NodeId nodeId) {
        return new Workers(
                claims,
                jobs,
                runner,
                runTimes,
                wakeup,
                settings,
                clock,
                nodeId.value(),
                workers.slots(),
                roles.worker());
    }

    @Bean
    QueueUpkeep jobsUpkeep(
            Claims claims,
            Jobs jobs,
            RunTimes runTimes,
            JobRunner runner,
            JobMetrics metrics,
            Wakeup wakeup,
            JobsDatabase database,
            JobsSettings settings,
            PlatformTransactionManager transactions,
            Clock clock,
            NodeRoles roles,
            WorkerSettings workers) {
        return new QueueUpkeep(
                claims,
                jobs,
                runTimes,
                runner,
                metrics,
                wakeup,
                database,
                settings,
                new TransactionTemplate(transactions),
                clock,
                roles.worker() ? workers.slots() : 1);
    }

    @Bean
    Duties jobsDuties(ObjectProvider<PeriodicDuty> duties, QueueUpkeep upkeep, NodeRoles roles) {
        List<PeriodicDuty> all = new ArrayList<>(upkeep.duties());
        duties.orderedStream().forEach(all::add);
        return new Duties(all, roles.worker());
    }

    @Bean
    PostgresWakeups jobsPostgresWakeups(DataSource dataSource, Wakeup wakeup, JobsDatabase database, NodeRoles roles) {
        return new PostgresWakeups(dataSource, wakeup, roles.worker() && database.postgres());
    }
}
