namespace EmployeeDirectory.Core.Data.Seeding;

/// <summary>
/// An office of the demo company: the Bogus locale its people's names come from, how many floors it
/// has, and the phone number pattern (<c>#</c> is a random digit).
/// </summary>
internal sealed record DemoOffice(string City, double Weight, string Locale, int Floors, string PhonePattern);
