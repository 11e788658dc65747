package org.ticketoverflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Runs {@code attempts} calls on {@code threads} platform threads that all start at the same instant and take
 * the next attempt as soon as they are done with one, so the server sees {@code threads} requests at once for the
 * whole race.
 */
public final class Race {

    private Race() {}

    /** The results in attempt order; attempt {@code i} is {@code attempt.apply(i)}. */
    public static <T> List<T> run(int threads, int attempts, IntFunction<T> attempt) {
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(attempts);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runners = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                runners.add(pool.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                        results.set(i, attempt.apply(i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> runner : runners) {
                runner.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a racer failed", e.getCause());
        }
        List<T> list = new ArrayList<>(attempts);
        for (int i = 0; i < attempts; i++) {
            list.add(results.get(i));
        }
        return list;
    }
}
