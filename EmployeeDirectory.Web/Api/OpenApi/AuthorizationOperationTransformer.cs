using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// Declares who may call each operation, read from the endpoint's own authorization metadata. The alternatives:
/// an API key (the <c>X-Api-Key</c> header) with the scopes the endpoint's capabilities need, unless no key may
/// (managing keys), and the sign-in cookie with the roles they need (OpenAPI 3.1 lets a non-OAuth requirement list
/// scopes or role names); an unsafe call by cookie must also carry <c>X-Requested-With</c>
/// (<see cref="CookieApiCsrfGuard"/>), so that requirement names both, and the operation declares the 400 it
/// answers without. Every operation that needs a caller declares 401, every one whose policy can refuse a signed-in
/// caller 403. A requirement this cannot describe stops the document rather than being left out of it.
/// </summary>
internal sealed class AuthorizationOperationTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public const string ApiKeyScheme = "apiKey";

    public const string CookieScheme = "cookie";

    public const string RequestedWithScheme = "requestedWith";

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
        var callers = Callers.Of(policy, context.Description.RelativePath);

        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        var unsafeMethod = !(HttpMethods.IsGet(context.Description.HttpMethod ?? "") || HttpMethods.IsHead(context.Description.HttpMethod ?? ""));
        operation.Security = [];
        if (callers.KeysAllowed)
        {
            operation.Security.Add(new() { [ApiKey(document)] = [.. callers.Scopes] });
        }

        var cookie = new OpenApiSecurityRequirement { [Cookie(document)] = [.. callers.Roles] };
        if (unsafeMethod)
        {
            cookie[RequestedWith(document)] = [];
            await ProblemResponses.EnsureAsync(
                operation, context, StatusCodes.Status400BadRequest, cancellationToken,
                $"Signed in by the cookie: also when the {CookieApiCsrfGuard.HeaderName} header is missing (cross-site request refused).");
        }

        operation.Security.Add(cookie);
        await ProblemResponses.EnsureAsync(operation, context, StatusCodes.Status401Unauthorized, cancellationToken);
        if (callers.Restricted)
        {
            await ProblemResponses.EnsureAsync(operation, context, StatusCodes.Status403Forbidden, cancellationToken);
        }

        var who = callers.Describe();
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? who : $"{operation.Description}\n\n{who}";
    }

    private static OpenApiSecuritySchemeReference ApiKey(OpenApiDocument document) =>
        DocumentComponents.SecurityScheme(document, ApiKeyScheme, () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key a signed-in admin created (POST /api/admin/api-keys). It may do what its scopes allow "
                + "(directory:read, presence:write, profile:write, admin), until it is revoked or its expiresAt passes; a key that "
                + "names an employee may also set that employee's status. No key may manage keys.",
        });

    private static OpenApiSecuritySchemeReference Cookie(OpenApiDocument document) =>
        DocumentComponents.SecurityScheme(document, CookieScheme, () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AuthHostingExtensions.CookieName,
            Description = "The cookie the sign-in page sets (browsers), with the account's role. A request that carries an "
                + "X-Api-Key header is judged by the key alone.",
        });

    private static OpenApiSecuritySchemeReference RequestedWith(OpenApiDocument document) =>
        DocumentComponents.SecurityScheme(document, RequestedWithScheme, () => new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = CookieApiCsrfGuard.HeaderName,
            Description = "Any value. A POST, PUT, PATCH or DELETE signed in by the cookie alone must carry it (or an antiforgery "
                + "token in the RequestVerificationToken header, as the app's own pages send), which a page on another site "
                + "cannot add; without it the call is a 400 problem and nothing changes. API keys need neither.",
        });

    /// <summary>Who the policy lets in: the scopes a key needs (or none may), the role an account needs, and whether it can refuse anyone signed in.</summary>
    private sealed record Callers(bool KeysAllowed, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles, bool Restricted)
    {
        public static Callers Of(AuthorizationPolicy policy, string? path)
        {
            var keysAllowed = true;
            var scopes = new SortedSet<string>(StringComparer.Ordinal);
            var roles = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var requirement in policy.Requirements)
            {
                switch (requirement)
                {
                    case DenyAnonymousAuthorizationRequirement:
                        break;
                    case CapabilityRequirement capability:
                        if (DirectoryCapabilities.ScopeFor(capability.Capability) is { } scope)
                        {
                            scopes.Add(scope);
                        }
                        else
                        {
                            keysAllowed = false;
                        }

                        if (DirectoryCapabilities.AccountRoleFor(capability.Capability) is { } role)
                        {
                            roles.Add(role);
                        }

                        break;
                    default:
                        throw new InvalidOperationException(
                            $"{path} requires {requirement.GetType().Name}, which the OpenAPI document cannot describe: require a DirectoryPolicies policy, or teach {nameof(AuthorizationOperationTransformer)} the requirement.");
                }
            }

            return new(keysAllowed, [.. scopes], [.. roles], policy.Requirements.Any(r => r is not DenyAnonymousAuthorizationRequirement));
        }

        public string Describe()
        {
            var key = !KeysAllowed ? "API keys cannot call this, whatever their scopes: only a signed-in account."
                : Scopes.Count == 0 ? "Any API key."
                : $"An API key needs the {string.Join(" and ", Scopes)} scope.";
            var account = Roles.Count == 0 ? "Any signed-in account." : $"A signed-in account needs the {string.Join(" and ", Roles)} role.";
            return $"{key} {account}";
        }
    }
}
