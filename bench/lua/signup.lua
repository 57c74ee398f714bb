-- POST /auth/signup, every request a new address (run, thread and counter in it). Anything but 201 is unexpected.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local i = 0
unexpected = 0

function request()
  i = i + 1
  local body = string.format('{"email":"signup-%s-%d-%d@bench.local","password":"correct horse battery","name":"Bench"}',
    run, thread_id or 0, i)
  return wrk.format("POST", "/auth/signup", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then unexpected = unexpected + 1 end
end

setup = common.setup
done = common.done
