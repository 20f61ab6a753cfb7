using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Replicas;

/// <summary>Adds <c>X-Served-By: {replica name}</c> to every response.</summary>
internal static class ServedByHeader
{
    public const string Name = "X-Served-By";

    /// <summary>
    /// Added when the response starts rather than up front, so error handling that clears the headers of a
    /// failed response (the exception handler does) cannot drop it.
    /// </summary>
    public static IApplicationBuilder UseServedByHeader(this IApplicationBuilder app)
    {
        var replica = app.ApplicationServices.GetRequiredService<IOptions<ReplicaOptions>>().Value.Name!;
        return app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                response.Headers[Name] = replica;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
