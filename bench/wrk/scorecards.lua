-- (c) Scorecards by unit as of today, as the Office.
-- wrk ... -s bench/wrk/scorecards.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local scorecards_request  -- formatted once (common.lua's template says why)
function init(args)
  load_bench(args)
  scorecards_request = wrk.format("GET", "/api/v1/scorecards?by=unit", bearer("vanphong"))
end
function request() return scorecards_request end
