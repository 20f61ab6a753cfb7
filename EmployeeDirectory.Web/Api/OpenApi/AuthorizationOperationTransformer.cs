using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Declares who may call each operation, read from the endpoint's own authorization metadata: the two ways to
/// authenticate (the <c>X-Api-Key</c> header, the sign-in cookie) with the roles the endpoint's policies require
/// (OpenAPI 3.1 lets a non-OAuth requirement list role names), 401 for every operation that needs a caller, and
/// 403 for every operation whose policy can refuse a signed-in one.
/// </summary>
internal sealed class AuthorizationOperationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public const string ApiKeyScheme = "apiKey";

    public const string CookieScheme = "cookie";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        if (authorizeData.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, authorizeData, metadata.OfType<AuthorizationPolicy>())
            ?? throw new InvalidOperationException($"{context.Description.RelativePath} asks for authorization that resolves to no policy.");
        var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct(StringComparer.Ordinal).ToList();

        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        var apiKey = DocumentComponents.SecurityScheme(document, ApiKeyScheme, () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key an admin created (POST /api/admin/api-keys). It acts with the key's role, and an Employee key that names an employee may set that employee's status.",
        });
        var cookie = DocumentComponents.SecurityScheme(document, CookieScheme, () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AuthHostingExtensions.CookieName,
            Description = "The cookie the sign-in page sets (browsers). A request that carries an X-Api-Key header is judged by the key alone.",
        });

        // Alternatives: either scheme satisfies the operation, each with the same roles.
        operation.Security = [new() { [apiKey] = [.. roles] }, new() { [cookie] = [.. roles] }];
        await ProblemResponses.EnsureAsync(operation, context, StatusCodes.Status401Unauthorized, cancellationToken);

        var restricted = policy.Requirements.Any(requirement => requirement is not DenyAnonymousAuthorizationRequirement);
        if (restricted)
        {
            await ProblemResponses.EnsureAsync(operation, context, StatusCodes.Status403Forbidden, cancellationToken);
        }

        if (roles.Count > 0)
        {
            var who = $"Needs the {string.Join(" or ", roles)} role.";
            operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? who : $"{operation.Description}\n\n{who}";
        }
    }
}
