-- The soak: login, refresh, user and logout mixed, one connection per thread so each answer belongs to the thread's
-- last request. In every 20 requests: 1 login, 1 logout of the session that login made, 4 refreshes continuing the
-- thread's own chain, 14 GET /auth/user with the chain's latest access token. BENCH_REFRESH_FILE seeds the chains.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local primed = false
local users = tonumber(os.getenv("BENCH_USERS"))
local password = os.getenv("BENCH_PASSWORD")
local refresh, access, to_end = nil, nil, nil
local n, last = 0, nil
unexpected = 0

function init(args)
  local mine = common.slice(os.getenv("BENCH_REFRESH_FILE"), thread_id, tonumber(os.getenv("BENCH_THREADS")))
  refresh = mine[1]
end

local json = { ["Content-Type"] = "application/json" }

function request()
  if not primed then
    primed = true
    return common.throwaway()
  end
  n = n + 1
  local slot = n % 20
  if slot == 0 then
    last = "login"
    local body = string.format('{"email":"bench-%d@bench.local","password":"%s"}', (n + thread_id * 7919) % users, password)
    return wrk.format("POST", "/auth/login", json, body)
  elseif slot == 1 and to_end then
    last = "logout"
    local token = to_end
    to_end = nil
    return wrk.format("POST", "/auth/logout", { ["Authorization"] = "Bearer " .. token }, nil)
  elseif (slot <= 5 or access == nil) and refresh then
    last = "refresh"
    local token = refresh
    refresh = nil
    return wrk.format("POST", "/auth/refresh", json, '{"refreshToken":"' .. token .. '"}')
  end
  last = "user"
  return wrk.format("GET", "/auth/user", { ["Authorization"] = "Bearer " .. (access or "none") }, nil)
end

function response(status, headers, body)
  if common.is_throwaway(body) then return end
  if last == "login" then
    if status == 200 then to_end = body:match('"accessToken":"([^"]+)"') else unexpected = unexpected + 1 end
  elseif last == "logout" then
    if status ~= 204 then unexpected = unexpected + 1 end
  elseif last == "refresh" then
    if status == 200 then
      refresh = body:match('"refreshToken":"([^"]+)"')
      access = body:match('"accessToken":"([^"]+)"')
    else
      unexpected = unexpected + 1
    end
  elseif status ~= 200 then
    unexpected = unexpected + 1
  end
end

setup = common.setup
done = common.done
