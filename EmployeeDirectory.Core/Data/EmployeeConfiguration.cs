using EmployeeDirectory.Core.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployeeDirectory.Core.Data;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.Property(e => e.GivenName).HasMaxLength(ProfileUpdate.MaxNameLength);
        builder.Property(e => e.FamilyName).HasMaxLength(ProfileUpdate.MaxNameLength);
        builder.Property(e => e.DisplayName).HasMaxLength(ProfileUpdate.MaxNameLength * 2 + 1);
        builder.Property(e => e.Title).HasMaxLength(ProfileUpdate.MaxTitleLength);
        builder.Property(e => e.Email).HasMaxLength(ProfileUpdate.MaxEmailLength);
        builder.Property(e => e.NormalizedEmail).HasMaxLength(ProfileUpdate.MaxEmailLength);
        builder.Property(e => e.Phone).HasMaxLength(ProfileUpdate.MaxPhoneLength);
        builder.Property(e => e.Location).HasMaxLength(ProfileUpdate.MaxLocationLength);
        builder.Property(e => e.PresenceNote).HasMaxLength(Employee.MaxNoteLength);
        builder.Property(e => e.PresenceChangedBy).HasMaxLength(ProfileUpdate.MaxEmailLength);
        builder.Property(e => e.Presence).HasConversion<int>();
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne(e => e.Department)
            .WithMany(d => d.Employees)
            .HasForeignKey(e => e.DepartmentId)
            .OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(e => e.NormalizedEmail).IsUnique();
        builder.HasIndex(e => new { e.FamilyName, e.GivenName });
        builder.HasIndex(e => new { e.DepartmentId, e.Presence });
        builder.HasIndex(e => e.Presence);
    }
}
