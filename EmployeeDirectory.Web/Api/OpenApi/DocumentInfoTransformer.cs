using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>The document's title and what holds for every operation (docs/api.md says more).</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Employee Directory API",
            Version = "v1",
            Description = """
                Search the directory, read and edit employees, set In/Out status, read the roll call, and manage API keys.
                Every operation needs a caller: an API key in the X-Api-Key header (scripts, badge readers) with the
                scopes the operation names, or the sign-in cookie (browsers) with the role it names; a POST, PUT or
                DELETE by cookie also carries an X-Requested-With header. Only a signed-in admin manages API keys.
                JSON is camelCase with enums by name and times in ISO 8601. Every error is a problem document (application/problem+json, RFC 9457) with a
                title and a status; a 400 lists the fields at fault in `errors`, and a refused request changes nothing.
                """,
        };
        return Task.CompletedTask;
    }
}
