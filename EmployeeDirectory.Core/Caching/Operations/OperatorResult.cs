using System.Diagnostics.CodeAnalysis;

namespace EmployeeDirectory.Core.Caching.Operations;

/// <summary>
/// What an operator action achieved. Redis trouble is a result, not an exception: <see cref="Problem"/>
/// says what went wrong and <see cref="Value"/> holds what was done before it did.
/// </summary>
/// <typeparam name="T">What the action returns.</typeparam>
/// <param name="Value">The result, or the partial result when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the action could not finish; null when it did.</param>
public sealed record OperatorResult<T>(T Value, string? Problem)
{
    /// <summary>True when the action finished.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;
}
