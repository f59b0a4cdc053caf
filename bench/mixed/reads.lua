-- wrk script for bench/mixed.sh: the public's reads, in turn. Arguments (after --): entry ids as
-- "offer:<id>" or "demand:<id>". Cycles over the catalog list and search pages in four languages, an
-- entry's page, the API's entry lists and single entries, and reference data.
local paths = {}
local i = 0
local pause = 0 -- ms each connection waits between an answer and its next request (MIXED_READ_RATE)

init = function(args)
  if #args == 0 then return end -- the hello-world: the URL as given
  if args[1]:match("^pause=") then
    pause = tonumber(args[1]:sub(7))
    table.remove(args, 1)
  end
  local langs = { "es", "en", "pt", "fr" }
  local words = { "agua", "salud", "energia", "water", "training", "formacao", "securite" }
  for _, lang in ipairs(langs) do
    paths[#paths + 1] = "/" .. lang .. "/catalog"
    paths[#paths + 1] = "/" .. lang .. "/catalog?page=2"
    paths[#paths + 1] = "/api/v1/reference/sectors?lang=" .. lang
  end
  for _, w in ipairs(words) do
    paths[#paths + 1] = "/es/catalog?q=" .. w
    paths[#paths + 1] = "/api/v1/offers?q=" .. w
    paths[#paths + 1] = "/api/v1/demands?q=" .. w .. "&state=CO"
  end
  paths[#paths + 1] = "/api/v1/member-states/CO"
  paths[#paths + 1] = "/api/v1/member-states"
  for n, arg in ipairs(args) do
    local kind, id = arg:match("^(%a+):(.+)$")
    paths[#paths + 1] = "/" .. langs[n % 4 + 1] .. "/catalog/" .. id
    paths[#paths + 1] = "/api/v1/" .. kind .. "s/" .. id
  end
  i = math.random(#paths)
end

delay = function()
  return pause
end

request = function()
  if #paths == 0 then return wrk.request() end
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2f p99=%.2f max=%.2f non2xx3xx=%d socket=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
