-- POST /auth/login cycling over the seeded users (BENCH_USERS of them: bench-<i>@bench.local), each thread from a
-- different start, so consecutive logins are of distinct users. Anything but 200 is unexpected, except that with
-- BENCH_ALLOW_OVERLOADED=1 (the flood scenario) a 503 `overloaded` is counted apart: the bound refusing at once.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
local password = os.getenv("BENCH_PASSWORD")
local i = 0
local allow_overloaded = os.getenv("BENCH_ALLOW_OVERLOADED") == "1"
unexpected = 0
overloaded = 0

function init(args)
  i = (thread_id or 0) * 7919
end

function request()
  i = i + 1
  local body = string.format('{"email":"bench-%d@bench.local","password":"%s"}', i % users, password)
  return wrk.format("POST", "/auth/login", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 503 and allow_overloaded then
    overloaded = overloaded + 1
  elseif status ~= 200 then
    unexpected = unexpected + 1
  end
end

setup = common.setup
done = common.done
