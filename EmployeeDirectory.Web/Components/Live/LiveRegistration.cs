namespace EmployeeDirectory.Web.Components.Live;

/// <summary>One open view's place in the <see cref="LiveDirectory"/>: what it shows and what else it needs. Disposing it stops the changes.</summary>
public sealed class LiveRegistration : IDisposable
{
    private readonly LiveDirectory _directory;

    internal LiveRegistration(LiveDirectory directory, ILiveView view)
    {
        _directory = directory;
        View = view;
    }

    internal ILiveView View { get; }

    /// <summary>What the view needs besides its own rows; set through <see cref="Update"/>.</summary>
    internal LiveInterest Interest { get; set; } = LiveInterest.ShownOnly;

    /// <summary>The employees the view shows; set through <see cref="Update"/>.</summary>
    internal int[] Shown { get; set; } = [];

    /// <summary>Says what the view shows now: changes of these employees, and of what <paramref name="interest"/> asks for, reach it from here on.</summary>
    public void Update(LiveInterest interest, IReadOnlyCollection<int> shown)
    {
        ArgumentNullException.ThrowIfNull(interest);
        ArgumentNullException.ThrowIfNull(shown);
        _directory.Update(this, interest, shown);
    }

    public void Dispose() => _directory.Unregister(this);
}
