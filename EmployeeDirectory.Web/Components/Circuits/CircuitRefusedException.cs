namespace EmployeeDirectory.Web.Components.Circuits;

/// <summary>Thrown as a circuit opens to end it: its user is anonymous or has too many open (<see cref="CircuitLimitHandler"/>).</summary>
public sealed class CircuitRefusedException : Exception
{
    public CircuitRefusedException()
    {
    }

    public CircuitRefusedException(string message)
        : base(message)
    {
    }

    public CircuitRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
