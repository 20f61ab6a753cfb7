using EmployeeDirectory.Core.Employees;

namespace EmployeeDirectory.Web.Components.Live;

/// <summary>Something open that shows directory data (a page in a circuit) and takes the changes that concern it.</summary>
public interface ILiveView
{
    /// <summary>
    /// A change that concerns this view: it shows an employee the change names, or its <see cref="LiveInterest"/>
    /// asks for it. Called on the thread that applied the change: hand it to the view's own thread and return.
    /// </summary>
    void Deliver(DirectoryChangedEventArgs change);
}
