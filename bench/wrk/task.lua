-- (d) One task with its reports and history, as the Office; a random task id.
-- wrk ... -s bench/wrk/task.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local task_request
function init(args)
  load_bench(args)
  task_request = template("GET", "/api/v1/tasks/\0", bearer("vanphong"))
end
function request() return task_request(math.random(bench.task_min, bench.task_max)) end
