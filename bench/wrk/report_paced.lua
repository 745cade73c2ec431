-- (e) at a given rate: the posts of report.lua, each connection pausing between its requests
-- as a person does (uniformly 0 to 2 × THINK_MS, default 300 ms). With 300 connections that
-- offers ~300 / (0.3 s + latency) ≈ 1,000 reports a second: the writes target, so that the
-- latency printed is the latency at that rate, not at the server's saturation (where a closed
-- loop of 300 writers waits 300 / throughput on average, Little's law).
-- wrk ... -s bench/wrk/report_paced.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "report.lua")
local think_ms = tonumber(os.getenv("THINK_MS") or "300")
function delay() return math.random(0, 2 * think_ms) end
