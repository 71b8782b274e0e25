-- GET /api/v1/bench/noop on the baseline port (bench module's BaselineHttpVerticle): the HTTP stack alone.
function request()
  return wrk.format("GET", "/api/v1/bench/noop")
end
