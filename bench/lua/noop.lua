-- GET /api/v1/bench/noop: the gateway's HTTP stack alone (BENCH_ROUTES=true).
function request()
  return wrk.format("GET", "/api/v1/bench/noop")
end
