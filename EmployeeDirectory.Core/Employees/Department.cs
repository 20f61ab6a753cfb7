namespace EmployeeDirectory.Core.Employees;

/// <summary>A department employees belong to (entity).</summary>
public sealed class Department
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Display name, unique.</summary>
    public required string Name { get; set; }

    /// <summary>Employees in this department.</summary>
    public ICollection<Employee> Employees { get; } = [];
}
