using System.Net;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Fails loudly on any 5xx response, so no test can pass while the server is erroring.</summary>
public sealed class ServerErrorGuard : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}",
                inner: null,
                response.StatusCode);
        }

        return response;
    }
}
