namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>The offices of the demo company. Phone numbers use ranges reserved for fiction where one exists.</summary>
internal static class DemoOffices
{
    public static IReadOnlyList<DemoOffice> All { get; } =
    [
        new("Seattle", 35, "en_US", 8, "+1 206 555 01##"),
        new("New York", 15, "en_US", 4, "+1 212 555 01##"),
        new("Toronto", 10, "en_CA", 3, "+1 416 555 01##"),
        new("London", 20, "en_GB", 5, "+44 20 7946 0###"),
        new("Dublin", 8, "en_IE", 2, "+353 1 555 ####"),
        new("Berlin", 12, "de", 3, "+49 30 23125 ###"),
    ];

    /// <summary>Each department sits on one floor per office, so teammates share a location.</summary>
    public static string LocationOf(int officeIndex, int departmentIndex)
    {
        var office = All[officeIndex];
        var floor = 1 + (departmentIndex + officeIndex) % office.Floors;
        return $"{office.City}, Floor {floor}";
    }
}
