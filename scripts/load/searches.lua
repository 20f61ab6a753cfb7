-- Distinct searches: 600 three-letter fragments picked at random per request, so the search itself is
-- measured rather than a repeated answer.
local fragments = {}
for _, a in ipairs({"b","c","d","l","m","n","r","s","t","v"}) do
  for _, v in ipairs({"a","e","i","o","u","y"}) do
    for _, z in ipairs({"n","r","l","s","t","m","d","k","c","h"}) do
      fragments[#fragments + 1] = a .. v .. z
    end
  end
end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/employees?pageSize=25&q=" .. fragments[math.random(#fragments)])
end
