using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Web.Replicas;

/// <summary>
/// Which replica this process is, bound from the <c>Replica</c> section and validated at start-up. Every
/// response names it in the <c>X-Served-By</c> header, so operators and tests behind a load balancer can
/// tell which replica answered.
/// </summary>
public sealed class ReplicaOptions
{
    public const string SectionName = "Replica";

    /// <summary>
    /// The replica's name, e.g. <c>web1</c> or a pod name. Empty means the machine (container, pod) name.
    /// Letters, digits and <c>. _ : -</c> only, at most 64 characters: it travels in a response header.
    /// </summary>
    [MaxLength(64, ErrorMessage = "Replica:Name is at most 64 characters.")]
    [RegularExpression("^[A-Za-z0-9._:-]*$", ErrorMessage = "Replica:Name may hold only letters, digits and . _ : -")]
    public string? Name { get; set; }
}
