namespace EmployeeDirectory.Web.Replicas;

/// <summary>
/// What running as one of several replicas adds: the replica's name (validated at start-up) in an
/// <c>X-Served-By</c> header on every response, and the admin stream of this replica's L1 evictions.
/// </summary>
public static class ReplicaHostingExtensions
{
    public static WebApplicationBuilder AddDirectoryReplica(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReplicaOptions>()
            .BindConfiguration(ReplicaOptions.SectionName)
            .PostConfigure(options => options.Name = string.IsNullOrWhiteSpace(options.Name) ? Environment.MachineName : options.Name.Trim())
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>First in the pipeline, so every response names the replica, errors and redirects included.</summary>
    public static WebApplication UseDirectoryReplica(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseServedByHeader();
        return app;
    }

    public static WebApplication MapDirectoryReplica(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapEvictionStream();
        return app;
    }
}
