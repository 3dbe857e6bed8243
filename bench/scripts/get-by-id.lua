-- GET /3rdparty/v1/messages/{id} for random seeded ids (env TOKEN, SEEDED).
local seeded = tonumber(os.getenv("SEEDED"))
local auth = "Bearer " .. os.getenv("TOKEN")
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
function request()
  local path = string.format("/3rdparty/v1/messages/s%020d", math.random(0, seeded - 1))
  return wrk.format("GET", path, {["Authorization"] = auth})
end
