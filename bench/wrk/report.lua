-- (e) A progress report posted by a unit user on an open task it leads; a random pair.
-- wrk ... -s bench/wrk/report.lua URL -- DB.lua
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "common.lua")
function init(args) load_bench(args) end
function request()
  local p = bench.report_pairs[math.random(#bench.report_pairs)]
  local headers = bearer(p[1])
  headers["Content-Type"] = "application/json"
  local body = '{"text":"Báo cáo tiến độ (benchmark)","percent":' .. math.random(0, 99) ..
               ',"done":false}'
  return wrk.format("POST", "/api/v1/tasks/" .. p[2] .. "/reports", headers, body)
end
