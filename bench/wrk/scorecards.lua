-- (c) Scorecards by unit as of today, as the Office.
-- wrk ... -s bench/wrk/scorecards.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
function init(args) load_bench(args) end
function request()
  return wrk.format("GET", "/api/v1/scorecards?by=unit", bearer("vanphong"))
end
