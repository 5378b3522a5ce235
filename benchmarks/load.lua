-- wrk script of benchmarks/load.py: the same request mix as its Python client threads, sent by
-- wrk (C, epoll) so that the load generator costs the shared cores little CPU.
--
--   wrk -t1 -c32 -d30s --timeout 30s -s benchmarks/load.lua http://127.0.0.1:PORT -- TOKEN REQUEST...
--
-- TOKEN: a reader API key. Each REQUEST is "screen <JSON body>" (POST /api/screen) or
-- "status <path>" (GET). The thread's requests alternate a screen and a status query, each picked
-- at random from its kind (50/50 as sent, as load.py's clients; the connections share the thread's
-- turn, so one connection need not alternate). All requests are formatted once, in init.
-- done() prints one line, "proscribe-wrk {json}", that load.py reads: requests, seconds, errors
-- (socket errors by kind, and responses with a status of 400 or more), 200 latency quantiles, and
-- how many requests of each kind were sent.

local screens = {}
local statuses = {}
local turn = 0
-- Globals, not locals: done() reads them from each thread's Lua state with thread:get().
sent_screens = 0
sent_statuses = 0
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local token = args[1]
   local json_headers = {
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
   }
   local get_headers = { ["Authorization"] = "Bearer " .. token }
   for i = 2, #args do
      local kind, rest = args[i]:match("^(%a+) (.+)$")
      if kind == "screen" then
         table.insert(screens, wrk.format("POST", "/api/screen", json_headers, rest))
      elseif kind == "status" then
         table.insert(statuses, wrk.format("GET", rest, get_headers))
      else
         error("load.lua: a request must start with 'screen ' or 'status ': " .. args[i])
      end
   end
   if #screens == 0 or #statuses == 0 then
      error("load.lua: give at least one screen and one status request after the token")
   end
   -- A different random sequence in each thread (wrk's id of the thread's Lua state differs).
   math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
   turn = turn + 1
   if turn % 2 == 1 then
      sent_screens = sent_screens + 1
      return screens[math.random(#screens)]
   end
   sent_statuses = sent_statuses + 1
   return statuses[math.random(#statuses)]
end

function done(summary, latency, requests)
   local screens_sent, statuses_sent = 0, 0
   for _, thread in ipairs(threads) do
      screens_sent = screens_sent + (thread:get("sent_screens") or 0)
      statuses_sent = statuses_sent + (thread:get("sent_statuses") or 0)
   end
   -- The latency distribution as 200 quantiles (0.5 %, 1 %, ... 100 %, in microseconds), so that
   -- load.py can merge runs (several slices of one server) by weight. (Debian's wrk 4.1 gives no
   -- access to the histogram's buckets from Lua: latency[i] is not the count.)
   local quantiles = {}
   if summary.requests > 0 then
      for step = 1, 200 do
         table.insert(quantiles, string.format("%d", latency:percentile(step / 2)))
      end
   end
   local e = summary.errors
   io.write(string.format(
      'proscribe-wrk {"requests": %d, "seconds": %.6f, "errors": {"connect": %d, "read": %d, '
         .. '"write": %d, "timeout": %d, "status": %d}, "screens_sent": %d, "statuses_sent": %d, '
         .. '"quantiles_us": [%s]}\n',
      summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout, e.status,
      screens_sent, statuses_sent, table.concat(quantiles, ",")
   ))
end
