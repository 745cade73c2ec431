-- (d) One task with its reports and history, as the Office; a random task id.
-- wrk ... -s bench/wrk/task.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
function init(args) load_bench(args) end
function request()
  local id = math.random(bench.task_min, bench.task_max)
  return wrk.format("GET", "/api/v1/tasks/" .. id, bearer("vanphong"))
end
