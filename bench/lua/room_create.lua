-- GET livechat/room creating a new room per request: each request names a fresh seeded visitor never used before
-- (fresh-<BENCH_FRESH_FROM + n * threads + tid>).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local from = tonumber(os.getenv("BENCH_FRESH_FROM") or "0")
local stride = tonumber(os.getenv("BENCH_THREADS") or "1")
local n = 0
function request()
  local i = from + n * stride + (tid or 0)
  n = n + 1
  return wrk.format("GET", "/api/v1/livechat/room?token=fresh-" .. i)
end
