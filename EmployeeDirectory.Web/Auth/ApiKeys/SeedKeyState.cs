namespace EmployeeDirectory.Web.Auth.ApiKeys;

/// <summary>What <see cref="ApiKeyStore.SeedAsync"/> found for the Development seed key.</summary>
internal enum SeedKeyState
{
    /// <summary>Stored now, as an admin key.</summary>
    Created,

    /// <summary>Stored earlier and still active.</summary>
    Active,

    /// <summary>Stored earlier and revoked since; it stays revoked.</summary>
    Revoked,
}
