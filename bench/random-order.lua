-- wrk script of bench/isolation-cost.sh: GET /api/orders/{id} for a random tenant and one of its random orders.
-- BENCH_TOKENS names a file of "tenant token" lines, BENCH_IDS one of "tenant-index order-id" lines (1-based).
-- Each request carries the tenant's bearer token (the product reads it) and X-Tenant (the baseline reads it).
local tenants, auth, ids = {}, {}, {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  local tenant, token = line:match("^(%S+) (%S+)$")
  tenants[#tenants + 1] = tenant
  auth[#auth + 1] = "Bearer " .. token
  ids[#ids + 1] = {}
end
for line in io.lines(os.getenv("BENCH_IDS")) do
  local index, id = line:match("^(%d+) (%S+)$")
  local list = ids[tonumber(index)]
  list[#list + 1] = id
end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  local t = math.random(#tenants)
  local list = ids[t]
  return wrk.format("GET", "/api/orders/" .. list[math.random(#list)],
      { ["Authorization"] = auth[t], ["X-Tenant"] = tenants[t] })
end
