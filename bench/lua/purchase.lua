-- POST /api/v1/tickets for random users across the given concerts, counting answers by status.
-- wrk ... -s purchase.lua <url> -- <concert ids, comma separated> [delay ms between requests per connection] [keyed]
-- "keyed" sends a fresh Idempotency-Key with every purchase: run nonce, wrk thread number, request counter.
local concerts = {}
local pause = 0
local threads = {}
local keyed = false
local nonce = ""
local sent = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  for id in string.gmatch(args[1], "[^,]+") do table.insert(concerts, id) end
  pause = tonumber(args[2] or "0")
  keyed = args[3] == "keyed"
  statuses = {}
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + number)
  nonce = string.format("%d-%06d-%d", os.time(), math.random(999999), number)
end

function request()
  local concert = concerts[math.random(#concerts)]
  local user = string.format("00000000-0000-0000-0000-%012d", math.random(5000))
  local headers = {["Content-Type"] = "application/json"}
  if keyed then
    sent = sent + 1
    headers["Idempotency-Key"] = nonce .. "-" .. sent
  end
  return wrk.format("POST", "/api/v1/tickets", headers,
    '{"concert_id":"' .. concert .. '","user_id":"' .. user .. '"}')
end

function delay()
  return pause
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, string.format('"%d":%d', status, n)) end
  io.write(string.format('RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, table.concat(parts, ",")))
end
