-- POST /3rdparty/v1/messages with a JWT (env TOKEN), durable 202.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"phoneNumbers":["+14155552671"],"textMessage":{"text":"bench"}}'
