namespace EmployeeDirectory.Core.Employees;

/// <summary>How a directory operation ended.</summary>
public enum ServiceOutcome
{
    /// <summary>Done; the result holds the value.</summary>
    Ok,

    /// <summary>No employee with that id.</summary>
    NotFound,

    /// <summary>The input broke a rule; <see cref="ServiceResult{T}.Errors"/> says which, per field. Nothing was saved.</summary>
    Invalid,

    /// <summary>Someone else saved first; <see cref="ServiceResult{T}.Value"/> holds the current version. Nothing was saved.</summary>
    Conflict,

    /// <summary>The actor may not do this. Nothing was saved.</summary>
    Forbidden,

    /// <summary>The database could not be reached. Nothing was saved; trying again later may succeed.</summary>
    Unavailable,

    /// <summary>The actor has done this too often lately; <see cref="ServiceResult{T}.RetryAfter"/> says when they may again. Nothing was saved.</summary>
    Throttled,
}
