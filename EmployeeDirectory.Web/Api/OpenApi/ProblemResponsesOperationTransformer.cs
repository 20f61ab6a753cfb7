using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Declares the problem responses every operation can give, whatever its endpoint lists: 400 when it takes query
/// parameters or a body (they may break a rule or be unreadable; path parameters are checked by the route, which
/// answers 404 instead), 415 when it takes a body, 404 when its path has parameters (an id nothing has, or a value
/// the route refuses), and for everything under <c>/api</c> 429 (the
/// rate limiter) and 503 (the database out of reach). An endpoint's reasons of its own (<see cref="ProblemWhen"/>)
/// are added to the descriptions. Every error response is a problem document.
/// </summary>
internal sealed class ProblemResponsesOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var parameters = operation.Parameters ?? [];
        var statuses = new SortedSet<int>();
        if (parameters.Any(parameter => parameter.In != ParameterLocation.Path) || operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (parameters.Any(parameter => parameter.In == ParameterLocation.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (PathString.FromUriComponent("/" + context.Description.RelativePath).StartsWithSegments(ApiRoutes.Prefix))
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
            statuses.Add(StatusCodes.Status503ServiceUnavailable);
        }

        // The endpoint's own problem responses (409, 403...) get the same content and descriptions.
        var declaredResponses = operation.Responses ??= [];
        foreach (var declared in declaredResponses.Keys)
        {
            if (int.TryParse(declared, System.Globalization.CultureInfo.InvariantCulture, out var status) && status >= StatusCodes.Status400BadRequest)
            {
                statuses.Add(status);
            }
        }

        foreach (var status in statuses)
        {
            await ProblemResponses.EnsureAsync(operation, context, status, cancellationToken);
        }

        foreach (var own in context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemWhen>())
        {
            await ProblemResponses.EnsureAsync(operation, context, own.StatusCode, cancellationToken, own.When);
        }

        // In status order, so a reader finds success first and the problems after it.
        var responses = declaredResponses.OrderBy(response => response.Key, StringComparer.Ordinal).ToList();
        declaredResponses.Clear();
        foreach (var (status, response) in responses)
        {
            declaredResponses.Add(status, response);
        }
    }
}
