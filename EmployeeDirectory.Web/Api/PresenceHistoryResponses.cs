using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Web.Api;

/// <summary>One presence change in an employee's history.</summary>
internal sealed record PresenceHistoryItem(
    PresenceStatus From,
    PresenceStatus To,
    string? Note,
    DateTimeOffset? Until,
    DateTimeOffset At,
    string? By,
    PresenceSource Source);

/// <summary>One page of an employee's status history, newest first.</summary>
internal sealed record PresenceHistoryResponse(
    IReadOnlyList<PresenceHistoryItem> Items,
    int Total,
    int Page,
    int PageSize);
