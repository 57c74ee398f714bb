-- GET with an optional bearer token (BENCH_TOKEN). No response() hook: wrk then skips Lua per response, so the
-- load generator costs the same against the service and the baseline. Non-2xx answers count as errors.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
setup = common.setup
done = common.done
