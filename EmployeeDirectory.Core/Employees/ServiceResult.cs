namespace EmployeeDirectory.Core.Employees;

/// <summary>
/// The result of a directory operation: a value, or the reason there is none. Field errors are keyed by
/// the camelCase field name the API and the forms use (<c>givenName</c>, <c>pageSize</c>, <c>note</c>).
/// </summary>
public sealed class ServiceResult<T>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private ServiceResult(ServiceOutcome outcome, T? value, IReadOnlyDictionary<string, string[]> errors, TimeSpan? retryAfter = null)
    {
        Outcome = outcome;
        Value = value;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    /// <summary>How the operation ended.</summary>
    public ServiceOutcome Outcome { get; }

    /// <summary>The result when <see cref="ServiceOutcome.Ok"/>; the current stored value when <see cref="ServiceOutcome.Conflict"/>.</summary>
    public T? Value { get; }

    /// <summary>Messages per field when <see cref="ServiceOutcome.Invalid"/>; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>When <see cref="ServiceOutcome.Throttled"/>: how long until the actor may try again.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when <see cref="ServiceOutcome.Ok"/>.</summary>
    public bool IsOk => Outcome == ServiceOutcome.Ok;

#pragma warning disable CA1000 // Factory methods on a generic result type read best at the call site.
    /// <summary>Done, with a value.</summary>
    public static ServiceResult<T> Ok(T value) => new(ServiceOutcome.Ok, value, NoErrors);

    /// <summary>No such record.</summary>
    public static ServiceResult<T> NotFound() => new(ServiceOutcome.NotFound, default, NoErrors);

    /// <summary>Refused, with messages per field.</summary>
    public static ServiceResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ServiceOutcome.Invalid, default, errors);

    /// <summary>Refused because someone saved first; <paramref name="current"/> is what is stored now.</summary>
    public static ServiceResult<T> Conflict(T? current) => new(ServiceOutcome.Conflict, current, NoErrors);

    /// <summary>Refused because the actor may not do this. Nothing was saved.</summary>
    public static ServiceResult<T> Forbidden() => new(ServiceOutcome.Forbidden, default, NoErrors);

    /// <summary>The database could not be reached. Nothing was saved.</summary>
    public static ServiceResult<T> Unavailable() => new(ServiceOutcome.Unavailable, default, NoErrors);

    /// <summary>Refused because the actor has done this too often lately; they may again after <paramref name="retryAfter"/>. Nothing was saved.</summary>
    public static ServiceResult<T> Throttled(TimeSpan retryAfter) => new(ServiceOutcome.Throttled, default, NoErrors, retryAfter);
#pragma warning restore CA1000
}
