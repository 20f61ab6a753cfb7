using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace EmployeeDirectory.Web.Components.Theme;

/// <summary>
/// The theme's CSS variables for both palettes as one stylesheet (<c>/theme.css</c>), rendered once per server by
/// MudBlazor's own <see cref="MudThemeProvider"/>: light on <c>:root</c>, dark on <c>:root[data-theme="dark"]</c>
/// (and for a browser that prefers dark before any script ran). No page then carries a theme provider: a circuit
/// held its whole rendered theme (about 60 KB) for as long as the tab stayed open, and the static sign-in pages get
/// both themes too. The browser switches theme by itself (<c>theme.js</c>, <c>app.js</c>).
/// </summary>
internal sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<Task<Rendered>> _rendered = new(() => RenderAsync(scopes, loggers));

    /// <summary>The stylesheet.</summary>
    public async Task<string> CssAsync() => (await _rendered.Value).Css;

    /// <summary>A short hash of the stylesheet, for a URL that changes when the theme does.</summary>
    public async Task<string> VersionAsync() => (await _rendered.Value).Version;

    private static async Task<Rendered> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        var light = await RenderStylesAsync(scopes, loggers, dark: false);
        var dark = await RenderStylesAsync(scopes, loggers, dark: true);
        var darkRoot = RootBlock().Match(dark) is { Success: true } block ? block.Groups["body"].Value : "";
        var css = new StringBuilder()
            .AppendLine("/* MudBlazor's theme variables for the directory's palettes (rendered by MudThemeProvider). */")
            .AppendLine(light)
            .Append("@media (prefers-color-scheme: dark) { :root:not([data-theme=\"light\"]) {").Append(darkRoot).AppendLine("} }")
            .Append(":root[data-theme=\"dark\"] {").Append(darkRoot).AppendLine("}")
            .ToString();
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        return new Rendered(css, version);
    }

    /// <summary>What MudThemeProvider renders for one palette: the contents of its style elements.</summary>
    private static async Task<string> RenderStylesAsync(IServiceScopeFactory scopes, ILoggerFactory loggers, bool dark)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = DirectoryTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return string.Join(Environment.NewLine, StyleElement().Matches(html).Select(match => match.Groups["css"].Value));
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@":root\s*\{(?<body>[^}]*)\}", RegexOptions.Singleline)]
    private static partial Regex RootBlock();

    private sealed record Rendered(string Css, string Version);
}
