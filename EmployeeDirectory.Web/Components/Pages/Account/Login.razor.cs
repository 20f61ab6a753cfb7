using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace EmployeeDirectory.Web.Components.Pages.Account;

/// <summary>
/// The login form, rendered statically: the POST runs on the server's request, so signing in can set the
/// cookie (a circuit cannot). Five wrong passwords in a row lock the account for 15 minutes; the message
/// never says whether the email or the password was wrong.
/// </summary>
public sealed partial class Login
{
    private string? _message;

    [SupplyParameterFromForm]
    private LoginInput Input { get; set; } = default!;

    [SupplyParameterFromQuery(Name = AccountPaths.ReturnUrlParameter)]
    private string? ReturnUrl { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private SignInManager<DirectoryUser> SignInManager { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<Login> Logger { get; set; } = default!;

    private string? SignedInAs =>
        HttpContext.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var email = Input.Email.Trim();
        var result = await SignInManager.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Log.SignedIn(Logger, email);
            Navigation.NavigateTo(LocalUrl.OrHome(ReturnUrl), forceLoad: true);
            return;
        }

        if (result.IsLockedOut)
        {
            Log.LockedOut(Logger, email);
            _message = "This account is locked after too many failed attempts. Try again in 15 minutes.";
        }
        else
        {
            Log.Failed(Logger, email);
            _message = "The email or password is not right.";
        }

        Input.Password = "";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "{Email} signed in")]
        public static partial void SignedIn(ILogger logger, string email);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Failed sign-in for {Email}")]
        public static partial void Failed(ILogger logger, string email);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Sign-in refused: {Email} is locked out")]
        public static partial void LockedOut(ILogger logger, string email);
    }
}
