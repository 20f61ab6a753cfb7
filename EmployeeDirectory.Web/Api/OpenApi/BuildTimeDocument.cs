using System.Reflection;

namespace EmployeeDirectory.Web.Api.OpenApi;

/// <summary>
/// The build writes the OpenAPI document by starting the app inside Microsoft.Extensions.ApiDescription.Server's
/// GetDocument.Insider (no server, no requests). That start must touch nothing real: it gets a throwaway SQLite file,
/// no Redis, no demo data, no first admin and no key ring certificate, whatever the machine's settings say.
/// </summary>
public static class BuildTimeDocument
{
    /// <summary>True when the app was started by the build to write its OpenAPI document.</summary>
    public static bool IsGenerating { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>When <see cref="IsGenerating"/>, overrides every setting that would reach a real database, Redis or account.</summary>
    public static WebApplicationBuilder UseBuildTimeSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsGenerating)
        {
            return builder;
        }

        var database = Path.Combine(Path.GetTempPath(), $"employee-directory-openapi-{Guid.NewGuid():N}.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteDatabase(database);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Directory"] = $"Data Source={database}",
            ["ConnectionStrings:Redis"] = "",
            ["Database:Provider"] = "Sqlite",
            ["Database:SeedEmployees"] = "0",
            ["Admin:Email"] = "",
            ["Admin:Password"] = "",
            ["Auth:SeedApiKey"] = "",

            // The key ring lives in the throwaway database too: nothing for a certificate to protect.
            ["DataProtection:CertificatePath"] = "",
            ["DataProtection:AllowUnencrypted"] = "true",
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        });
        return builder;
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
