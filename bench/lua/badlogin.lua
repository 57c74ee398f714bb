-- A flood of wrong passwords for the seeded users (BENCH_USERS of them). 401 is the answer a guesser gets; 503
-- (`overloaded`, the bounded hashing queue refusing at once) is the point of the flood scenario; anything else is
-- unexpected.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local users = tonumber(os.getenv("BENCH_USERS"))
local i = 0
unexpected = 0
overloaded = 0

function init(args)
  i = (thread_id or 0) * 104729
end

function request()
  i = i + 1
  local body = string.format('{"email":"bench-%d@bench.local","password":"not the password %d"}', i % users, i)
  return wrk.format("POST", "/auth/login", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 503 then
    overloaded = overloaded + 1
  elseif status ~= 401 then
    unexpected = unexpected + 1
  end
end

setup = common.setup
done = common.done
