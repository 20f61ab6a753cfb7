namespace EmployeeDirectory.Web.Components.Identity;

/// <summary>The actor until sign-in exists: every change is attributed to the directory itself.</summary>
internal sealed class AnonymousCurrentActor : ICurrentActor
{
    public const string Name = "directory";

    public Task<string> GetNameAsync(CancellationToken cancellationToken = default) => Task.FromResult(Name);
}
