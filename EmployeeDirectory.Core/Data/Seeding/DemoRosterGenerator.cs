using Bogus;
using EmployeeDirectory.Core.Employees;
using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// Generates the deterministic demo roster: the same seed gives the same people, titles, offices,
/// emails and statuses in the same order (only <see cref="Employee.PresenceChangedAt"/> follows the
/// clock, as an offset of up to a day before <c>now</c>, and back-at times, ahead of <c>now</c>). Back-at times
/// come from a second random sequence, so adding them left every other field of the roster as it was.
/// </summary>
internal static class DemoRosterGenerator
{
    public const int DefaultSeed = 20_250_601;
    public const string EmailDomain = "contoso.example";
    public const string ReceptionAccount = "reception@" + EmailDomain;

    private const float InShare = 0.55f;
    private const float NoteShare = 0.35f;
    private const float ChangedByReceptionShare = 0.1f;
    private const int SecondsPerDay = 86_400;
    private const float OutWithBackAtShare = 0.15f;
    private const float InWithEndShare = 0.05f;

    /// <summary>
    /// A department's head is among its first few members (so the first rows are not all heads); a
    /// department with fewer members has no head.
    /// </summary>
    private const int MaxHeadPosition = 4;

    /// <summary>Names of the departments to insert, in the order <c>departmentIds</c> must follow.</summary>
    public static IReadOnlyList<string> DepartmentNames { get; } = [.. DemoDepartments.All.Select(d => d.Name)];

    /// <summary>
    /// Yields <paramref name="count"/> employees lazily. <paramref name="departmentIds"/>[i] is the id
    /// of <see cref="DepartmentNames"/>[i].
    /// </summary>
    public static IEnumerable<Employee> Generate(
        int count, IReadOnlyList<int> departmentIds, DateTimeOffset now, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(departmentIds);
        if (departmentIds.Count != DemoDepartments.All.Count)
        {
            throw new ArgumentException(
                $"Expected {DemoDepartments.All.Count} department ids, got {departmentIds.Count}.", nameof(departmentIds));
        }

        return GenerateIterator(count, departmentIds, now, seed);
    }

    private static IEnumerable<Employee> GenerateIterator(
        int count, IReadOnlyList<int> departmentIds, DateTimeOffset now, int seed)
    {
        var random = new Randomizer(seed);
        var fakers = DemoOffices.All.Select(o => new Faker(o.Locale) { Random = random }).ToArray();
        var departments = new WeightedChoice(DemoDepartments.All.Select(d => d.Weight));
        var offices = new WeightedChoice(DemoOffices.All.Select(o => o.Weight));
        var titles = DemoDepartments.All.Select(d => new WeightedChoice(TitleWeights(d.Titles.Count))).ToArray();
        var members = new int[DemoDepartments.All.Count];
        var headAt = DemoDepartments.All.Select(_ => random.Int(1, MaxHeadPosition)).ToArray();
        var emails = new DemoEmailAllocator(EmailDomain);
        var backAt = new Randomizer(seed + 1);

        for (var i = 0; i < count; i++)
        {
            var departmentIndex = departments.Next(random);
            var officeIndex = offices.Next(random);
            var department = DemoDepartments.All[departmentIndex];
            var faker = fakers[officeIndex];

            var givenName = faker.Name.FirstName();
            var familyName = faker.Name.LastName();
            var email = emails.Allocate(givenName, familyName);
            var title = ++members[departmentIndex] == headAt[departmentIndex]
                ? department.HeadTitle
                : department.Titles[titles[departmentIndex].Next(random)];

            var presence = random.Bool(InShare) ? PresenceStatus.In : PresenceStatus.Out;
            var notes = presence == PresenceStatus.In ? DemoPresenceNotes.WhenIn : DemoPresenceNotes.WhenOut;

            // Drawn in the order the roster has always drawn them, so the same seed gives the same people.
            var phone = random.Replace(DemoOffices.All[officeIndex].PhonePattern);
            var note = random.Bool(NoteShare) ? notes[random.Int(0, notes.Count - 1)] : null;
            var changedAt = now.AddSeconds(-random.Int(0, SecondsPerDay - 1));
            var changedBy = random.Bool(ChangedByReceptionShare) ? ReceptionAccount : email;
            var until = UntilOf(presence, now, backAt);

            yield return new Employee
            {
                GivenName = givenName,
                FamilyName = familyName,
                DisplayName = EmployeeNaming.DisplayNameOf(givenName, familyName),
                Title = title,
                DepartmentId = departmentIds[departmentIndex],
                Email = email,
                NormalizedEmail = EmployeeNaming.NormalizeEmail(email),
                Phone = phone,
                Location = DemoOffices.LocationOf(officeIndex, departmentIndex),
                Presence = presence,
                PresenceNote = until is null ? note : DemoPresenceNotes.ForBackAt(presence),
                PresenceChangedAt = changedAt,
                PresenceChangedBy = changedBy,
                PresenceUntil = until,
                ConcurrencyStamp = random.Guid(),
            };
        }
    }

    /// <summary>
    /// Some people who are out say when they are back (half an hour to two days ahead), a few who are in say when
    /// they leave (half an hour to eight hours ahead); on a quarter hour, as people give them.
    /// </summary>
    private static DateTimeOffset? UntilOf(PresenceStatus presence, DateTimeOffset now, Randomizer random)
    {
        var share = presence == PresenceStatus.Out ? OutWithBackAtShare : InWithEndShare;
        if (!random.Bool(share))
        {
            return null;
        }

        var maxQuarters = presence == PresenceStatus.Out ? 2 * 24 * 4 : 8 * 4;
        var start = now.ToUniversalTime();
        var quarter = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute / 15 * 15, 0, TimeSpan.Zero);
        return quarter.AddMinutes(15 * random.Int(2, maxQuarters));
    }

    /// <summary>Earlier titles are more common: weights n, n-1, ..., 1.</summary>
    private static IEnumerable<double> TitleWeights(int count) => Enumerable.Range(0, count).Select(i => (double)(count - i));
}
