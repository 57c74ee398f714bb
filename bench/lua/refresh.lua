-- POST /auth/refresh over many sessions at once, each session's chain strictly in order: a request takes a refresh
-- token off the thread's queue, and its answer puts the successor at the back. A token is therefore presented once,
-- never twice (which would be reuse and end the session). BENCH_REFRESH_FILE holds one seeded token a line.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local primed = false
local queue, head, tail = {}, 1, 0
unexpected = 0
exhausted = 0

function init(args)
  queue = common.slice(os.getenv("BENCH_REFRESH_FILE"), thread_id, tonumber(os.getenv("BENCH_THREADS")))
  tail = #queue
end

function request()
  if not primed then
    primed = true
    return common.throwaway()
  end
  local token = queue[head]
  if token == nil then
    exhausted = exhausted + 1 -- every chain broke: the answer will be a 401 and count as unexpected
    token = "exhausted"
  else
    queue[head] = nil
    head = head + 1
  end
  return wrk.format("POST", "/auth/refresh", { ["Content-Type"] = "application/json" },
    '{"refreshToken":"' .. token .. '"}')
end

function response(status, headers, body)
  if common.is_throwaway(body) then return end
  local successor = status == 200 and body:match('"refreshToken":"([^"]+)"')
  if successor then
    -- Explicit indices: with the front of the table emptied, # (and so table.insert) is not reliable in Lua.
    tail = tail + 1
    queue[tail] = successor
  else
    unexpected = unexpected + 1
  end
end

setup = common.setup
done = common.done
