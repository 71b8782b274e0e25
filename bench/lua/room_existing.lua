-- GET livechat/room for existing open rooms, tokens spread over the seeded visitors.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = os.getenv("BENCH_ROOM_PATH") or "/api/v1/livechat/room"
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request()
  return wrk.format("GET", path .. "?token=bench-" .. random_seeded())
end
