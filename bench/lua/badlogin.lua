-- A flood of wrong passwords, each for an address never seen before (credential stuffing): the service verifies a
-- dummy hash for an unknown address, so each costs what a real account's check costs and fills the hashing queue,
-- and none reaches an account's lockout budget. (Aimed at the seeded users, the flood could lock some of them, and a
-- measured login of such a user then meets the lockout's 429: the lockout's doing, not the queue's.) 401 is
-- the answer a guesser gets; 503 (`overloaded`, the bounded hashing queue refusing at once) is the point of the flood
-- scenario; anything else is unexpected.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
-- Distinct per run, so a second flood against the same database meets no address the first one locked.
local run = os.time()
local i = 0
unexpected = 0
overloaded = 0

function init(args)
  i = (thread_id or 0) * 104729
end

function request()
  i = i + 1
  local body = string.format('{"email":"flood-%d-%d@bench.local","password":"not the password"}', run, i)
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
