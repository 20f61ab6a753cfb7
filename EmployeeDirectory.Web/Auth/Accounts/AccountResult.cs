namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>The outcome of ensuring an account, with Identity's reasons when it failed.</summary>
internal sealed record AccountResult(AccountChange Change, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Change != AccountChange.Failed;

    public static AccountResult Of(AccountChange change) => new(change, []);

    public static AccountResult Failed(IEnumerable<string> errors) => new(AccountChange.Failed, [.. errors]);
}
