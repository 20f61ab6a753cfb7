-- The mixed read load of the issue: one employee, a browse page, In filter + search, Out filter + search,
-- in turn, over random employees and short search fragments. EMPLOYEES is set by load.sh.
local employees = tonumber(os.getenv("EMPLOYEES") or "500")
local fragments = {"an", "el", "ar", "on", "in", "er", "ma", "ri", "la", "st"}
math.randomseed(7)
local turn = 0
request = function()
  turn = turn + 1
  local kind = turn % 4
  if kind == 0 then
    return wrk.format("GET", "/api/employees/" .. math.random(employees))
  elseif kind == 1 then
    return wrk.format("GET", "/api/employees?pageSize=25&page=" .. math.random(20))
  elseif kind == 2 then
    return wrk.format("GET", "/api/employees?pageSize=25&status=In&q=" .. fragments[math.random(#fragments)])
  end
  return wrk.format("GET", "/api/employees?pageSize=25&status=Out&q=" .. fragments[math.random(#fragments)])
end
