using Microsoft.AspNetCore.Http.Features;

namespace EmployeeDirectory.Web.Transport;

/// <summary>
/// HEAD works wherever GET does: pages, the API, probes. Endpoints are mapped for GET only, so a HEAD is
/// routed as a GET and its body is dropped; status and headers are exactly the GET's.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });
}
