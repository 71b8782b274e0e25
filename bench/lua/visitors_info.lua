-- GET livechat/visitors.info (authenticated) for random seeded visitors.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
authenticate()
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request()
  return wrk.format("GET", "/api/v1/livechat/visitors.info?visitorId=" .. visitor_id(random_seeded()))
end
