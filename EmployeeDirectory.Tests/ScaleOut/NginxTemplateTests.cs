using EmployeeDirectory.Tests.Infrastructure;

namespace EmployeeDirectory.Tests.ScaleOut;

/// <summary>
/// deploy/nginx.conf.template is the only nginx configuration: compose mounts its rendering, and
/// scripts/cluster.sh and the tests render it for loopback. The committed file may not drift from it.
/// </summary>
public sealed class NginxTemplateTests
{
    [Fact]
    public async Task TheCommittedNginxConfIsTheTemplateRenderedWithComposesValues()
    {
        var rendered = await RenderAsync("--preset", "compose");
        rendered.EnsureSuccess();
        Assert.True(
            rendered.StandardOutput == await File.ReadAllTextAsync(RepositoryLayout.Combine("deploy", "nginx.conf"), TestContext.Current.CancellationToken),
            "deploy/nginx.conf differs from the template's rendering: run deploy/render-nginx-conf.py --preset compose -o deploy/nginx.conf");
    }

    [Theory]
    [InlineData("--upstream is required", "--listen", "8080", "--ops-allow", "127.0.0.1")]
    [InlineData("is not HOST:PORT", "--upstream", "web1", "--listen", "8080", "--ops-allow", "127.0.0.1")]
    [InlineData("is not an address or a CIDR network", "--preset", "compose", "--ops-allow", "10.0.0.0/8; allow all")]
    [InlineData("needs both --tls-certificate and --tls-certificate-key", "--preset", "compose", "--tls-certificate", "/tls/cert.pem")]
    public async Task TheRendererRefusesIncompleteOrMalformedValuesAndWritesNothing(string message, params string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"nginx-{Guid.NewGuid():N}.conf");
        var refused = await RenderAsync([.. arguments, "-o", output]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(message, refused.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    private static Task<CommandResult> RenderAsync(params string[] arguments) =>
        CommandLine.RunAsync(
            Executables.Find("python3", "python3"),
            [RepositoryLayout.Combine("deploy", "render-nginx-conf.py"), .. arguments],
            cancellationToken: TestContext.Current.CancellationToken);
}
