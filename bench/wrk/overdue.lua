-- (b) A unit's overdue tasks (with its sub-units), page of 25, as the Office; a random unit.
-- wrk ... -s bench/wrk/overdue.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local unit_request
function init(args)
  load_bench(args)
  unit_request = template("GET", "/api/v1/tasks?unit=\0&overdue=true&limit=25", bearer("vanphong"))
end
function request() return unit_request(bench.units[math.random(#bench.units)]) end
