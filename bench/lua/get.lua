-- GET the given path (set on the wrk command line), reporting the same figures as purchase.lua.
function done(summary, latency, requests)
  io.write(string.format('RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"statuses":{"non2xx":%d}}\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status))
end
