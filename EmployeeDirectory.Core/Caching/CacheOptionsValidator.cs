using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Caching;

/// <summary>Data-annotation rules (source-generated) plus the rules that span fields.</summary>
[OptionsValidator]
internal sealed partial class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
}
