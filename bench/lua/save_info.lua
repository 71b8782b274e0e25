-- POST livechat/room.saveInfo (authenticated, served by the admin) for random seeded rooms.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
authenticate()
wrk.headers["Content-Type"] = "application/json"
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request()
  local i = random_seeded()
  local body = '{"guestData":{"_id":"' .. visitor_id(i) .. '"},"roomData":{"_id":"' .. room_id(i)
      .. '","topic":"bench","tags":["bench"]}}'
  return wrk.format("POST", "/api/v1/livechat/room.saveInfo", nil, body)
end
