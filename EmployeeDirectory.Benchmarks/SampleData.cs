using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Benchmarks;

/// <summary>The values every benchmark reads: the same status record, so every cache holds the same JSON.</summary>
internal static class SampleData
{
    public const int PageSize = 50;

    public static EmployeeStatus Status(int employeeId) => new(
        employeeId,
        PresenceStatus.In,
        "Back at 3pm, desk 4.12",
        new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero),
        "reception@example.com");

    /// <summary>The loader passed on hit paths: a hit never calls it, so a miss fails the benchmark instead of timing a load.</summary>
    public static Task<EmployeeStatus?> MustNotLoad(EmployeeStatus state, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The benchmark expected a cache hit for employee {state.EmployeeId} but the loader ran.");

    public static Task<IReadOnlyDictionary<int, EmployeeStatus>> MustNotLoadMany(IReadOnlyList<int> ids, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The benchmark expected cache hits but the loader ran for {ids.Count} employees.");

    public static Task<EmployeeStatus?> LoadFromState(EmployeeStatus state, CancellationToken cancellationToken) =>
        Task.FromResult<EmployeeStatus?>(state);
}
