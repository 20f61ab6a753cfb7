using EmployeeDirectory.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployeeDirectory.Core.Data;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
        builder.Property(k => k.Role).HasMaxLength(ApiKey.MaxRoleLength);
        builder.Property(k => k.Scopes).HasMaxLength(ApiKeyScopes.MaxStoredLength).HasDefaultValue("");
        builder.Property(k => k.EmployeeEmail).HasMaxLength(ApiKey.MaxEmailLength);
        builder.Property(k => k.NormalizedEmployeeEmail).HasMaxLength(ApiKey.MaxEmailLength);
        builder.Property(k => k.KeyHash).HasMaxLength(ApiKey.HashLength).IsFixedLength();
        builder.Property(k => k.Preview).HasMaxLength(ApiKey.PreviewLength);
        builder.Property(k => k.CreatedBy).HasMaxLength(ApiKey.MaxEmailLength);
        builder.Property(k => k.RevokedBy).HasMaxLength(ApiKey.MaxEmailLength);

        builder.HasIndex(k => k.KeyHash).IsUnique();
    }
}
