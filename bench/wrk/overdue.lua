-- (b) A unit's overdue tasks (with its sub-units), page of 25, as the Office; a random unit.
-- wrk ... -s bench/wrk/overdue.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
function init(args) load_bench(args) end
function request()
  local unit = bench.units[math.random(#bench.units)]
  return wrk.format("GET", "/api/v1/tasks?unit=" .. unit .. "&overdue=true&limit=25",
                    bearer("vanphong"))
end
