using System.Globalization;
using EmployeeDirectory.Web.Auth;
using EmployeeDirectory.Web.Auth.SignIn;
using Microsoft.AspNetCore.Components;

namespace EmployeeDirectory.Web.Components.Pages.Account;

/// <summary>
/// The login form, rendered statically: the POST runs on the server's request, so signing in can set the
/// cookie (a circuit cannot). One message for every refusal (unknown email, wrong password, locked
/// account), so the page never tells whether an email has an account; too many attempts answer 429.
/// </summary>
public sealed partial class Login
{
    public const string RefusedMessage =
        "The email or password is not right, or the account is locked for a while after too many failed attempts.";

    private string? _message;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery(Name = AccountPaths.ReturnUrlParameter)]
    private string? ReturnUrl { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private PasswordSignIn PasswordSignIn { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string? SignedInAs =>
        HttpContext.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var result = await PasswordSignIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe, HttpContext.Connection.RemoteIpAddress);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl), forceLoad: true);
                return;
            case SignInOutcome.Throttled:
                var seconds = (int)Math.Ceiling((result.RetryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                _message = $"Too many sign-in attempts. Wait {seconds} seconds, then try again.";
                break;
            default:
                _message = RefusedMessage;
                break;
        }

        Input.Password = "";
    }
}
