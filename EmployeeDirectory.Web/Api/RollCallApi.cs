using EmployeeDirectory.Core.RollCall;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmployeeDirectory.Web.Api;

/// <summary>The roll call over JSON: who is In and who is Out, per department and per location, from the cache.</summary>
internal static class RollCallApi
{
    public static RouteGroupBuilder MapRollCallApi(this RouteGroupBuilder api)
    {
        api.MapGet("/roll-call", GetRollCallAsync)
            .WithTags("Roll call")
            .WithName("GetRollCall")
            .WithSummary("How many people are In and Out right now, in all, per department and per location.")
            .RequireAuthorization(Auth.DirectoryPolicies.ReadDirectory)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<RollCallResponse>> GetRollCallAsync([FromServices] IRollCallService rollCall, CancellationToken cancellationToken) =>
        TypedResults.Ok((await rollCall.GetRollCallAsync(cancellationToken)).ToResponse());
}
