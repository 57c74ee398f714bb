-- Logout, then the same token on GET /auth/user, which must be refused (401) at once. One connection per thread,
-- so each answer belongs to the thread's last request. Each thread ends its own slice of seeded sessions
-- (BENCH_ACCESS_FILE) and stops; the rate is timed here because wrk's own duration includes the idle tail.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local primed = false
local tokens, i, phase, finished = {}, 0, "logout", false
unexpected = 0
first_us = 0
last_us = 0
counted = 0

function init(args)
  tokens = common.slice(os.getenv("BENCH_ACCESS_FILE"), thread_id, tonumber(os.getenv("BENCH_THREADS")))
end

function request()
  if not primed then
    primed = true
    return common.throwaway()
  end
  if first_us == 0 then first_us = common.now_us() end
  if finished then
    return common.throwaway() -- the pool is used up; stop() takes effect after this call
  end
  if phase == "logout" then
    i = i + 1
    return wrk.format("POST", "/auth/logout", { ["Authorization"] = "Bearer " .. tokens[i] }, nil)
  end
  return wrk.format("GET", "/auth/user", { ["Authorization"] = "Bearer " .. tokens[i] }, nil)
end

function response(status, headers, body)
  if common.is_throwaway(body) then return end
  if finished then return end
  last_us = common.now_us()
  counted = counted + 1
  if phase == "logout" then
    if status ~= 204 then unexpected = unexpected + 1 end
    phase = "check"
  else
    if status ~= 401 then unexpected = unexpected + 1 end
    phase = "logout"
    if i >= #tokens then
      finished = true
      wrk.thread:stop()
    end
  end
end

setup = common.setup
done = common.done
