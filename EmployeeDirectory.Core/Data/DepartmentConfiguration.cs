using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployeeDirectory.Core.Data;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public const int MaxNameLength = 100;

    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(MaxNameLength);
        builder.HasIndex(d => d.Name).IsUnique();
    }
}
