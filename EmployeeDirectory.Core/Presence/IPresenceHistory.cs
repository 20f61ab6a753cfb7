using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Core.Presence;

/// <summary>An employee's status history: every presence change, newest first.</summary>
public interface IPresenceHistory
{
    /// <summary>
    /// One page of the history (1-based <paramref name="page"/>, <paramref name="pageSize"/> 1 to
    /// <see cref="PresenceHistoryPage.MaxPageSize"/>); <see cref="ServiceOutcome.Invalid"/> for a bad page or size,
    /// <see cref="ServiceOutcome.NotFound"/> for an unknown employee.
    /// </summary>
    Task<ServiceResult<PresenceHistoryPage>> GetHistoryAsync(int employeeId, int page, int pageSize, CancellationToken cancellationToken = default);
}
