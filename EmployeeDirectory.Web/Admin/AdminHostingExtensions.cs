namespace EmployeeDirectory.Web.Admin;

/// <summary>Registers what the admin cache console needs beyond the Core cache services.</summary>
public static class AdminHostingExtensions
{
    /// <summary>The statistics sampler (one per server) and the console's per-circuit actions.</summary>
    public static WebApplicationBuilder AddDirectoryAdmin(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // One sampler per server, so the chart's history survives page reloads and is shared by every admin.
        builder.Services.AddSingleton<CacheStatsSampler>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<CacheStatsSampler>());
        builder.Services.AddScoped<CacheConsoleActions>();
        return builder;
    }

    /// <summary>The admin cache API (<c>POST /api/admin/cache/reset</c>).</summary>
    public static WebApplication MapDirectoryAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCacheAdminApi();
        return app;
    }
}
