-- wrk reporter: one machine-readable line per run, read by bench/run.sh.
-- Fields: requests, requests/s, p50, p95, p99 (ms), HTTP errors (>= 400), socket errors.
done = function(summary, latency, requests)
  local socket_errors = summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "BENCH %d %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.status,
    socket_errors
  ))
end
