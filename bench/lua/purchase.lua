-- POST /api/v1/tickets for random users across the given concerts.
-- wrk ... -s purchase.lua <url> -- <concert ids, comma separated> [delay ms between requests per connection] [keyed]
-- "keyed" sends a fresh Idempotency-Key with every purchase: run nonce, wrk thread number, request counter.
--
-- The load generator shares the server's cores, so it does no more per request here than it does for the GET
-- phases (get.lua): the requests are built once, in init(), and there is no response() callback (with one, wrk
-- copies every answer's headers and body into Lua). Answers by status are counted by the server instead
-- (bench/benchmark reads http.server.requests); done() reports wrk's own count of answers of 400 and above.
local requests = {}
local threads = 0
local pause = 0
local keyed = false
local nonce = ""
local next = 0
local sent = 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  local concerts = {}
  for id in string.gmatch(args[1], "[^,]+") do table.insert(concerts, id) end
  pause = tonumber(args[2] or "0")
  keyed = args[3] == "keyed"
  math.randomseed(os.time() + math.floor(os.clock() * 1000000) + number)
  nonce = string.format("%d-%06d-%d", os.time(), math.random(999999), number)
  -- 4,096 distinct purchases (random concert and user each), sent in turn from a random start
  for i = 1, 4096 do
    local concert = concerts[math.random(#concerts)]
    local user = string.format("00000000-0000-0000-0000-%012d", math.random(5000))
    local body = '{"concert_id":"' .. concert .. '","user_id":"' .. user .. '"}'
    if keyed then
      -- the key goes last among the headers, so each request is its head, a counter and its tail
      requests[i] = {
        "POST /api/v1/tickets HTTP/1.1\r\nHost: " .. wrk.headers["Host"] ..
          "\r\nContent-Type: application/json\r\nContent-Length: " .. #body .. "\r\nIdempotency-Key: " .. nonce .. "-",
        "\r\n\r\n" .. body }
    else
      requests[i] = wrk.format("POST", "/api/v1/tickets", {["Content-Type"] = "application/json"}, body)
    end
  end
  next = math.random(#requests)
end

function request()
  next = next % #requests + 1
  if keyed then
    sent = sent + 1
    local r = requests[next]
    return r[1] .. sent .. r[2]
  end
  return requests[next]
end

function delay()
  return pause
end

function done(summary, latency, requests)
  io.write(string.format('RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"status_errors":%d,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
