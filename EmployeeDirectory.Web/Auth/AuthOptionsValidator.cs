using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Web.Auth;

/// <summary>Start-up checks of the <c>Auth</c> and <c>Admin</c> sections.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>, IValidateOptions<AdminAccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.SeedApiKey) && options.SeedApiKey.Trim().Length < AuthOptions.MinSeedApiKeyLength)
        {
            failures.Add($"Auth:SeedApiKey must be at least {AuthOptions.MinSeedApiKeyLength} characters long.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero || options.SessionLifetime > TimeSpan.FromDays(30))
        {
            failures.Add("Auth:SessionLifetime must be more than zero and at most 30 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, AdminAccountOptions options)
    {
        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrWhiteSpace(options.Email))
        {
            return ValidateOptionsResult.Fail("Admin:Password is set but Admin:Email is not: name the admin account's email.");
        }

        if (!string.IsNullOrWhiteSpace(options.Email) && !AccountEmail.IsValid(options.Email))
        {
            return ValidateOptionsResult.Fail($"Admin:Email '{options.Email}' is not an email address.");
        }

        return ValidateOptionsResult.Success;
    }
}
