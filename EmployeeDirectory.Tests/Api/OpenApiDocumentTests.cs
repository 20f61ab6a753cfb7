using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using EmployeeDirectory.Tests.Api.Contract;
using EmployeeDirectory.Tests.Infrastructure;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.ApiKeys;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Tests.Api;

/// <summary>The OpenAPI document describes the API as it is: the contract a client (and the generated one) relies on.</summary>
public sealed class OpenApiDocumentTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task TheDocumentIsServedAndListsEveryRoute()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/employees").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/employees/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/employees/{id}").TryGetProperty("put", out var updateProfile));
        Assert.True(paths.GetProperty("/api/employees/{id}/presence").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/departments").TryGetProperty("get", out _));

        var responses = updateProfile.GetProperty("responses");
        foreach (var status in new[] { "200", "400", "404", "409" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"PUT /api/employees/{{id}} does not document {status}");
        }

        var search = paths.GetProperty("/api/employees").GetProperty("get").GetProperty("parameters");
        Assert.Equal(
            ["q", "department", "status", "sort", "page", "pageSize"],
            search.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task TheDocumentIsValidOpenApi31()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        var json = await admin.GetStringAsync(ApiContract.DocumentPath, TestContext.Current.CancellationToken);

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json);

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task TheGeneratedClientWasMadeFromTheDocumentTheApiServes()
    {
        // The build writes the document from the app and generates the client from it; the copy beside the tests is
        // that document. The live one must be the same, or the client would call an API that is not there.
        var built = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json"), TestContext.Current.CancellationToken))!.AsObject();
        var live = JsonNode.Parse((await DocumentAsync()).GetRawText())!.AsObject();

        // Only the server address differs: the live document names the host it was asked on.
        built.Remove("servers");
        live.Remove("servers");

        Assert.True(JsonNode.DeepEquals(built, live), $"The live document differs from the one the client was generated from, first at {FirstDifference(built, live, "$")}. Rebuild the solution.");
    }

    [Fact]
    public async Task EveryOperationNamesTheScopesAKeyNeedsTheRoleAnAccountNeedsAndTheHeaderAnUnsafeCookieCallNeeds()
    {
        var document = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("header", ApiKeyDefaults.HeaderName), SchemeOf(schemes, "apiKey"));
        Assert.Equal(("cookie", AuthHostingExtensions.CookieName), SchemeOf(schemes, "cookie"));
        Assert.Equal(("header", CookieApiCsrfGuard.HeaderName), SchemeOf(schemes, "requestedWith"));

        foreach (var operation in Contract(document).Operations)
        {
            // What the app enforces (docs/security.md): keys are managed by signed-in admins only; the rest of the admin
            // API needs the admin scope or role; editing a profile profile:write or the role; setting a status any caller
            // (the presence service decides whose); everything else directory:read or any account.
            string[]? scopes = operation.Path.StartsWith("/api/admin/api-keys", StringComparison.Ordinal) ? null
                : operation.Path.StartsWith("/api/admin/", StringComparison.Ordinal) ? [ApiKeyScopes.Admin]
                : operation.Id == "UpdateProfile" ? [ApiKeyScopes.ProfileWrite]
                : operation.Id == "SetPresence" ? []
                : [ApiKeyScopes.DirectoryRead];
            string[] roles = operation.Path.StartsWith("/api/admin/", StringComparison.Ordinal) || operation.Id == "UpdateProfile" ? [DirectoryRoles.Admin] : [];
            var unsafeMethod = operation.Method is not ("GET" or "HEAD");

            var security = operation.Definition.GetProperty("security").EnumerateArray().ToList();
            var expected = new List<string>();
            if (scopes is not null)
            {
                expected.Add($"apiKey [{string.Join(",", scopes)}]");
            }

            expected.Add(unsafeMethod ? $"cookie [{string.Join(",", roles)}] + requestedWith []" : $"cookie [{string.Join(",", roles)}]");
            Assert.Equal(expected, security.Select(Requirement));

            var responses = operation.Definition.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _), $"{operation} does not declare 401");
            Assert.True(scopes is [] || responses.TryGetProperty("403", out _), $"{operation} can refuse a caller but does not declare 403");
            Assert.True(!unsafeMethod || responses.GetProperty("400").GetProperty("description").GetString()!.Contains(CookieApiCsrfGuard.HeaderName, StringComparison.Ordinal),
                $"{operation} does not declare the 400 a cookie call without {CookieApiCsrfGuard.HeaderName} gets");
        }
    }

    [Fact]
    public async Task StatusSortRoleAndKeyScopesAreEnumsOfTheValuesTheApiTakes()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(Enum.GetNames<PresenceStatus>(), EnumOf(schemas.GetProperty("PresenceStatus")));
        Assert.Equal(Enum.GetNames<DirectorySort>(), EnumOf(schemas.GetProperty("DirectorySort")));
        Assert.Equal([DirectoryRoles.Admin, DirectoryRoles.Employee], EnumOf(schemas.GetProperty("Role")));
        Assert.Equal(ApiKeyScopes.All, EnumOf(schemas.GetProperty("ApiKeyScope")));

        Assert.Equal("#/components/schemas/PresenceStatus", Property(schemas, "PresenceRequest", "status").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/Role", Property(schemas, "ApiKeyRequest", "role").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/ApiKeyScope", Property(schemas, "ApiKeyRequest", "scopes").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/ApiKeyScope", Property(schemas, "ApiKeyResponse", "scopes").GetProperty("items").GetProperty("$ref").GetString());
        foreach (var path in new[] { "/api/employees", "/api/employees/export.csv" })
        {
            var parameters = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
            Assert.Equal("#/components/schemas/PresenceStatus", Parameter(parameters, "status").GetProperty("schema").GetProperty("$ref").GetString());
            Assert.Equal("#/components/schemas/DirectorySort", Parameter(parameters, "sort").GetProperty("schema").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public async Task EveryIdInAPathIsAWholeNumberFromOne()
    {
        var ids = Contract(await DocumentAsync()).Operations.SelectMany(o => o.Parameters.Where(p => p.In == "path").Select(p => (Operation: o, Parameter: p))).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id =>
        {
            Assert.Equal("integer", id.Parameter.Schema.GetProperty("type").GetString());
            Assert.True(id.Parameter.Schema.TryGetProperty("minimum", out var minimum) && minimum.GetInt32() == 1, $"{id.Operation} {id.Parameter.Name} has no minimum of 1");
        });
    }

    [Fact]
    public async Task TheProfileBodyHasTheFieldRulesOfTheDirectoryService()
    {
        var profile = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("ProfileRequest");
        var required = profile.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToHashSet();
        var properties = profile.GetProperty("properties");

        foreach (var field in ProfileFields.All)
        {
            var property = properties.GetProperty(field);
            Assert.Equal(ProfileRules.IsRequired(field), required.Contains(field));
            Assert.Equal(ProfileRules.MaxLengthOf(field), property.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : null);
        }

        Assert.Equal("email", properties.GetProperty(ProfileFields.Email).GetProperty("format").GetString());
        Assert.Contains("concurrencyStamp", required);
        Assert.Equal("uuid", properties.GetProperty("concurrencyStamp").GetProperty("format").GetString());
    }

    [Fact]
    public async Task RequestBodiesRequireWhatTheApiRequiresWithItsLimitsAndFormats()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["status"], RequiredOf(schemas.GetProperty("PresenceRequest")));
        Assert.Equal(Employee.MaxNoteLength, Property(schemas, "PresenceRequest", "note").GetProperty("maxLength").GetInt32());
        Assert.Equal("date-time", Property(schemas, "PresenceRequest", "until").GetProperty("format").GetString());
        Assert.Equal(["name"], RequiredOf(schemas.GetProperty("ApiKeyRequest")));
        Assert.Equal(ApiKey.MaxNameLength, Property(schemas, "ApiKeyRequest", "name").GetProperty("maxLength").GetInt32());
        Assert.Equal(1, Property(schemas, "ApiKeyRequest", "scopes").GetProperty("minItems").GetInt32());
        Assert.Equal("email", Property(schemas, "ApiKeyRequest", "employeeEmail").GetProperty("format").GetString());
        Assert.Equal("date-time", Property(schemas, "ApiKeyRequest", "expiresAt").GetProperty("format").GetString());
        Assert.Equal("date-time", Property(schemas, "ApiKeyResponse", "expiresAt").GetProperty("format").GetString());
        Assert.Equal("date-time", Property(schemas, "ApiKeyResponse", "lastUsedAt").GetProperty("format").GetString());
        Assert.Contains("scopes", RequiredOf(schemas.GetProperty("ApiKeyResponse")));
        Assert.Equal(["email"], RequiredOf(schemas.GetProperty("UnlockAccountRequest")));
        Assert.Equal("email", Property(schemas, "UnlockAccountRequest", "email").GetProperty("format").GetString());
        Assert.Equal(["status", "title"], RequiredOf(schemas.GetProperty("ProblemDetails")));
        Assert.Equal("date-time", Property(schemas, "PresenceResponse", "changedAt").GetProperty("format").GetString());
    }

    [Fact]
    public async Task EveryParameterAndRequestBodyHasAnExampleThatFitsItsSchema()
    {
        var contract = Contract(await DocumentAsync());
        var problems = new List<string>();
        foreach (var operation in contract.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                if (parameter.Example is not { } example)
                {
                    problems.Add($"{operation}: parameter {parameter.Name} has no example");
                    continue;
                }

                problems.AddRange(contract.Schemas.Check(parameter.Schema, example, parameter.Name).Select(p => $"{operation}: {p}"));
            }

            if (operation.Definition.TryGetProperty("requestBody", out var body))
            {
                foreach (var media in body.GetProperty("content").EnumerateObject())
                {
                    if (!media.Value.TryGetProperty("example", out var example))
                    {
                        problems.Add($"{operation}: the {media.Name} body has no example");
                        continue;
                    }

                    problems.AddRange(contract.Schemas.Check(media.Value.GetProperty("schema"), example, "body").Select(p => $"{operation}: {p}"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task TheApiKeyExampleIsAKeyTheApiCreatesWithTheScopesAndExpiryItShows()
    {
        var operation = Contract(await DocumentAsync()).Operations.Single(o => o.Id == "CreateApiKey");
        var example = operation.JsonBody!.Value.GetProperty("example");
        using var admin = await app.SignInAsync(DirectoryAppFactory.DemoAdminEmail);

        using var response = await admin.PostAsync(
            operation.Path, new StringContent(example.GetRawText(), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        // The expiry is a fixed date so that every build writes the same document; once it is less than a year
        // ahead, move it (ApiKeyRequest.Example) before it passes and the example stops being a key the API creates.
        var expires = example.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.True(expires > DateTimeOffset.UtcNow.AddYears(1), $"The example's expiresAt, {expires:O}, is less than a year ahead: move it further");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var details = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("details");
        Assert.Equal(example.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), details.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(expires, details.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheLimitsOnStatusChangesAndExportsAreDeclaredAs429WithRetryAfterAndWhatTheyCount()
    {
        var operations = Contract(await DocumentAsync()).Operations;

        foreach (var (id, setting) in new[] { ("SetPresence", "RateLimits:Presence:PerMinute"), ("ExportEmployeesCsv", "RateLimits:Export:PerReplica") })
        {
            var tooMany = operations.Single(o => o.Id == id).Definition.GetProperty("responses").GetProperty("429");
            Assert.Contains(setting, tooMany.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.True(tooMany.GetProperty("headers").GetProperty("Retry-After").GetProperty("required").GetBoolean());
        }
    }

    [Fact]
    public async Task EveryOperationDeclaresEachProblemItCanAnswer()
    {
        foreach (var operation in Contract(await DocumentAsync()).Operations)
        {
            var responses = operation.Definition.GetProperty("responses");
            var expected = new List<string> { "401", "429", "503" };
            if (operation.JsonBody is not null)
            {
                expected.AddRange(["400", "415"]);
            }

            if (operation.Parameters.Any(p => p.In == "query") || operation.Method is not ("GET" or "HEAD"))
            {
                expected.Add("400");
            }

            if (operation.Parameters.Any(p => p.In == "path"))
            {
                expected.Add("404");
            }

            Assert.All(expected, status => Assert.True(responses.TryGetProperty(status, out _), $"{operation} does not declare {status}"));
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = response.Value.GetProperty("content").EnumerateObject().ToList();
                var media = Assert.Single(content);
                Assert.Equal(ApiAssert.ProblemContentType, media.Name);
                var schema = media.Value.GetProperty("schema").GetProperty("$ref").GetString();
                Assert.Equal(response.Name == "400" ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails", schema);
                Assert.True(
                    response.Name is not ("429" or "503") || response.Value.GetProperty("headers").TryGetProperty("Retry-After", out _),
                    $"{operation} {response.Name} does not declare Retry-After");
            }
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var admin = app.CreateApiClient(DirectoryRoles.Admin);
        return (await ApiContract.LoadAsync(admin)).Document;
    }

    private static ApiContract Contract(JsonElement document) => ApiContract.Parse(document.GetRawText());

    private static (string? In, string? Name) SchemeOf(JsonElement schemes, string name) =>
        (schemes.GetProperty(name).GetProperty("in").GetString(), schemes.GetProperty(name).GetProperty("name").GetString());

    /// <summary>A security requirement as text: <c>apiKey [directory:read]</c>, <c>cookie [Admin] + requestedWith []</c>.</summary>
    private static string Requirement(JsonElement requirement) =>
        string.Join(" + ", requirement.EnumerateObject().Select(scheme => $"{scheme.Name} [{string.Join(",", scheme.Value.EnumerateArray().Select(v => v.GetString()))}]"));

    private static IEnumerable<string?> EnumOf(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString());

    private static IEnumerable<string?> RequiredOf(JsonElement schema) => schema.GetProperty("required").EnumerateArray().Select(v => v.GetString()).Order(StringComparer.Ordinal);

    private static JsonElement Property(JsonElement schemas, string schema, string property) => schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);

    private static JsonElement Parameter(List<JsonElement> parameters, string name) => parameters.Single(p => p.GetProperty("name").GetString() == name);

    /// <summary>The JSON path where two documents first differ, so a failure says where to look.</summary>
    private static string FirstDifference(JsonNode? left, JsonNode? right, string path)
    {
        if (left is JsonObject leftObject && right is JsonObject rightObject)
        {
            foreach (var name in leftObject.Select(p => p.Key).Union(rightObject.Select(p => p.Key)))
            {
                if (!JsonNode.DeepEquals(leftObject[name], rightObject[name]))
                {
                    return FirstDifference(leftObject[name], rightObject[name], $"{path}.{name}");
                }
            }
        }
        else if (left is JsonArray leftArray && right is JsonArray rightArray && leftArray.Count == rightArray.Count)
        {
            for (var i = 0; i < leftArray.Count; i++)
            {
                if (!JsonNode.DeepEquals(leftArray[i], rightArray[i]))
                {
                    return FirstDifference(leftArray[i], rightArray[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path} ({left?.ToJsonString() ?? "absent"} in the built document, {right?.ToJsonString() ?? "absent"} in the live one)";
    }
}
