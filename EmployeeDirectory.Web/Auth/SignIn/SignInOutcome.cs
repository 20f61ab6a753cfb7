namespace EmployeeDirectory.Web.Auth.SignIn;

/// <summary>How a sign-in attempt ended, as far as the person signing in may know.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>
    /// Unknown account, wrong password, locked account, or a demo account outside Development: one answer
    /// for all, so the form never tells whether an email has an account.
    /// </summary>
    Refused,

    /// <summary>Too many attempts from this address or at this account; not tried.</summary>
    Throttled,
}
