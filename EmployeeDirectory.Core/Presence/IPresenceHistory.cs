using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Core.Presence;

/// <summary>An employee's status history: every presence change, newest first.</summary>
public interface IPresenceHistory
{
    /// <summary>
    /// One page of the history (1-based <paramref name="page"/>, <paramref name="pageSize"/> 1 to
    /// <see cref="PresenceHistoryPage.MaxPageSize"/>) as <paramref name="viewer"/> may see it: notes and who made each
    /// change only for the person themself and admins, unless <see cref="StatusPrivacyOptions"/> shows them to everyone
    /// (<see cref="StatusPrivacy"/>). <see cref="ServiceOutcome.Invalid"/> for a bad page or size,
    /// <see cref="ServiceOutcome.NotFound"/> for an unknown employee.
    /// </summary>
    Task<ServiceResult<PresenceHistoryPage>> GetHistoryAsync(int employeeId, int page, int pageSize, DirectoryActor viewer, CancellationToken cancellationToken = default);
}
