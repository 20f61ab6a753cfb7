using EmployeeDirectory.Core.DirectoryCache;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmployeeDirectory.Core.Data;

internal sealed class CacheGenerationConfiguration : IEntityTypeConfiguration<CacheGenerationRecord>
{
    public void Configure(EntityTypeBuilder<CacheGenerationRecord> builder)
    {
        builder.ToTable("CacheGeneration");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasData(new CacheGenerationRecord { Id = CacheGenerationRecord.SingleRowId, Generation = 1 });
    }
}
