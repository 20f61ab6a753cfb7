using EmployeeDirectory.Core.Accounts;
using EmployeeDirectory.Core.Employees;
using Microsoft.Extensions.Options;

namespace EmployeeDirectory.Core.Presence;

/// <summary>
/// Who may see the personal side of an employee's status: the notes in their status history and who changed their
/// status ("changed by"). The person themself and admins may; everyone else only when
/// <see cref="StatusPrivacyOptions.ShowStatusHistoryToEveryone"/> says so. In/Out, its times, back-at times and the
/// current note stay visible to all: they are the board itself. The history service applies this to what it returns;
/// the API, the pages and the directory rows call <see cref="ForViewer(EmployeeStatus, DirectoryActor)"/> and its
/// overloads on what they show.
/// </summary>
public sealed class StatusPrivacy(IOptionsMonitor<StatusPrivacyOptions> options)
{
    /// <summary>True when <paramref name="viewer"/> may see the history notes and "changed by" of employee <paramref name="employeeId"/>.</summary>
    public bool MaySeeDetailsOf(DirectoryActor viewer, int employeeId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return options.CurrentValue.ShowStatusHistoryToEveryone || viewer.IsAdmin || viewer.EmployeeId == employeeId;
    }

    /// <summary>The status as <paramref name="viewer"/> may see it: without "changed by" unless they may see it.</summary>
    public EmployeeStatus ForViewer(EmployeeStatus status, DirectoryActor viewer)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.ChangedBy is null || MaySeeDetailsOf(viewer, status.EmployeeId) ? status : status with { ChangedBy = null };
    }

    /// <summary>The employee with their status as <paramref name="viewer"/> may see it.</summary>
    public EmployeeDetails ForViewer(EmployeeDetails details, DirectoryActor viewer)
    {
        ArgumentNullException.ThrowIfNull(details);
        var status = ForViewer(details.Status, viewer);
        return ReferenceEquals(status, details.Status) ? details : details with { Status = status };
    }

    /// <summary>A directory row with its status as <paramref name="viewer"/> may see it.</summary>
    public DirectoryRow ForViewer(DirectoryRow row, DirectoryActor viewer)
    {
        ArgumentNullException.ThrowIfNull(row);
        var status = ForViewer(row.Status, viewer);
        return ReferenceEquals(status, row.Status) ? row : row with { Status = status };
    }

    /// <summary>A directory page with every row's status as <paramref name="viewer"/> may see it.</summary>
    public DirectoryPage ForViewer(DirectoryPage page, DirectoryActor viewer)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page with { Items = [.. page.Items.Select(row => ForViewer(row, viewer))] };
    }

    /// <summary>A history entry of employee <paramref name="employeeId"/> as <paramref name="viewer"/> may see it: without note and "by" unless they may.</summary>
    public PresenceHistoryEntry ForViewer(PresenceHistoryEntry entry, int employeeId, DirectoryActor viewer)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return MaySeeDetailsOf(viewer, employeeId) ? entry : entry with { Note = null, By = null };
    }
}
