namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// Browse, search, read and edit employees. Every read goes through the field cache and every write
/// through the invalidation map; callers never see EF Core types.
/// </summary>
public interface IDirectoryService
{
    /// <summary>One page of employees matching the query; <see cref="ServiceOutcome.Invalid"/> for a bad query.</summary>
    Task<ServiceResult<DirectoryPage>> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>One employee, or null when the id is unknown.</summary>
    Task<EmployeeDetails?> GetEmployeeAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>All departments, by name, with head counts.</summary>
    Task<IReadOnlyList<DepartmentSummary>> GetDepartmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a profile edit. <see cref="ServiceOutcome.Conflict"/> when <see cref="ProfileUpdate.ConcurrencyStamp"/>
    /// is stale, <see cref="ServiceOutcome.Invalid"/> with field errors, <see cref="ServiceOutcome.NotFound"/>.
    /// </summary>
    Task<ServiceResult<EmployeeDetails>> UpdateProfileAsync(int id, ProfileUpdate update, CancellationToken cancellationToken = default);
}
