-- wrk script for make bench: one page, GET or POST, optional cookie, and a p50/p95 summary.
-- BENCH_COOKIE: Cookie header for every request.
-- BENCH_BODIES: a file of "cookie<TAB>urlencoded body" lines; each request POSTs the next one
--               (starting after BENCH_OFFSET), so every quiz submission is a fresh attempt.
local cookie = os.getenv("BENCH_COOKIE")
-- The lines of the file named by an environment variable (none when it is unset).
local function lines_of(variable)
  local found = {}
  local path = os.getenv(variable)
  if path and path ~= "" then
    for line in io.lines(path) do
      found[#found + 1] = line
    end
  end
  return found
end
local bodies = lines_of("BENCH_BODIES")
local counter = tonumber(os.getenv("BENCH_OFFSET") or "0")
-- BENCH_COOKIES: a file of Cookie headers, one per line; each GET sends the next one, so a
--                signed-in page is read by many learners, not one.
local cookies = lines_of("BENCH_COOKIES")

request = function()
  local headers = {}
  if cookie and cookie ~= "" then
    headers["Cookie"] = cookie
  end
  if #cookies > 0 then
    counter = counter + 1
    headers["Cookie"] = cookies[((counter - 1) % #cookies) + 1]
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
