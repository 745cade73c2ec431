-- Shared by the scenario scripts: loads the ids gen_province wrote (DB.lua, the first argument
-- after `--`) and seeds each wrk thread's random numbers differently.
function load_bench(args)
  dofile(args[1])
  local seed = os.time()
  for c in tostring({}):gmatch("%x") do seed = seed * 16 + tonumber(c, 16) end
  math.randomseed(seed % 2147483647)
end

function bearer(username)
  return { ["Authorization"] = "Bearer bench-" .. username }
end
