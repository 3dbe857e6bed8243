-- GET /3rdparty/v1/messages at a random page anywhere in the seeded messages (env TOKEN, SEEDED).
local seeded = tonumber(os.getenv("SEEDED"))
local auth = "Bearer " .. os.getenv("TOKEN")
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
function request()
  local offset = math.random(0, math.floor(seeded / 50) - 1) * 50
  return wrk.format("GET", "/3rdparty/v1/messages?limit=50&offset=" .. offset, {["Authorization"] = auth})
end
