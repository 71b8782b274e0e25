-- Shared by the scenario scripts: thread ids, seeded ids (BenchSeeder.visitorId / roomId), auth headers.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

rooms = tonumber(os.getenv("BENCH_ROOMS") or "1000")
-- the conversations under way: BENCH_ACTIVE of the seeded rooms, spread evenly over them (default: all of them)
active = math.min(tonumber(os.getenv("BENCH_ACTIVE") or rooms), rooms)
stride = math.floor(rooms / active)
user_id = os.getenv("BENCH_USER_ID")
auth_token = os.getenv("BENCH_AUTH_TOKEN")

function visitor_id(i) return string.format("%024x", i) end
function room_id(i) return string.format("B%016d", i) end
function random_seeded() return math.random(0, active - 1) * stride end

function authenticate()
  wrk.headers["X-User-Id"] = user_id
  wrk.headers["X-Auth-Token"] = auth_token
end
