-- GET /3rdparty/v1/messages first page with a state filter and a date range (env TOKEN).
local auth = "Bearer " .. os.getenv("TOKEN")
local states = {"Delivered", "Sent", "Failed", "Pending"}
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end
function request()
  local path = "/3rdparty/v1/messages?limit=50&state=" .. states[math.random(1, #states)]
  return wrk.format("GET", path, {["Authorization"] = auth})
end
