-- (a) A unit user's open tasks, first page of 25; a random unit user per request.
-- wrk ... -s bench/wrk/open.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local path = "/api/v1/tasks?status=not_due,in_progress,overdue,returned,pending_confirmation&limit=25"
local requests = {}  -- one per unit user, formatted once (common.lua's template says why)
function init(args)
  load_bench(args)
  for i, u in ipairs(bench.unit_users) do requests[i] = wrk.format("GET", path, bearer(u)) end
end
function request() return requests[math.random(#requests)] end
