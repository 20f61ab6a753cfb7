using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Data;
using EmployeeDirectory.Web.Auth.Accounts;
using EmployeeDirectory.Web.Auth.ApiKeys;
using EmployeeDirectory.Web.Auth.KeyRing;
using EmployeeDirectory.Web.Auth.SignIn;
using EmployeeDirectory.Web.Components.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth;

/// <summary>
/// Sign-in and roles: ASP.NET Core Identity on the directory database with a cookie for browsers, API
/// keys for other clients, the authorization policies, and Data Protection keys every server shares.
/// Outside Development the cookies are Secure, and demo accounts cannot sign in.
/// </summary>
public static class AuthHostingExtensions
{
    /// <summary>Chooses the scheme per request: a request with an <c>X-Api-Key</c> header is an API client, anything else a browser.</summary>
    public const string DefaultScheme = "CookieOrApiKey";

    public const string CookieName = "ed_auth";

    public static WebApplicationBuilder AddDirectoryAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddOptions<AdminAccountOptions>().BindConfiguration(AdminAccountOptions.SectionName).ValidateOnStart();
        services.AddSingleton<AuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuthOptions>>(provider => provider.GetRequiredService<AuthOptionsValidator>());
        services.AddSingleton<IValidateOptions<AdminAccountOptions>>(provider => provider.GetRequiredService<AuthOptionsValidator>());

        // Identity's stores take a scoped context; lend them one from the pool the directory services use.
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<DirectoryDbContext>>().CreateDbContext());
        services.AddIdentityCore<DirectoryUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DirectoryDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DirectoryUserClaimsPrincipalFactory>();

        services.AddAuthentication(options => options.DefaultScheme = DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Cookie or API key", options =>
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName)
                    ? ApiKeyDefaults.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, "API key", configureOptions: null)
            .AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AuthOptions>, IHostEnvironment>((cookie, auth, environment) => ConfigureCookie(cookie, auth.Value, environment));

        // Each request's cookie is re-read from the account this often (roles, employee link, stamp), as open circuits are.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = CircuitAccounts.RefreshInterval);
        if (!builder.Environment.IsDevelopment())
        {
            services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        services.AddDirectoryAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RefreshingAuthenticationStateProvider>();
        services.AddSingleton<CircuitAccounts>();

        services.AddSingleton<EmployeeAccountLinks>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AdminRecheck>();
        services.AddSingleton<AuthMetrics>();
        services.AddScoped<AccountProvisioner>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInBackoff>();
        services.AddSingleton<SignInRefusalLog>();
        services.AddHostedService<AccountBootstrapper>();

        builder.AddDirectoryDataProtection();
        return builder;
    }

    /// <summary>
    /// Authentication, the cookie API calls' CSRF guard, the API's rate limits (per caller, so after
    /// authentication), the admin area's guard, authorization, then antiforgery (its tokens are bound to the
    /// signed-in user).
    /// </summary>
    public static WebApplication UseDirectoryAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseCookieApiCsrfGuard();
        app.UseRateLimiter();
        app.UseAdminArea();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Sign-out and the admin API for API keys and accounts. The login and access-denied pages are Razor components.</summary>
    public static WebApplication MapDirectoryAuth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAccountEndpoints();
        app.MapApiKeysApi();
        app.MapAccountsApi();
        return app;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;

        // Wrong passwords never lock an account (anyone could lock anyone out): SignInBackoff slows the client
        // instead. A lockout set by other means (an earlier version's, or a database edit) is still honoured.
        options.Lockout.AllowedForNewUsers = true;

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthOptions auth, IHostEnvironment environment)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;

        // Behind a proxy that ends TLS, the request is HTTPS once forwarded headers from a trusted proxy say so.
        cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        // Lax: another site's POST, PUT or DELETE never carries the cookie; a sibling subdomain's could, so an
        // unsafe API call by cookie also needs a header no other origin can add (CookieApiCsrfGuard).
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.LoginPath = AccountPaths.Login;
        cookie.LogoutPath = AccountPaths.Logout;
        cookie.AccessDeniedPath = AccountPaths.AccessDenied;
        cookie.ReturnUrlParameter = AccountPaths.ReturnUrlParameter;
        cookie.ExpireTimeSpan = auth.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.Events.OnRedirectToLogin = CookieRedirects.ToLoginAsync;
        cookie.Events.OnRedirectToAccessDenied = CookieRedirects.ToAccessDeniedAsync;
        DemoCookieGuard.RefuseDemoAccountsOutsideDevelopment(cookie, environment);
    }
}
