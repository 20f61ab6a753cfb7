namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document (OpenAPI 3.1, .NET's default) as the API's contract: who may call what, the problem
/// responses each operation can give, enums, ranges, lengths, formats, required properties and examples. Every
/// fact is read from the endpoints' metadata and the rules the services apply, never restated.
/// </summary>
public static class OpenApiHostingExtensions
{
    public static IServiceCollection AddDirectoryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddDocumentTransformer<EnumReferencesDocumentTransformer>();
            options.AddOperationTransformer<AuthorizationOperationTransformer>();
            options.AddOperationTransformer<ParameterAnnotationsOperationTransformer>();
            options.AddOperationTransformer<RequestExampleOperationTransformer>();
            options.AddOperationTransformer<ProblemResponsesOperationTransformer>();
            options.AddSchemaTransformer<PropertyAnnotationsSchemaTransformer>();
            options.AddSchemaTransformer<ProfileRulesSchemaTransformer>();
            options.AddSchemaTransformer<ProblemDetailsSchemaTransformer>();
        });
}
