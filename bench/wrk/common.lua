-- Shared by the scenario scripts: loads the ids gen_province wrote (DB.lua, the first argument
-- after `--`) and seeds each wrk thread's random numbers differently.
function load_bench(args)
  dofile(args[1])
  local seed = os.time()
  for c in tostring({}):gmatch("%x") do seed = seed * 16 + tonumber(c, 16) end
  math.randomseed(seed % 2147483647)
end

-- Every request says what it accepts as a browser does ("gzip, deflate, br"), so that large
-- answers come gzip; ACCEPT_ENCODING=identity in the environment measures plain answers.
local accept_encoding = os.getenv("ACCEPT_ENCODING") or "gzip, deflate, br"

function bearer(username)
  return { ["Authorization"] = "Bearer bench-" .. username,
           ["Accept-Encoding"] = accept_encoding }
end
