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

-- A request formatted once, with "\0" in `path` where each request's value goes: returns a
-- function that makes the request for a value with one concatenation. wrk runs on the two cores
-- the server is measured on, and wrk.format for every request (a headers table, a loop over it,
-- a string built piece by piece) took ~5 % of the server's throughput in (d) (bench/FINDINGS.md
-- 3k). The result is checked once against wrk.format, byte for byte.
function template(method, path, headers)
  local head, tail = wrk.format(method, path, headers):match("^(.-)%z(.*)$")
  local fill = function(value) return head .. value .. tail end
  assert(fill(1) == wrk.format(method, (path:gsub("%z", "1")), headers),
         "template: the request differs from wrk.format's")
  return fill
end
