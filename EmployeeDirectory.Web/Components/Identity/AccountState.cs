namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>An account as the database holds it now: what decides whether its open circuits may go on, and as whom.</summary>
/// <param name="UserId">The account's id.</param>
/// <param name="Email">Its email (the user name).</param>
/// <param name="SecurityStamp">Changes with a new password and other security changes: it signs circuits out.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="EmployeeId">The employee it is linked to, if any.</param>
internal sealed record AccountState(string UserId, string? Email, string? SecurityStamp, IReadOnlyList<string> Roles, int? EmployeeId);
