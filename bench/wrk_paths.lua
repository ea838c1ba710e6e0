-- wrk script for the long tail (bench/load.py): ask each path of a file once, in order, from
-- every connection of one thread (-t1, so one shared counter), until the list is exhausted or
-- wrk's -d time limit comes.
--
--   wrk -t1 -c8 -d30s -s bench/wrk_paths.lua http://127.0.0.1:8000 -- paths.txt [marker]
--
-- When the last answer is in it prints WRKTAIL-DONE: wrk's main thread sleeps for the whole -d
-- whatever its threads do, so the caller sends SIGINT to end the run there. The elapsed time is
-- measured here, from the first request sent to the last answer received (LuaJIT's ffi clock).
-- done() prints one WRKJSON line (latencies in µs). `marker`, when given, is a string whose
-- presence in an answer's body is counted (diplomat's placeholder for counts still being made).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } wrk_paths_timespec;
  int clock_gettime(int clock, wrk_paths_timespec *ts);
]]
local CLOCK_MONOTONIC = 1
local IDLE_MS = 3600 * 1000 -- a connection with nothing left to ask waits out the run

local function now_us()
  local ts = ffi.new("wrk_paths_timespec")
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

local paths, marker = {}, nil
local reserved, verified = 0, false
-- Globals, so that done() (in wrk's main Lua state) can read them with thread:get().
sent, answered, not_ok, marked, first_us, last_us = 0, 0, 0, 0, 0, 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if args[2] and args[2] ~= "" then
    marker = args[2]
  end
end

-- wrk calls delay() before each request of a connection: a connection only goes on while a
-- path is left for it (reserved here, taken in request()), so no path is asked twice.
function delay()
  if reserved < #paths then
    reserved = reserved + 1
    return 0
  end
  return IDLE_MS
end

function request()
  if not verified then
    -- wrk calls request() once before the run to count pipelined requests: not a real one.
    verified = true
    return wrk.format(nil, paths[1] or "/")
  end
  sent = sent + 1
  if sent == 1 then
    first_us = now_us()
  end
  return wrk.format(nil, paths[sent])
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then
    not_ok = not_ok + 1
  end
  if marker and body and string.find(body, marker, 1, true) then
    marked = marked + 1
  end
  if answered == #paths then
    last_us = now_us()
    io.write("WRKTAIL-DONE\n")
    io.flush()
    wrk.thread:stop()
  end
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local t = threads[1]
  local e = summary.errors
  local elapsed = summary.duration
  if t:get("last_us") > 0 then
    elapsed = t:get("last_us") - t:get("first_us")
  end
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"socket_errors":%d,"not_ok":%d,"sent":%d,'
      .. '"marked":%d,"p50":%d,"p95":%d,"p99":%d}\n',
    summary.requests, elapsed, e.connect + e.read + e.write + e.timeout, t:get("not_ok"),
    t:get("sent"), t:get("marked"),
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
