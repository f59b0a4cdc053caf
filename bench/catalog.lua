-- wrk script for bench/catalog.sh. Prints one line: requests/s, latency percentiles (ms), errors.
-- With the argument "mixed" (wrk ... -s catalog.lua URL -- mixed) it ignores the URL's path and
-- cycles through 400 different searches (10 words in four languages x 8 modalities x 5 states),
-- so that most requests are not answered from the app's list cache.
local paths = {}
local i = 0

init = function(args)
  if args[1] ~= "mixed" then return end
  local words = { "agua", "energia", "salud", "educacion", "riesgo", "water", "health", "training", "formacao", "securite" }
  local modalities = { "technical-assistance", "expert-mission", "training-course", "internship",
                       "study-visit", "exchange-of-experiences", "scholarship", "other" }
  local states = { "AR", "BR", "CO", "JM", "MX" }
  for _, w in ipairs(words) do
    for _, m in ipairs(modalities) do
      for _, s in ipairs(states) do
        paths[#paths + 1] = "/api/v1/offers?q=" .. w .. "&modality=" .. m .. "&state=" .. s
      end
    end
  end
  i = math.random(#paths)
end

request = function()
  if #paths == 0 then return wrk.request() end
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.0f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
