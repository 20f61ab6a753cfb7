using EmployeeDirectory.Core.Accounts;

namespace EmployeeDirectory.Tests.Infrastructure;

/// <summary>Actors for calling Core's services directly, as the API and the pages do for a signed-in caller.</summary>
public static class TestActors
{
    /// <summary>An admin who is nobody in the roster: may set anyone's presence.</summary>
    public static DirectoryActor Admin(string name = "test") => new(name, IsAdmin: true, EmployeeId: null);

    /// <summary>An employee signed in as themself: may set only their own presence.</summary>
    public static DirectoryActor Employee(int employeeId, string name) => new(name, IsAdmin: false, employeeId);
}
