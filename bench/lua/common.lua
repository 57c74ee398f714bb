-- Shared by every scenario: per-thread counters of unexpected answers, and one machine-readable summary line
-- ("BENCH {...}") that bench/harness.py parses. Each wrk thread has its own Lua state, so counters are read back
-- through the thread objects kept in setup().
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]

local common = {}
local threads = {}
local next_id = 0

-- Microseconds on the monotonic clock: scenarios that stop early (a finite token pool) time themselves.
function common.now_us()
  local ts = ffi.new("bench_timespec")
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

-- wrk 4.1 calls request() once per thread before connecting, and may or may not send that request. Scripts that
-- consume tokens answer that first call with a ping, so no token is lost, and ignore the ping's answer.
local ping_body = '{"status":"ok"}'

function common.throwaway()
  return wrk.format("GET", "/auth/ping")
end

function common.is_throwaway(body)
  return body == ping_body
end

function common.setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- Lines of a file, every n-th from offset (0-based), so threads take disjoint slices of a pool.
function common.slice(path, offset, n)
  local out, i = {}, 0
  for line in io.lines(path) do
    if line ~= "" and i % n == offset then table.insert(out, line) end
    i = i + 1
  end
  return out
end

local function sum(name)
  local total = 0
  for _, t in ipairs(threads) do total = total + (tonumber(t:get(name)) or 0) end
  return total
end

local function span()
  local first, last = nil, nil
  for _, t in ipairs(threads) do
    local s, e = tonumber(t:get("first_us")), tonumber(t:get("last_us"))
    if s and s > 0 and (first == nil or s < first) then first = s end
    if e and e > 0 and (last == nil or e > last) then last = e end
  end
  if first and last and last > first then return last - first end
  return 0
end

function common.done(summary, latency, requests)
  local e = summary.errors
  -- Scripts that stop early count their own answers, leaving out the throwaway requests after the stop.
  local counted = sum("counted")
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"timed_us":%d,"p50_us":%d,"p99_us":%d,' ..
    '"socket_errors":%d,"status_errors":%d,"unexpected":%d,"exhausted":%d,"overloaded":%d}\n',
    counted > 0 and counted or summary.requests, summary.duration, span(), latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status, sum("unexpected"), sum("exhausted"), sum("overloaded")))
end

return common
