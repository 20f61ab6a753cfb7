namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The result of a directory operation: a value, or the reason there is none. Field errors are keyed by
/// the camelCase field name the API and the forms use (<c>givenName</c>, <c>pageSize</c>, <c>note</c>).
/// </summary>
public sealed class ServiceResult<T>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private ServiceResult(ServiceOutcome outcome, T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        Outcome = outcome;
        Value = value;
        Errors = errors;
    }

    public ServiceOutcome Outcome { get; }

    /// <summary>The result when <see cref="ServiceOutcome.Ok"/>; the current stored value when <see cref="ServiceOutcome.Conflict"/>.</summary>
    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool IsOk => Outcome == ServiceOutcome.Ok;

#pragma warning disable CA1000 // Factory methods on a generic result type read best at the call site.
    public static ServiceResult<T> Ok(T value) => new(ServiceOutcome.Ok, value, NoErrors);

    public static ServiceResult<T> NotFound() => new(ServiceOutcome.NotFound, default, NoErrors);

    public static ServiceResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ServiceOutcome.Invalid, default, errors);

    public static ServiceResult<T> Conflict(T? current) => new(ServiceOutcome.Conflict, current, NoErrors);

    public static ServiceResult<T> Forbidden() => new(ServiceOutcome.Forbidden, default, NoErrors);
#pragma warning restore CA1000
}
