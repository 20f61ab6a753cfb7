using System.ComponentModel.DataAnnotations;

namespace EmployeeDirectory.Web.Components.Pages.Account;

/// <summary>The login form's fields.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address, like name@example.com.")]
    [MaxLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [MaxLength(256)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
