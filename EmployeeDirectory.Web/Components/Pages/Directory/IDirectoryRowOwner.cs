using EmployeeDirectory.Core.Presence;

namespace EmployeeDirectory.Web.Components.Pages.Directory;

/// <summary>The page a <see cref="DirectoryRowView"/> belongs to: it finds its rows by employee id to patch them, and hears what the user set on one.</summary>
public interface IDirectoryRowOwner
{
    /// <summary>A row shows this employee now.</summary>
    void Register(DirectoryRowView row);

    /// <summary>A row went away.</summary>
    void Unregister(DirectoryRowView row);

    /// <summary>The user set a status on a row (or found someone else had): the stored status, which the row already shows.</summary>
    void StatusChanged(EmployeeStatus status);
}
