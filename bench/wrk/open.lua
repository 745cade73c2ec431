-- (a) A unit user's open tasks, first page of 25; a random unit user per request.
-- wrk ... -s bench/wrk/open.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
local path = "/api/v1/tasks?status=not_due,in_progress,overdue,returned,pending_confirmation&limit=25"
function init(args) load_bench(args) end
function request()
  local u = bench.unit_users[math.random(#bench.unit_users)]
  return wrk.format("GET", path, bearer(u))
end
