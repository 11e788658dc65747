package org.ticketoverflow.cluster;

import java.util.Map;

/**
 * One counter of a node that is about to stop, scraped every 100 ms until the node no longer answers: the last value
 * seen is as close to its final count as can be read from outside, since the metrics go with the process.
 */
final class LastScrape {

    private volatile double last;
    private final Thread watcher;

    private LastScrape(ApiClient api, NodeProcess node, String metric, Map<String, String> labels) {
        last = api.scrape(node).sum(metric, labels);
        watcher = Thread.ofPlatform().daemon().name("scrape-" + node.name()).start(() -> {
            while (node.isAlive()) {
                try {
                    last = api.scrape(node).sum(metric, labels);
                    Thread.sleep(100);
                } catch (RuntimeException e) {
                    return; // the node stopped answering
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static LastScrape watch(ApiClient api, NodeProcess node, String metric, Map<String, String> labels) {
        return new LastScrape(api, node, metric, labels);
    }

    double last() throws InterruptedException {
        watcher.join();
        return last;
    }
}
