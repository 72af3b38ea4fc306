-- wrk script for make bench: one page, GET or POST, optional cookie, and a p50/p95 summary.
-- BENCH_COOKIE: Cookie header for every request.
-- BENCH_BODIES: a file of "cookie<TAB>urlencoded body" lines; each request POSTs the next one
--               (starting after BENCH_OFFSET), so every quiz submission is a fresh attempt.
local cookie = os.getenv("BENCH_COOKIE")
local bodies = {}
local bodies_file = os.getenv("BENCH_BODIES")
if bodies_file and bodies_file ~= "" then
  for line in io.lines(bodies_file) do
    bodies[#bodies + 1] = line
  end
end
local counter = tonumber(os.getenv("BENCH_OFFSET") or "0")

request = function()
  local headers = {}
  if cookie and cookie ~= "" then
    headers["Cookie"] = cookie
  end
  if #bodies > 0 then
    counter = counter + 1
    local line = bodies[((counter - 1) % #bodies) + 1]
    local tab = line:find("\t", 1, true)
    headers["Cookie"] = line:sub(1, tab - 1)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", nil, headers, line:sub(tab + 1))
  end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"status_errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.status, e.connect + e.read + e.write + e.timeout))
end
