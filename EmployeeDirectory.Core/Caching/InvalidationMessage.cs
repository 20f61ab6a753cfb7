namespace EmployeeDirectory.Core.Caching;

/// <summary>
/// What travels on the invalidation channel (<c>{prefix}invalidation:v1</c>): the server that sent it and
/// the full keys every other server must evict from its L1.
/// </summary>
public sealed record InvalidationMessage(string Origin, IReadOnlyList<string> Keys);
