using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployeeDirectory.Core.Data;

internal sealed class PresenceChangeConfiguration : IEntityTypeConfiguration<PresenceChange>
{
    public void Configure(EntityTypeBuilder<PresenceChange> builder)
    {
        builder.ToTable("PresenceHistory");
        builder.Property(c => c.From).HasConversion<int>();
        builder.Property(c => c.To).HasConversion<int>();
        builder.Property(c => c.Note).HasMaxLength(Employee.MaxNoteLength);
        builder.Property(c => c.By).HasMaxLength(ProfileUpdate.MaxEmailLength);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);

        builder.HasOne<Employee>()
            .WithMany()
            .HasForeignKey(c => c.EmployeeId)
            .OnDelete(DeleteBehavior.Cascade);

        // Paging one employee's history newest first, and pruning by age.
        builder.HasIndex(c => new { c.EmployeeId, c.Id });
        builder.HasIndex(c => c.At);
    }
}
