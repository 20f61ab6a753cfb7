using EmployeeDirectory.Web.Auth.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>
/// Outside Development a sign-in cookie for a demo account is refused on every request, not only at the
/// login form: the key ring lives in the database, so a cookie issued while the same database ran in
/// Development would otherwise still be read. Then Identity's security stamp check runs as usual.
/// </summary>
internal static class DemoCookieGuard
{
    public static void RefuseDemoAccountsOutsideDevelopment(CookieAuthenticationOptions cookie, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var next = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (DemoAccounts.IsDemo(context.Principal?.Identity?.Name))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await next(context);
        };
    }
}
