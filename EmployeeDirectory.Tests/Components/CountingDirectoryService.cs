using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Tests.Components;

/// <summary>The real directory service, with a count of the searches pages run through it.</summary>
internal sealed class CountingDirectoryService(IDirectoryService inner) : IDirectoryService
{
    private int _searches;

    /// <summary>Searches run so far.</summary>
    public int Searches => Volatile.Read(ref _searches);

    public Task<ServiceResult<DirectoryPage>> SearchAsync(DirectoryQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _searches);
        return inner.SearchAsync(query, cancellationToken);
    }

    public Task<EmployeeDetails?> GetEmployeeAsync(int id, CancellationToken cancellationToken = default) => inner.GetEmployeeAsync(id, cancellationToken);

    public Task<IReadOnlyList<DepartmentSummary>> GetDepartmentsAsync(CancellationToken cancellationToken = default) => inner.GetDepartmentsAsync(cancellationToken);

    public Task<ServiceResult<EmployeeDetails>> UpdateProfileAsync(int id, ProfileUpdate update, CancellationToken cancellationToken = default) =>
        inner.UpdateProfileAsync(id, update, cancellationToken);
}
