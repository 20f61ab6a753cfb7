namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// A request body that shows an example of itself in the OpenAPI document. The example is a request the API
/// accepts as it is (on the demo roster), so a reader can send it.
/// </summary>
public interface IOpenApiExample<TSelf>
    where TSelf : IOpenApiExample<TSelf>
{
    static abstract TSelf Example { get; }
}
