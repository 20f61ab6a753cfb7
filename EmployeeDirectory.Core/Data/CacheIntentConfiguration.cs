using EmployeeDirectory.Core.DirectoryCache;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployeeDirectory.Core.Data;

internal sealed class CacheIntentConfiguration : IEntityTypeConfiguration<CacheIntentRecord>
{
    public void Configure(EntityTypeBuilder<CacheIntentRecord> builder)
    {
        builder.ToTable("CacheIntents");
        builder.Property(i => i.Payload).IsRequired();
        builder.HasIndex(i => i.CreatedAtMs);
        builder.HasIndex(i => i.SentAtMs);
    }
}
