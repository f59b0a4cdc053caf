-- wrk script for bench/mixed.sh: focal points of several states writing through the API with their
-- tokens. Arguments (after --): "<token>:<draft id>" pairs, several drafts per token. Requests alternate
-- between creating a new draft offer (POST) and changing one of the token's own drafts (PUT), the
-- drafts taken in turn so that no two requests in flight change the same one.
local drafts = {}
local i = 0
local pause = 0 -- ms each connection waits between an answer and its next request (MIXED_WRITE_RATE)
local threads = {}
refused = "" -- per thread: the status of every answer that was not 2xx, as "409 503 ..."

setup = function(thread)
  threads[#threads + 1] = thread
end

response = function(status, headers, body)
  if status >= 300 then
    refused = refused .. " " .. status
  end
end

local body = function(n, verb)
  return string.format([[{"language":"es","title":"Oferta de carga mixta %d (%s)",
"summary":"Acompanamiento a operadores comunitarios de agua.","description":"Visitas tecnicas y formacion.",
"sectors":["14030"],"sdgs":["6"],"modality":"technical-assistance","workingLanguages":["es"],
"openTo":["South America"],"institution":"Agencia de cooperacion","contactName":"Ana Perez",
"contactEmail":"ana.perez@example.org","startsOn":"2027-02-01","endsOn":"2027-06-30",
"costSharing":"Compartidos.","expiresOn":"2027-12-31"}]], n, verb)
end

init = function(args)
  if args[1] and args[1]:match("^pause=") then
    pause = tonumber(args[1]:sub(7))
    table.remove(args, 1)
  end
  for _, arg in ipairs(args) do
    local token, id = arg:match("^([^:]+):(.+)$")
    drafts[#drafts + 1] = { token = token, id = id }
  end
  i = math.random(#drafts)
end

delay = function()
  return pause
end

request = function()
  i = i + 1
  local d = drafts[i % #drafts + 1]
  local headers = { ["Authorization"] = "Bearer " .. d.token, ["Content-Type"] = "application/json" }
  if i % 2 == 0 then
    return wrk.format("POST", "/api/v1/offers", headers, body(i, "new"))
  end
  return wrk.format("PUT", "/api/v1/offers/" .. d.id, headers, body(i, "changed"))
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2f p99=%.2f max=%.2f non2xx3xx=%d socket=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  local counts = {}
  for _, thread in ipairs(threads) do
    for code in string.gmatch(thread:get("refused") or "", "%d+") do
      counts[code] = (counts[code] or 0) + 1
    end
  end
  for code, n in pairs(counts) do
    io.write(string.format("REFUSED status=%s count=%d\n", code, n))
  end
end
