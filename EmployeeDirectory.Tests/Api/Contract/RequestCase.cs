using System.Text;

namespace EmployeeDirectory.Tests.Api.Contract;

/// <summary>
/// One request of the walk: what it tries (a valid request, or which rule it breaks), its URL and its body as
/// sent. A case is sent once, so it holds the body as text and builds a new message for it.
/// </summary>
internal sealed record RequestCase(ContractOperation Operation, string Name, string Url, string? Body = null, string ContentType = ContractOperation.JsonMediaType)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, ContentType);
        }

        return request;
    }

    public override string ToString() => $"{Operation.Method} {(Url.Length <= 160 ? Url : Url[..150] + "…")} [{Name}]";
}
