-- wrk script: POST /api/execute/run with a definition of two parallel api:// calls and a merge.
-- The token and the body are prepared by run.sh (environment variables).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.body = os.getenv("BENCH_BODY")

local failed = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"status":"completed"', 1, true) then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("unexpected response " .. status .. ": " .. string.sub(body, 1, 300) .. "\n") end
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
